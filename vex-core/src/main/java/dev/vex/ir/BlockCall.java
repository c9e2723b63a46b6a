package dev.vex.ir;

import java.util.List;

/**
 * A branch destination with the arguments passed to its parameters: {@code block3(v1, v2)}.
 * Immutable.
 */
public record BlockCall(Block block, List<Value> args) {
    /** Checks the block and arguments are non-null and copies the list. */
    public BlockCall {
        if (block == null) {
            throw new IrBuildException("a block call needs a block");
        }
        if (args == null) {
            throw new IrBuildException("a block call to " + block + " needs an argument list");
        }
        for (Value a : args) {
            if (a == null) {
                throw new IrBuildException("a block call to " + block + " has a null argument");
            }
        }
        args = List.copyOf(args);
    }

    /** {@code block(args)}. */
    public static BlockCall of(Block block, Value... args) {
        return new BlockCall(block, List.of(args));
    }

    @Override
    public String toString() {
        if (args.isEmpty()) {
            return block.toString();
        }
        StringBuilder sb = new StringBuilder(block.toString()).append('(');
        for (int i = 0; i < args.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(args.get(i));
        }
        return sb.append(')').toString();
    }
}
