package dev.vex.backend;

import java.util.List;

/**
 * A function of machine instructions over virtual registers, as isel produces it and the
 * register allocator consumes it. Immutable; made by {@link MachFunctionBuilder}.
 *
 * <p>Blocks are numbered in layout order, block 0 is the entry, and each block's instructions
 * are a contiguous range of instruction indices, the last one its terminator. A terminator lists
 * its successor blocks and, per successor, the vregs it passes as that block's parameters.
 * Guaranteed by construction: SSA (each vreg defined once, by an operand or as a block
 * parameter), no critical edges, no parameters or predecessors of the entry block, no defs on
 * terminators, and operand constraints that fit the vreg's class.
 */
public final class MachFunction {
    private final String name;
    private final byte[] vregClass;
    private final int[] blockFirst;
    private final int[] blockEnd;
    private final int[][] blockParams;
    private final int[][] succs;
    private final int[][][] succArgs;
    private final int[][] preds;
    private final int[] opStart;
    private final int[] operands;
    private final long[] clobbers;
    private final MachInst[] payloads;
    private final int[] instBlock;
    private final List<StackSlot> stackSlots;
    private final int outgoingArgBytes;

    MachFunction(String name, byte[] vregClass, int[] blockFirst, int[] blockEnd, int[][] blockParams,
            int[][] succs, int[][][] succArgs, int[][] preds, int[] opStart, int[] operands, long[] clobbers,
            MachInst[] payloads, int[] instBlock, List<StackSlot> stackSlots, int outgoingArgBytes) {
        this.name = name;
        this.vregClass = vregClass;
        this.blockFirst = blockFirst;
        this.blockEnd = blockEnd;
        this.blockParams = blockParams;
        this.succs = succs;
        this.succArgs = succArgs;
        this.preds = preds;
        this.opStart = opStart;
        this.operands = operands;
        this.clobbers = clobbers;
        this.payloads = payloads;
        this.instBlock = instBlock;
        this.stackSlots = List.copyOf(stackSlots);
        this.outgoingArgBytes = outgoingArgBytes;
    }

    public String name() {
        return name;
    }

    public int numVRegs() {
        return vregClass.length;
    }

    public RegClass vregClass(int vreg) {
        return RegClass.of(vregClass[vreg]);
    }

    public int numBlocks() {
        return blockFirst.length;
    }

    public int numInsts() {
        return payloads.length;
    }

    public int blockFirstInst(int block) {
        return blockFirst[block];
    }

    /** One past the block's last instruction (its terminator). */
    public int blockEndInst(int block) {
        return blockEnd[block];
    }

    public int blockOf(int inst) {
        return instBlock[inst];
    }

    public int numBlockParams(int block) {
        return blockParams[block].length;
    }

    public int blockParam(int block, int index) {
        return blockParams[block][index];
    }

    public int numSuccs(int block) {
        return succs[block].length;
    }

    public int succ(int block, int index) {
        return succs[block][index];
    }

    /** The vreg the terminator of {@code block} passes as parameter {@code param} of its successor number {@code succIndex}. */
    public int succArg(int block, int succIndex, int param) {
        return succArgs[block][succIndex][param];
    }

    public int numPreds(int block) {
        return preds[block].length;
    }

    public int pred(int block, int index) {
        return preds[block][index];
    }

    public int numOperands(int inst) {
        return opStart[inst + 1] - opStart[inst];
    }

    /** Operand {@code k} of an instruction, packed as described in {@link Operand}. */
    public int operand(int inst, int k) {
        return operands[opStart[inst] + k];
    }

    /** Index of the instruction's first operand in a flat numbering of all operands. */
    public int operandBase(int inst) {
        return opStart[inst];
    }

    public int totalOperands() {
        return operands.length;
    }

    /** Physical registers the instruction overwrites beyond its defs (a call: the caller-saved set). */
    public long clobbers(int inst) {
        return clobbers[inst];
    }

    public MachInst payload(int inst) {
        return payloads[inst];
    }

    public List<StackSlot> stackSlots() {
        return stackSlots;
    }

    /** Bytes the function's calls need for arguments passed on the stack. */
    public int outgoingArgBytes() {
        return outgoingArgBytes;
    }

    @Override
    public String toString() {
        return MachFunctionPrinter.print(this, null);
    }
}
