package dev.vex.interp;

import dev.vex.ir.Block;
import dev.vex.ir.BlockCall;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.MemFlags;
import dev.vex.ir.Opcode;
import dev.vex.ir.StackSlot;
import dev.vex.ir.Type;
import dev.vex.ir.Value;
import java.util.List;

/**
 * A function decoded once for the interpreter: its blocks laid end to end in one
 * {@link DecodedInstruction} array (a block is the index it starts at), values as registers of a
 * per-frame {@code long[]} indexed by {@link Value#id()}, stack slots as offsets in a frame
 * area whose size and alignment are fixed here.
 */
final class DecodedFunction {
    /** Alignment of a slot whose declaration asks for none, and of every frame area. */
    private static final int DEFAULT_SLOT_ALIGN = 8;
    private static final int FRAME_ALIGN = 16;

    final String name;
    final boolean isAsync;
    final DecodedInstruction[] code;
    final int registerCount;
    final int[] paramSlots;
    final long[] paramMasks;
    final int resultCount;
    /** Offset of each stack slot (declaration order) within the frame area. */
    final int[] slotOffsets;
    final int frameSize;
    final int frameAlign;
    /** The most block arguments any branch passes: the scratch a parallel assignment needs. */
    final int maxBranchArgs;
    /** Some value is wide (128-bit): frames get a {@link Frame#high} register file. */
    final boolean hasWide;
    /** Which parameters, and which results, are wide. */
    final boolean[] paramWide;
    final boolean[] resultWide;

    private DecodedFunction(String name, boolean isAsync, DecodedInstruction[] code, int registerCount,
            int[] paramSlots, long[] paramMasks, int resultCount, int[] slotOffsets, int frameSize,
            int frameAlign, int maxBranchArgs, boolean hasWide, boolean[] paramWide, boolean[] resultWide) {
        this.name = name;
        this.isAsync = isAsync;
        this.code = code;
        this.registerCount = registerCount;
        this.paramSlots = paramSlots;
        this.paramMasks = paramMasks;
        this.resultCount = resultCount;
        this.slotOffsets = slotOffsets;
        this.frameSize = frameSize;
        this.frameAlign = frameAlign;
        this.maxBranchArgs = maxBranchArgs;
        this.hasWide = hasWide;
        this.paramWide = paramWide;
        this.resultWide = resultWide;
    }

    /** Decodes {@code fn}; callees are resolved through {@code program}. */
    static DecodedFunction decode(Function fn, Program program, boolean bigEndianDefault) {
        List<Block> blocks = fn.blocks();
        if (blocks.isEmpty()) {
            throw new InterpreterFailure("function %" + fn.name() + " has no body");
        }
        // Block start positions first: a block that does not end in a terminator gets one
        // UNSUPPORTED instruction appended, so control can never run into the next block.
        int[] blockStart = new int[fn.blockCount()];
        int pc = 0;
        for (Block b : blocks) {
            blockStart[b.id()] = pc;
            pc += b.instructions().size() + (b.terminator() == null ? 1 : 0);
        }
        DecodedInstruction[] code = new DecodedInstruction[pc];
        int maxArgs = 0;
        boolean hasWide = false;
        pc = 0;
        for (Block b : blocks) {
            for (Value v : b.params()) {
                hasWide |= v.type().isWide();
            }
            for (Instruction inst : b.instructions()) {
                for (Value v : inst.results()) {
                    hasWide |= v.type().isWide();
                }
                code[pc++] = decodeInstruction(fn, inst, blockStart, program, bigEndianDefault);
                for (BlockCall c : inst.destinations()) {
                    maxArgs = Math.max(maxArgs, c.args().size());
                }
            }
            if (b.terminator() == null) {
                code[pc++] = unsupported(fn.name() + ": " + b + " does not end in a terminator");
            }
        }
        Block entry = blocks.get(0);
        int[] paramSlots = new int[entry.params().size()];
        long[] paramMasks = new long[paramSlots.length];
        boolean[] paramWide = new boolean[paramSlots.length];
        for (int i = 0; i < paramSlots.length; i++) {
            paramSlots[i] = entry.param(i).id();
            paramMasks[i] = entry.param(i).type().mask();
            paramWide[i] = entry.param(i).type().isWide();
        }
        List<dev.vex.ir.AbiParam> returns = fn.signature().returns();
        boolean[] resultWide = new boolean[returns.size()];
        for (int i = 0; i < resultWide.length; i++) {
            resultWide[i] = returns.get(i).type().isWide();
        }
        List<StackSlot> slots = fn.stackSlots();
        int[] slotOffsets = new int[slots.size()];
        int size = 0;
        int frameAlign = FRAME_ALIGN;
        for (int i = 0; i < slotOffsets.length; i++) {
            StackSlot s = slots.get(i);
            int align = s.align() > 0 ? Integer.highestOneBit(s.align() - 1) << 1 : DEFAULT_SLOT_ALIGN;
            align = Math.max(align, 1);
            size = (size + align - 1) & -align;
            slotOffsets[i] = size;
            size += s.size();
            frameAlign = Math.max(frameAlign, align);
        }
        size = (size + FRAME_ALIGN - 1) & -FRAME_ALIGN;
        return new DecodedFunction(fn.name(), fn.isAsync(), code, fn.valueCount(), paramSlots, paramMasks,
                fn.signature().returns().size(), slotOffsets, size, frameAlign, maxArgs, hasWide, paramWide, resultWide);
    }

    private static DecodedInstruction decodeInstruction(Function fn, Instruction inst, int[] blockStart,
            Program program, boolean bigEndianDefault) {
        Opcode op = inst.opcode();
        int[] args = slots(inst.operands());
        int[] results = slots(inst.results());
        Type resultType = inst.resultCount() > 0 ? inst.result(0).type() : null;
        Type argType = inst.operandCount() > 0 ? inst.operand(0).type() : null;
        boolean wide = false;
        boolean half = false;
        for (Value v : inst.operands()) {
            wide |= v.type().isWide();
            half |= v.type() == Type.F16;
        }
        for (Value v : inst.results()) {
            wide |= v.type().isWide();
            half |= v.type() == Type.F16;
        }
        switch (op) {
            case LOAD, ULOAD8, SLOAD8, ULOAD16, SLOAD16, ULOAD32, SLOAD32 -> {
                int width = switch (op) {
                    case ULOAD8, SLOAD8 -> 1;
                    case ULOAD16, SLOAD16 -> 2;
                    case ULOAD32, SLOAD32 -> 4;
                    default -> resultType.bytes();
                };
                boolean signed = op == Opcode.SLOAD8 || op == Opcode.SLOAD16 || op == Opcode.SLOAD32;
                return DecodedInstruction.of(wide ? Kind.LOAD_WIDE : Kind.LOAD, op).types(resultType, argType).args(args).results(results)
                        .access(width, signed, bigEndian(inst.memFlags(), bigEndianDefault), inst.offset()).build();
            }
            case ATOMIC_LOAD -> {
                return DecodedInstruction.of(wide ? Kind.LOAD_WIDE : Kind.LOAD, op).types(resultType, argType)
                        .args(args).results(results)
                        .access(resultType.bytes(), false, bigEndian(inst.memFlags(), bigEndianDefault), 0).build();
            }
            case ATOMIC_STORE -> {
                return DecodedInstruction.of(wide ? Kind.STORE_WIDE : Kind.STORE, op).types(argType, argType).args(args)
                        .access(argType.bytes(), false, bigEndian(inst.memFlags(), bigEndianDefault), 0).build();
            }
            case ATOMIC_RMW, ATOMIC_CAS -> {
                Kind kind = op == Opcode.ATOMIC_RMW ? (wide ? Kind.ATOMIC_RMW_WIDE : Kind.ATOMIC_RMW)
                        : (wide ? Kind.ATOMIC_CAS_WIDE : Kind.ATOMIC_CAS);
                return DecodedInstruction.of(kind, op).types(resultType, argType).args(args).results(results)
                        .access(resultType.bytes(), false, bigEndian(inst.memFlags(), bigEndianDefault), 0)
                        .atomicOp(inst.atomicOp()).build();
            }
            case GET_PINNED_REG, SET_PINNED_REG -> {
                Kind kind = op == Opcode.GET_PINNED_REG ? Kind.GET_PINNED_REG : Kind.SET_PINNED_REG;
                return DecodedInstruction.of(kind, op).types(resultType, argType).args(args).results(results).build();
            }
            case FENCE -> {
                return DecodedInstruction.of(Kind.NOP, op).build();
            }
            case STORE, ISTORE8, ISTORE16, ISTORE32 -> {
                int width = switch (op) {
                    case ISTORE8 -> 1;
                    case ISTORE16 -> 2;
                    case ISTORE32 -> 4;
                    default -> argType.bytes();
                };
                return DecodedInstruction.of(wide ? Kind.STORE_WIDE : Kind.STORE, op).types(argType, argType).args(args)
                        .access(width, false, bigEndian(inst.memFlags(), bigEndianDefault), inst.offset()).build();
            }
            case STACK_LOAD, STACK_STORE, STACK_ADDR -> {
                Kind kind = op == Opcode.STACK_LOAD ? (wide ? Kind.STACK_LOAD_WIDE : Kind.STACK_LOAD)
                        : op == Opcode.STACK_STORE ? (wide ? Kind.STACK_STORE_WIDE : Kind.STACK_STORE) : Kind.STACK_ADDR;
                Type t = op == Opcode.STACK_STORE ? argType : resultType;
                int slot = fn.stackSlots().indexOf(inst.stackSlot());
                if (slot < 0) {
                    return unsupported(op + " uses a stack slot the function does not declare");
                }
                // Stack slots are accessed in the target's default byte order.
                return DecodedInstruction.of(kind, op).types(t, argType).args(args).results(results)
                        .access(t.bytes(), false, bigEndianDefault, inst.offset()).slot(slot, inst.offset()).build();
            }
            case JUMP, BRIF, BR_TABLE -> {
                wide = op == Opcode.BRIF && argType.isWide();
                Kind kind = op == Opcode.JUMP ? Kind.JUMP
                        : op == Opcode.BRIF ? (wide ? Kind.BRIF_WIDE : Kind.BRIF) : Kind.BR_TABLE;
                List<BlockCall> dests = inst.destinations();
                DecodedBranch[] targets = new DecodedBranch[dests.size()];
                for (int i = 0; i < targets.length; i++) {
                    BlockCall c = dests.get(i);
                    boolean wideArgs = false;
                    for (Value v : c.args()) {
                        wideArgs |= v.type().isWide();
                    }
                    targets[i] = new DecodedBranch(blockStart[c.block().id()], slots(c.args()),
                            slots(c.block().params()), wideArgs);
                }
                return DecodedInstruction.of(kind, op).types(argType, argType).args(args).targets(targets).build();
            }
            case RETURN -> {
                return DecodedInstruction.of(Kind.RETURN, op).args(args).build();
            }
            case TRAP, TRAPZ, TRAPNZ -> {
                wide = argType != null && argType.isWide();
                Kind kind = op == Opcode.TRAP ? Kind.TRAP
                        : op == Opcode.TRAPZ ? (wide ? Kind.TRAPZ_WIDE : Kind.TRAPZ) : (wide ? Kind.TRAPNZ_WIDE : Kind.TRAPNZ);
                return DecodedInstruction.of(kind, op).args(args).trapCode(inst.trapCode()).build();
            }
            case NOP -> {
                return DecodedInstruction.of(Kind.NOP, op).build();
            }
            case CALL, AWAIT, AWAIT_BOXED, SPAWN -> {
                Kind kind = op == Opcode.SPAWN ? Kind.SPAWN : Kind.CALL;
                return DecodedInstruction.of(kind, op).types(resultType, argType).args(args).results(results)
                        .callee(program.callee(inst.funcRef().name())).build();
            }
            case RETURN_CALL -> {
                return DecodedInstruction.of(Kind.TAIL_CALL, op).types(argType, argType).args(args)
                        .callee(program.callee(inst.funcRef().name())).build();
            }
            case RETURN_CALL_INDIRECT -> {
                return DecodedInstruction.of(Kind.TAIL_CALL_INDIRECT, op).types(argType, argType).args(args).build();
            }
            case CALL_INDIRECT, AWAIT_INDIRECT -> {
                return DecodedInstruction.of(Kind.CALL_INDIRECT, op).types(resultType, argType).args(args)
                        .results(results).build();
            }
            case SPAWN_INDIRECT -> {
                return DecodedInstruction.of(Kind.SPAWN_INDIRECT, op).types(resultType, argType).args(args)
                        .results(results).build();
            }
            case FUNC_ADDR -> {
                return DecodedInstruction.of(Kind.FUNC_ADDR, op).types(resultType, argType).results(results)
                        .imm(program.tokenOf(inst.funcRef().name())).build();
            }
            default -> {
                if (resultType == null) {
                    return unsupported(op + " without a result is not a pure operation");
                }
                // The evaluator wants the operand type as the controlling type of comparisons.
                Type type = switch (op) {
                    case ICMP, ICMP_IMM, FCMP -> argType;
                    default -> resultType;
                };
                return DecodedInstruction.of(wide ? Kind.PURE_WIDE : half ? Kind.PURE_HALF : Kind.PURE, op)
                        .types(type, argType == null ? type : argType)
                        .args(args).results(results).imm(inst.imm()).immHigh(inst.immHigh())
                        .conditions(inst.intCC(), inst.floatCC()).trapCode(inst.trapCode()).build();
            }
        }
    }

    private static boolean bigEndian(MemFlags flags, boolean bigEndianDefault) {
        if (flags == null) {
            return bigEndianDefault;
        }
        if (flags.has(MemFlags.Flag.BIG)) {
            return true;
        }
        if (flags.has(MemFlags.Flag.LITTLE)) {
            return false;
        }
        return bigEndianDefault;
    }

    private static DecodedInstruction unsupported(String message) {
        return DecodedInstruction.of(Kind.UNSUPPORTED, Opcode.NOP).message(message).build();
    }

    private static int[] slots(List<Value> values) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).id();
        }
        return out;
    }
}
