package dev.vex.ir;

/**
 * A front end's mutable variable, turned into SSA values by {@link FunctionBuilder}: the front end
 * assigns it with {@link FunctionBuilder#defineVariable} and reads it with
 * {@link FunctionBuilder#useVariable}; the builder places the block parameters that merge its
 * definitions. Made by {@link FunctionBuilder#declareVariable}, valid in that builder only.
 *
 * <p>Variables compare by identity.
 */
public final class Variable {
    private final int index;
    private final Type type;

    Variable(int index, Type type) {
        this.index = index;
        this.type = type;
    }

    /** Dense index within its builder, from 0, in declaration order. */
    public int index() {
        return index;
    }

    /** The type of every value the variable holds. */
    public Type type() {
        return type;
    }

    /** {@code varN}, N being the index. */
    @Override
    public String toString() {
        return "var" + index;
    }
}
