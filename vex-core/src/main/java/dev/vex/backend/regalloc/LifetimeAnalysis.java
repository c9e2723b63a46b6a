package dev.vex.backend.regalloc;

import dev.vex.analysis.LiveInSolver;
import dev.vex.backend.BackendException;
import dev.vex.backend.MachFunction;
import dev.vex.backend.MachineSpec;
import dev.vex.backend.Operand;
import dev.vex.backend.OperandConstraint;

/**
 * Phase 1: liveness and live intervals.
 *
 * <p>Live-in sets come from path exploration ({@link LiveInSolver}), in memory linear in the
 * function plus the sets. A block
 * parameter is defined at its block's first position; the arguments a terminator passes are
 * live to the end of its block (the resolver moves them on the edge). Then, per block in
 * reverse, ranges are built as in Wimmer and Franz: everything live-out spans the whole block and
 * each def cuts its range back to the def position.
 *
 * <p>Positions: a use at instruction {@code i} lives until {@code 2i+1} (early) or {@code 2i+2}
 * (late) and is recorded at {@code 2i}; a def starts at {@code 2i+1} (late) or {@code 2i} (early,
 * and defs that reuse an input, which is copied into the def's register before the instruction).
 * Fixed operands block their register in the fixed interval for the span of the operand, owned by
 * the vreg; a clobber blocks {@code [2i+1, 2i+2)}.
 */
final class LifetimeAnalysis {
    private final MachineSpec spec;
    // Scratch kept from one function to the next (see LinearScan): most functions are tiny.
    private final LiveInSolver solver = new LiveInSolver(0, 0);
    private VregWorkSet live = new VregWorkSet(0);
    private int[] killedIn = new int[0];

    /** An analysis for many functions of one target in turn (not thread-safe). */
    LifetimeAnalysis(MachineSpec spec) {
        this.spec = spec;
    }

    /** One function with fresh scratch. */
    static Lifetimes analyze(MachFunction f, MachineSpec spec) {
        return new LifetimeAnalysis(spec).run(f);
    }

    Lifetimes run(MachFunction f) {
        int n = f.numBlocks();
        int[][] liveIn = computeLiveIn(f);
        if (n > 0 && liveIn[0].length > 0) {
            throw new BackendException(f.name(), "v" + liveIn[0][0] + " is used on a path where it is not defined");
        }
        Interval[] vregs = new Interval[f.numVRegs()];
        // Made on first use; registers nothing blocks share the empty one.
        Interval[] fixed = new Interval[spec.numRegs()];
        if (live.capacity() < f.numVRegs()) {
            live = new VregWorkSet(Math.max(f.numVRegs(), 2 * live.capacity()));
        }
        VregWorkSet live = this.live;
        live.clear();
        int[] defPos = new int[f.numVRegs()];
        int[] hintVreg = new int[f.numVRegs()];
        int[] hintPos = new int[f.numVRegs()];
        java.util.Arrays.fill(hintVreg, -1);
        for (int b = n - 1; b >= 0; b--) {
            int from = Lifetimes.blockFrom(f, b);
            int to = Lifetimes.blockTo(f, b);
            liveOut(f, liveIn, b, live);
            for (int i = 0; i < live.size(); i++) {
                interval(vregs, f, live.get(i)).addRangeBackward(from, to);
            }
            for (int i = f.blockEndInst(b) - 1; i >= f.blockFirstInst(b); i--) {
                buildInst(f, spec, i, from, vregs, fixed, live, defPos, hintVreg, hintPos);
            }
            for (int k = 0; k < f.numBlockParams(b); k++) {
                int p = f.blockParam(b, k);
                defPos[p] = from;
                hintFromEarlierPred(f, b, k, hintVreg, hintPos);
                if (live.contains(p)) {
                    vregs[p].setFromBackward(from);
                    live.remove(p);
                }
            }
        }
        for (Interval it : vregs) {
            if (it != null) {
                it.finishBuild();
            }
        }
        for (int r = 0; r < fixed.length; r++) {
            if (fixed[r] == null) {
                fixed[r] = Interval.NO_FIXED_RANGES;
            } else {
                fixed[r].finishBuild();
            }
        }
        return new Lifetimes(f, vregs, fixed, LoopAnalysis.loopDepths(f), defPos, hintVreg, hintPos, liveIn);
    }

    private static void buildInst(MachFunction f, MachineSpec spec, int i, int blockFrom, Interval[] vregs,
            Interval[] fixed, VregWorkSet live, int[] defPos, int[] hintVreg, int[] hintPos) {
        int n = f.numOperands(i);
        long fixedDefs = 0;
        for (int k = 0; k < n; k++) {
            int op = f.operand(i, k);
            if (Operand.isDef(op) && Operand.constraint(op) == OperandConstraint.FIXED_REG) {
                fixedDefs |= 1L << Operand.fixedReg(op);
            }
        }
        for (long m = f.clobbers(i) & ~fixedDefs; m != 0; m &= m - 1) {
            addFixed(f, fixed(fixed, spec, Long.numberOfTrailingZeros(m)), 2 * i + 1, 2 * i + 2, Interval.NO_OWNER, i);
        }
        for (int k = 0; k < n; k++) {
            int op = f.operand(i, k);
            if (!Operand.isDef(op)) {
                continue;
            }
            int v = Operand.vreg(op);
            OperandConstraint c = Operand.constraint(op);
            int pos = Operand.isLate(op) && c != OperandConstraint.REUSE_INPUT ? 2 * i + 1 : 2 * i;
            Interval it = interval(vregs, f, v);
            defPos[v] = pos;
            if (live.contains(v)) {
                it.setFromBackward(pos);
                live.remove(v);
            } else {
                it.addRangeBackward(pos, 2 * i + 2);
            }
            it.addUseBackward(pos, c == OperandConstraint.REG || c == OperandConstraint.REUSE_INPUT);
            if (c == OperandConstraint.REUSE_INPUT) {
                hintVreg[v] = Operand.vreg(f.operand(i, Operand.reuseIndex(op)));
                hintPos[v] = 2 * i > blockFrom ? 2 * i - 1 : 2 * i;
            }
            if (c == OperandConstraint.FIXED_REG) {
                addFixed(f, fixed(fixed, spec, Operand.fixedReg(op)), pos, 2 * i + 2, v, i);
                it.hint = Operand.fixedReg(op);
            }
        }
        for (int k = 0; k < n; k++) {
            int op = f.operand(i, k);
            if (Operand.isDef(op)) {
                continue;
            }
            int v = Operand.vreg(op);
            OperandConstraint c = Operand.constraint(op);
            int end = Operand.isLate(op) ? 2 * i + 2 : 2 * i + 1;
            int usePos = 2 * i;
            boolean reused = isReusedInput(f, i, k);
            if (reused && 2 * i > blockFrom && usedOnce(f, i, v)) {
                // The input is copied into the def's register in the gap before the instruction
                // (reading it there), so it need not live into the instruction: if it dies
                // here, the def can take its register and the copy vanishes.
                end = 2 * i;
                usePos = 2 * i - 1;
            }
            Interval it = interval(vregs, f, v);
            it.addRangeBackward(blockFrom, end);
            it.addUseBackward(usePos, c == OperandConstraint.REG && !reused);
            live.add(v);
            if (c == OperandConstraint.FIXED_REG) {
                int r = Operand.fixedReg(op);
                Interval fx = fixed(fixed, spec, r);
                // The same vreg may be fixed to r twice in one instruction (an early and a late use).
                boolean again = fx.numRanges > 0 && fx.owners[fx.numRanges - 1] == v
                        && fx.ranges[2 * (fx.numRanges - 1)] == 2 * i;
                if (!again) {
                    addFixed(f, fx, 2 * i, end, v, i);
                }
                it.hint = r;
            }
        }
    }

    private static boolean usedOnce(MachFunction f, int i, int v) {
        int uses = 0;
        for (int j = 0; j < f.numOperands(i); j++) {
            int op = f.operand(i, j);
            if (!Operand.isDef(op) && Operand.vreg(op) == v) {
                uses++;
            }
        }
        return uses == 1;
    }

    /** A block parameter prefers the register of its argument from a predecessor laid out before it. */
    private static void hintFromEarlierPred(MachFunction f, int b, int k, int[] hintVreg, int[] hintPos) {
        for (int e = 0; e < f.numPreds(b); e++) {
            int pred = f.pred(b, e);
            if (pred < b) {
                for (int s = 0; s < f.numSuccs(pred); s++) {
                    if (f.succ(pred, s) == b) {
                        int p = f.blockParam(b, k);
                        hintVreg[p] = f.succArg(pred, s, k);
                        hintPos[p] = Lifetimes.blockTo(f, pred) - 1;
                        return;
                    }
                }
            }
        }
    }

    static boolean isReusedInput(MachFunction f, int i, int k) {
        for (int j = 0; j < f.numOperands(i); j++) {
            int op = f.operand(i, j);
            if (Operand.isDef(op) && Operand.constraint(op) == OperandConstraint.REUSE_INPUT
                    && Operand.reuseIndex(op) == k) {
                return true;
            }
        }
        return false;
    }

    private static void addFixed(MachFunction f, Interval fx, int from, int to, int owner, int inst) {
        if (!fx.addFixedRangeBackward(from, to, owner)) {
            throw new BackendException(f.name(), "inst " + inst + ": physical register " + fx.fixedReg
                    + " is needed by two operands at once");
        }
    }

    private static Interval fixed(Interval[] fixed, MachineSpec spec, int r) {
        Interval it = fixed[r];
        if (it == null) {
            it = new Interval(-1, spec.regClass(r).ordinal(), r, null);
            fixed[r] = it;
        }
        return it;
    }

    private static Interval interval(Interval[] vregs, MachFunction f, int v) {
        Interval it = vregs[v];
        if (it == null) {
            it = new Interval(v, f.vregClass(v).ordinal(), -1, null);
            vregs[v] = it;
        }
        return it;
    }

    /** Writes into {@code out} the live-in sets of the successors plus the branch arguments. */
    private static void liveOut(MachFunction f, int[][] liveIn, int b, VregWorkSet out) {
        out.clear();
        for (int s = 0; s < f.numSuccs(b); s++) {
            int t = f.succ(b, s);
            for (int v : liveIn[t]) {
                out.add(v);
            }
            for (int k = 0; k < f.numBlockParams(t); k++) {
                out.add(f.succArg(b, s, k));
            }
        }
    }

    /**
     * Live-in sets by path exploration from each block's upward-exposed uses (a vreg may be
     * defined more than once here): memory linear in the function plus the sets themselves.
     */
    private int[][] computeLiveIn(MachFunction f) {
        int n = f.numBlocks();
        solver.reset(n, f.numVRegs());
        // killedIn[v] == b + 1 once block b has defined v.
        if (killedIn.length < f.numVRegs()) {
            killedIn = new int[Math.max(f.numVRegs(), 2 * killedIn.length)];
        } else {
            java.util.Arrays.fill(killedIn, 0, f.numVRegs(), 0);
        }
        int[] killedIn = this.killedIn;
        for (int b = 0; b < n; b++) {
            int mark = b + 1;
            for (int k = 0; k < f.numBlockParams(b); k++) {
                int p = f.blockParam(b, k);
                killedIn[p] = mark;
                solver.def(p, b);
            }
            for (int i = f.blockFirstInst(b); i < f.blockEndInst(b); i++) {
                for (int k = 0; k < f.numOperands(i); k++) {
                    int op = f.operand(i, k);
                    if (!Operand.isDef(op) && killedIn[Operand.vreg(op)] != mark) {
                        solver.upwardExposedUse(Operand.vreg(op), b);
                    }
                }
                for (int k = 0; k < f.numOperands(i); k++) {
                    int op = f.operand(i, k);
                    if (Operand.isDef(op)) {
                        killedIn[Operand.vreg(op)] = mark;
                        solver.def(Operand.vreg(op), b);
                    }
                }
            }
            for (int s = 0; s < f.numSuccs(b); s++) {
                int t = f.succ(b, s);
                for (int k = 0; k < f.numBlockParams(t); k++) {
                    int a = f.succArg(b, s, k);
                    if (killedIn[a] != mark) {
                        solver.upwardExposedUse(a, b);
                    }
                }
            }
        }
        return solver.solve(new LiveInSolver.Predecessors() {
            @Override
            public int count(int block) {
                return f.numPreds(block);
            }

            @Override
            public int get(int block, int index) {
                return f.pred(block, index);
            }
        });
    }
}
