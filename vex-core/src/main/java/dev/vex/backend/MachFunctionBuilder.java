package dev.vex.backend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link MachFunction}, as isel does: create vregs and blocks, then fill the blocks in
 * block-number order (which is the layout order), ending each with a terminator.
 * {@link #build()} checks the invariants {@link MachFunction} promises.
 */
public final class MachFunctionBuilder {
    private final String name;
    private final MachineSpec spec;
    private byte[] vregClass = new byte[64];
    private int numVRegs;
    private int numBlocks;
    private int currentBlock = -1;
    private boolean terminated = true;
    private final List<int[]> blockParams = new ArrayList<>();
    private final List<int[]> succs = new ArrayList<>();
    private final List<int[][]> succArgs = new ArrayList<>();
    private int[] blockFirst = new int[16];
    private int[] opStart = new int[64];
    private int[] operands = new int[128];
    private int numOperands;
    private long[] clobbers = new long[64];
    private MachInst[] payloads = new MachInst[64];
    private int numInsts;
    private final List<StackSlot> stackSlots = new ArrayList<>();
    private int outgoingArgBytes;

    /** {@code spec} is used to check fixed registers against vreg classes. */
    public MachFunctionBuilder(String name, MachineSpec spec) {
        this.name = name;
        this.spec = spec;
    }

    public int newVReg(RegClass cls) {
        if (numVRegs == Operand.MAX_VREGS) {
            throw fail("more than " + Operand.MAX_VREGS + " vregs");
        }
        if (numVRegs == vregClass.length) {
            vregClass = Arrays.copyOf(vregClass, numVRegs * 2);
        }
        vregClass[numVRegs] = (byte) cls.ordinal();
        return numVRegs++;
    }

    public int newBlock() {
        blockParams.add(null);
        succs.add(null);
        succArgs.add(null);
        return numBlocks++;
    }

    /** Starts filling {@code block}, which must be the next block in number order. */
    public void beginBlock(int block, int... params) {
        if (!terminated) {
            throw fail("block" + currentBlock + " has no terminator");
        }
        if (block != currentBlock + 1 || block >= numBlocks) {
            throw fail("blocks must be filled in order; expected block" + (currentBlock + 1) + ", got block" + block);
        }
        currentBlock = block;
        terminated = false;
        blockParams.set(block, params.clone());
        if (block == blockFirst.length) {
            blockFirst = Arrays.copyOf(blockFirst, block * 2);
        }
        blockFirst[block] = numInsts;
    }

    /** Appends an ordinary instruction. */
    public void inst(MachInst payload, long clobberedRegs, int... ops) {
        append(payload, clobberedRegs, ops);
    }

    /** Appends a terminator with no successors (a return or a trap). */
    public void ret(MachInst payload, int... ops) {
        terminator(payload, ops, new int[0], new int[0][]);
    }

    /** Appends a terminator; {@code args[k]} are the vregs passed to the params of {@code successors[k]}. */
    public void terminator(MachInst payload, int[] ops, int[] successors, int[][] args) {
        if (successors.length != args.length) {
            throw fail("terminator needs one argument list per successor");
        }
        append(payload, 0L, ops);
        terminated = true;
        succs.set(currentBlock, successors.clone());
        int[][] copy = new int[args.length][];
        for (int k = 0; k < args.length; k++) {
            copy[k] = args[k].clone();
        }
        succArgs.set(currentBlock, copy);
    }

    public int stackSlot(int size, int align) {
        stackSlots.add(new StackSlot(size, align));
        return stackSlots.size() - 1;
    }

    public void outgoingArgBytes(int bytes) {
        outgoingArgBytes = Math.max(outgoingArgBytes, bytes);
    }

    private void append(MachInst payload, long clobberedRegs, int[] ops) {
        if (currentBlock < 0 || terminated) {
            throw fail("instruction outside a block");
        }
        if (numInsts + 1 >= opStart.length) {
            opStart = Arrays.copyOf(opStart, opStart.length * 2);
            clobbers = Arrays.copyOf(clobbers, opStart.length);
            payloads = Arrays.copyOf(payloads, opStart.length);
        }
        if (numOperands + ops.length > operands.length) {
            operands = Arrays.copyOf(operands, Math.max(operands.length * 2, numOperands + ops.length));
        }
        opStart[numInsts] = numOperands;
        System.arraycopy(ops, 0, operands, numOperands, ops.length);
        numOperands += ops.length;
        clobbers[numInsts] = clobberedRegs;
        payloads[numInsts] = payload;
        numInsts++;
        opStart[numInsts] = numOperands;
    }

    public MachFunction build() {
        if (numBlocks == 0 || currentBlock != numBlocks - 1 || !terminated) {
            throw fail("every block must be filled and terminated");
        }
        int[] first = Arrays.copyOf(blockFirst, numBlocks);
        int[] end = new int[numBlocks];
        int[] instBlock = new int[numInsts];
        for (int b = 0; b < numBlocks; b++) {
            end[b] = b + 1 < numBlocks ? first[b + 1] : numInsts;
            Arrays.fill(instBlock, first[b], end[b], b);
        }
        int[][] params = blockParams.toArray(new int[0][]);
        int[][] succArr = succs.toArray(new int[0][]);
        int[][][] argArr = succArgs.toArray(new int[0][][]);
        int[][] preds = computePreds(succArr);
        MachFunction f = new MachFunction(name, Arrays.copyOf(vregClass, numVRegs), first, end, params, succArr,
                argArr, preds, Arrays.copyOf(opStart, numInsts + 1), Arrays.copyOf(operands, numOperands),
                Arrays.copyOf(clobbers, numInsts), Arrays.copyOf(payloads, numInsts), instBlock, stackSlots,
                outgoingArgBytes);
        validate(f);
        return f;
    }

    private int[][] computePreds(int[][] succArr) {
        int[] count = new int[numBlocks];
        for (int[] s : succArr) {
            for (int t : s) {
                if (t < 0 || t >= numBlocks) {
                    throw fail("branch to unknown block " + t);
                }
                count[t]++;
            }
        }
        int[][] preds = new int[numBlocks][];
        for (int b = 0; b < numBlocks; b++) {
            preds[b] = new int[count[b]];
            count[b] = 0;
        }
        for (int b = 0; b < numBlocks; b++) {
            for (int t : succArr[b]) {
                preds[t][count[t]++] = b;
            }
        }
        return preds;
    }

    private void validate(MachFunction f) {
        boolean[] defined = new boolean[f.numVRegs()];
        if (f.numBlockParams(0) != 0 || f.numPreds(0) != 0) {
            throw fail("the entry block can have neither parameters nor predecessors");
        }
        for (int b = 0; b < f.numBlocks(); b++) {
            for (int k = 0; k < f.numBlockParams(b); k++) {
                define(defined, f.blockParam(b, k), b, -1);
            }
            for (int s = 0; s < f.numSuccs(b); s++) {
                int t = f.succ(b, s);
                if (f.numSuccs(b) > 1 && f.numPreds(t) > 1) {
                    throw fail("critical edge block" + b + " -> block" + t + " (split it)");
                }
                if (f.numPreds(t) > 1 && f.numOperands(f.blockEndInst(b) - 1) != 0) {
                    throw fail("block" + b + ": a jump to a join block cannot have operands");
                }
                int[] a = argsOf(b, s);
                if (a.length != f.numBlockParams(t)) {
                    throw fail("block" + b + " passes " + a.length + " arguments to block" + t + " which has "
                            + f.numBlockParams(t) + " parameters");
                }
                for (int k = 0; k < a.length; k++) {
                    checkVReg(f, a[k]);
                    if (f.vregClass(a[k]) != f.vregClass(f.blockParam(t, k))) {
                        throw fail("block" + b + " passes v" + a[k] + " of the wrong class to block" + t);
                    }
                }
            }
            for (int i = f.blockFirstInst(b); i < f.blockEndInst(b); i++) {
                validateInst(f, i, i == f.blockEndInst(b) - 1, defined);
            }
        }
    }

    private int[] argsOf(int b, int s) {
        return succArgs.get(b)[s];
    }

    private void validateInst(MachFunction f, int i, boolean isTerminator, boolean[] defined) {
        long fixedDefs = 0;
        int n = f.numOperands(i);
        for (int k = 0; k < n; k++) {
            int op = f.operand(i, k);
            int v = Operand.vreg(op);
            checkVReg(f, v);
            boolean def = Operand.isDef(op);
            if (def) {
                if (isTerminator) {
                    throw fail("inst " + i + ": a terminator cannot define values");
                }
                define(defined, v, -1, i);
            }
            switch (Operand.constraint(op)) {
                case FIXED_REG -> {
                    int r = Operand.fixedReg(op);
                    if (r >= spec.numRegs() || spec.regClass(r) != f.vregClass(v)) {
                        throw fail("inst " + i + ": v" + v + " fixed to a register of another class");
                    }
                    long bit = 1L << r;
                    if (def) {
                        if ((fixedDefs & bit) != 0) {
                            throw fail("inst " + i + ": two defs fixed to " + spec.regName(r));
                        }
                        fixedDefs |= bit;
                    } else {
                        for (int j = 0; j < k; j++) {
                            int o = f.operand(i, j);
                            if (!Operand.isDef(o) && Operand.constraint(o) == OperandConstraint.FIXED_REG
                                    && Operand.fixedReg(o) == r && Operand.vreg(o) != v) {
                                throw fail("inst " + i + ": two uses fixed to " + spec.regName(r));
                            }
                        }
                    }
                }
                case REUSE_INPUT -> {
                    int idx = Operand.reuseIndex(op);
                    if (!def || idx >= n) {
                        throw fail("inst " + i + ": bad reuse operand");
                    }
                    int in = f.operand(i, idx);
                    if (Operand.isDef(in) || Operand.constraint(in) != OperandConstraint.REG
                            || f.vregClass(Operand.vreg(in)) != f.vregClass(v)) {
                        throw fail("inst " + i + ": a reused input must be a register use of the same class");
                    }
                }
                default -> {}
            }
        }
        if (isTerminator && f.clobbers(i) != 0) {
            throw fail("inst " + i + ": a terminator cannot clobber registers");
        }
        for (int k = 0; k < n; k++) {
            int op = f.operand(i, k);
            if (!Operand.isDef(op) && Operand.isLate(op) && Operand.constraint(op) == OperandConstraint.FIXED_REG
                    && ((fixedDefs | f.clobbers(i)) & (1L << Operand.fixedReg(op))) != 0) {
                throw fail("inst " + i + ": a late use is fixed to a register the instruction writes");
            }
        }
    }

    private void checkVReg(MachFunction f, int v) {
        if (v >= f.numVRegs()) {
            throw fail("unknown vreg v" + v);
        }
    }

    /** Marks {@code v} defined, by a parameter of {@code block} or by instruction {@code inst}. */
    private void define(boolean[] defined, int v, int block, int inst) {
        if (v >= defined.length) {
            throw fail("unknown vreg v" + v);
        }
        if (defined[v]) {
            // The message is built only here: validation runs on every function compiled.
            String where = inst >= 0 ? "inst " + inst : "block" + block + " parameter";
            throw fail(where + ": v" + v + " is defined twice (not SSA)");
        }
        defined[v] = true;
    }

    private BackendException fail(String message) {
        return new BackendException(name, message);
    }
}
