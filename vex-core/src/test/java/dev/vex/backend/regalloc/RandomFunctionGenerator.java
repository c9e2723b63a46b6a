package dev.vex.backend.regalloc;

import dev.vex.backend.MachFunction;
import dev.vex.backend.MachFunctionBuilder;
import dev.vex.backend.MachineSpec;
import dev.vex.backend.Operand;
import dev.vex.backend.RegClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random valid machine functions of {@link TestTarget}: a random CFG with forward branches and
 * loops (critical edges split), block parameters, and instructions that keep many values live at
 * once, with calls (fixed argument and result registers, caller-saved clobbers), x86-like
 * awaits (every register clobbered), x86-like division (dividend and quotient in r0, r1
 * clobbered), two-address shifts with the count in r1,
 * early defs, late uses and operands that may be on the stack.
 *
 * <p>Values are used only where their definition dominates (available = defined in a dominator
 * or earlier in the block), so every function is strict SSA. No instruction asks for more
 * registers at once than the target has: at most two integer and one float register use.
 */
final class RandomFunctionGenerator {
    private final SplittableRandom rnd;
    private final int maxBlocks;
    private final int maxInsts;
    private final MachineSpec spec;
    /** Percent of uses taken from the eight most recent values (the rest uniformly from all). */
    private int locality;

    /** Makes most uses read recent values, for the moderate pressure of ordinary code. */
    RandomFunctionGenerator local(int percent) {
        locality = percent;
        return this;
    }

    RandomFunctionGenerator(long seed, int maxBlocks, int maxInsts) {
        this(seed, maxBlocks, maxInsts, TestTarget.INSTANCE);
    }

    /** {@code spec} must number r0, r1 and f0 as {@link TestTarget} does. */
    RandomFunctionGenerator(long seed, int maxBlocks, int maxInsts, MachineSpec spec) {
        this.spec = spec;
        this.rnd = new SplittableRandom(seed);
        this.maxBlocks = maxBlocks;
        this.maxInsts = maxInsts;
    }

    MachFunction next(String name) {
        int n = 1 + rnd.nextInt(maxBlocks);
        List<int[]> succs = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            if (b == n - 1) {
                succs.add(new int[0]);
            } else {
                int kind = rnd.nextInt(10);
                if (kind < 4) {
                    succs.add(new int[] {b + 1});
                } else {
                    int t = 1 + rnd.nextInt(n - 1);
                    succs.add(rnd.nextBoolean() ? new int[] {b + 1, t} : new int[] {t, b + 1});
                }
            }
        }
        int[] preds = new int[n];
        for (int[] s : succs) {
            for (int t : s) {
                preds[t]++;
            }
        }
        // Split critical edges with blocks appended at the end of the layout.
        List<Integer> splitTarget = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            int[] s = succs.get(b);
            if (s.length > 1) {
                for (int k = 0; k < s.length; k++) {
                    if (preds[s[k]] > 1) {
                        splitTarget.add(s[k]);
                        s[k] = n + splitTarget.size() - 1;
                    }
                }
            }
        }
        for (int t : splitTarget) {
            succs.add(new int[] {t});
        }
        int total = succs.size();
        int[] idom = dominators(succs, total);
        int[] rpo = reversePostorder(succs, total);

        MachFunctionBuilder fb = new MachFunctionBuilder(name, spec);
        for (int b = 0; b < total; b++) {
            fb.newBlock();
        }
        boolean[] isFloat = new boolean[Operand.MAX_VREGS];
        int[][] params = new int[total][];
        params[0] = new int[0];
        for (int b = 1; b < total; b++) {
            boolean isSplit = b >= n;
            params[b] = new int[isSplit ? 0 : rnd.nextInt(4)];
            for (int k = 0; k < params[b].length; k++) {
                params[b][k] = newVReg(fb, isFloat, rnd.nextInt(4) == 0);
            }
        }
        // Generate blocks in reverse postorder so a block's dominators come first; record the
        // instructions and emit them in layout order afterwards.
        List<List<Runnable>> code = new ArrayList<>();
        for (int b = 0; b < total; b++) {
            code.add(new ArrayList<>());
        }
        List<List<Integer>> availEnd = new ArrayList<>();
        for (int b = 0; b < total; b++) {
            availEnd.add(null);
        }
        for (int b : rpo) {
            List<Integer> avail = new ArrayList<>(b == 0 ? List.of() : availEnd.get(idom[b]));
            for (int p : params[b]) {
                avail.add(p);
            }
            List<Runnable> insts = code.get(b);
            if (b == 0) {
                int[] argRegs = {TestTarget.R0, TestTarget.R1, TestTarget.F0};
                for (int k = 0; k < 3; k++) {
                    int v = newVReg(fb, isFloat, k == 2);
                    int reg = argRegs[k];
                    insts.add(() -> fb.inst(new TestInst("arg", 7), 0L, Operand.defFixed(v, reg)));
                    avail.add(v);
                }
            }
            int count = rnd.nextInt(maxInsts + 1);
            for (int k = 0; k < count; k++) {
                insts.add(instruction(fb, avail, isFloat));
            }
            availEnd.set(b, avail);
        }
        for (int b : rpo) {
            int[] s = succs.get(b);
            List<Integer> avail = availEnd.get(b);
            int[][] args = new int[s.length][];
            for (int k = 0; k < s.length; k++) {
                args[k] = new int[params[s[k]].length];
                for (int p = 0; p < args[k].length; p++) {
                    args[k][p] = pick(avail, isFloat, isFloat[params[s[k]][p]]);
                }
            }
            if (s.length == 0) {
                int v = pick(avail, isFloat, false);
                code.get(b).add(() -> fb.ret(new TestInst("ret", 1), Operand.useFixed(v, TestTarget.R0)));
            } else if (s.length == 1) {
                code.get(b).add(() -> fb.terminator(new TestInst("jump", 2), new int[0], s, args));
            } else {
                int c = pick(avail, isFloat, false);
                code.get(b).add(() -> fb.terminator(new TestInst("br", 3), new int[] {Operand.use(c)}, s, args));
            }
        }
        for (int b = 0; b < total; b++) {
            fb.beginBlock(b, params[b]);
            for (Runnable r : code.get(b)) {
                r.run();
            }
        }
        if (rnd.nextInt(4) == 0) {
            fb.stackSlot(1 + rnd.nextInt(24), 1 << rnd.nextInt(4));
        }
        return fb.build();
    }

    private Runnable instruction(MachFunctionBuilder fb, List<Integer> avail, boolean[] isFloat) {
        int kind = rnd.nextInt(20);
        int seed = rnd.nextInt();
        if (kind < 3) {
            // call: up to two int args in r0, r1, maybe a float arg in f0, maybe a result.
            List<Integer> ops = new ArrayList<>();
            int nargs = rnd.nextInt(3);
            int[] argRegs = {TestTarget.R0, TestTarget.R1};
            for (int a = 0; a < nargs; a++) {
                ops.add(Operand.useFixed(pick(avail, isFloat, false), argRegs[a]));
            }
            if (rnd.nextInt(3) == 0) {
                ops.add(Operand.useFixed(pick(avail, isFloat, true), TestTarget.F0));
            }
            if (rnd.nextInt(3) == 0) {
                ops.add(Operand.useAny(pick(avail, isFloat, rnd.nextBoolean())));
            }
            int result = rnd.nextInt(4);
            if (result < 3) {
                boolean f = result == 2;
                int v = newVReg(fb, isFloat, f);
                ops.add(Operand.defFixed(v, f ? TestTarget.F0 : TestTarget.R0));
                avail.add(v);
            }
            int[] arr = ops.stream().mapToInt(Integer::intValue).toArray();
            long clobbers = spec.callerSaved();
            return () -> fb.inst(new TestInst("call", seed), clobbers, arr);
        }
        if (kind == 3) {
            // await: every register is clobbered; the result comes back in r0.
            int v = newVReg(fb, isFloat, false);
            avail.add(v);
            long all = (1L << spec.numRegs()) - 1;
            return () -> fb.inst(new TestInst("await", seed), all & ~(1L << TestTarget.R0), Operand.defFixed(v, TestTarget.R0));
        }
        if (kind < 5) {
            // x86 division: dividend and quotient in r0, the remainder register r1 clobbered.
            int dividend = pick(avail, isFloat, false);
            int divisor = pick(avail, isFloat, false);
            int q = newVReg(fb, isFloat, false);
            avail.add(q);
            return () -> fb.inst(new TestInst("div", seed), 1L << TestTarget.R1, Operand.useFixed(dividend, TestTarget.R0),
                    Operand.use(divisor), Operand.defFixed(q, TestTarget.R0));
        }
        if (kind < 6) {
            // x86 shift: two-address, count in r1.
            int value = pick(avail, isFloat, false);
            int count = pick(avail, isFloat, false);
            int r = newVReg(fb, isFloat, false);
            avail.add(r);
            return () -> fb.inst(new TestInst("shl", seed), 0L, Operand.defReuse(r, 1), Operand.use(value),
                    Operand.useFixed(count, TestTarget.R1));
        }
        // An ordinary operation.
        boolean f = rnd.nextInt(4) == 0;
        List<Integer> ops = new ArrayList<>();
        int nuses = rnd.nextInt(3);
        int intRegUses = 0;
        int floatRegUses = 0;
        int reusable = -1;
        for (int u = 0; u < nuses; u++) {
            boolean uf = rnd.nextInt(4) == 0;
            int v = pick(avail, isFloat, uf);
            int c = rnd.nextInt(10);
            boolean regUse = c < 8;
            if (regUse && (uf ? floatRegUses >= 1 : intRegUses >= 2)) {
                regUse = false;
            }
            if (!regUse) {
                ops.add(Operand.useAny(v));
            } else {
                if (uf) {
                    floatRegUses++;
                } else {
                    intRegUses++;
                }
                if (c < 7) {
                    ops.add(Operand.use(v));
                    if (uf == f) {
                        reusable = ops.size();
                    }
                } else {
                    ops.add(Operand.lateUse(v));
                }
            }
        }
        int d = newVReg(fb, isFloat, f);
        int dk = rnd.nextInt(10);
        int def;
        if (dk < 3 && reusable >= 0) {
            def = Operand.defReuse(d, reusable);
        } else if (dk < 5) {
            def = Operand.defAny(d);
        } else if (dk < 6 && (f ? floatRegUses < 1 : intRegUses < 3)) {
            def = Operand.earlyDef(d);
        } else {
            def = Operand.def(d);
        }
        avail.add(d);
        ops.add(0, def);
        int[] arr = ops.stream().mapToInt(Integer::intValue).toArray();
        return () -> fb.inst(new TestInst("op", seed), 0L, arr);
    }

    private static int newVReg(MachFunctionBuilder fb, boolean[] isFloat, boolean f) {
        int v = fb.newVReg(f ? RegClass.FLOAT : RegClass.INT);
        isFloat[v] = f;
        return v;
    }

    /** A random available value of the class; the entry block defines one of each. */
    private int pick(List<Integer> avail, boolean[] isFloat, boolean f) {
        if (rnd.nextInt(100) < locality) {
            for (int tries = 0; tries < 8; tries++) {
                int v = avail.get(Math.max(0, avail.size() - 1 - rnd.nextInt(8)));
                if (isFloat[v] == f) {
                    return v;
                }
            }
        }
        for (int tries = 0; tries < 64; tries++) {
            int v = avail.get(rnd.nextInt(avail.size()));
            if (isFloat[v] == f) {
                return v;
            }
        }
        for (int v : avail) {
            if (isFloat[v] == f) {
                return v;
            }
        }
        throw new IllegalStateException("no value of the class available");
    }

    private static int[] reversePostorder(List<int[]> succs, int n) {
        int[] post = new int[n];
        int count = 0;
        boolean[] seen = new boolean[n];
        int[] stack = new int[n];
        int[] next = new int[n];
        int top = 0;
        stack[top++] = 0;
        seen[0] = true;
        while (top > 0) {
            int b = stack[top - 1];
            int[] s = succs.get(b);
            if (next[b] < s.length) {
                int t = s[next[b]++];
                if (!seen[t]) {
                    seen[t] = true;
                    stack[top++] = t;
                }
            } else {
                top--;
                post[count++] = b;
            }
        }
        int[] rpo = new int[count];
        for (int k = 0; k < count; k++) {
            rpo[k] = post[count - 1 - k];
        }
        return rpo;
    }

    /** Immediate dominators by the textbook set iteration (functions here are small). */
    private static int[] dominators(List<int[]> succs, int n) {
        List<List<Integer>> preds = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            preds.add(new ArrayList<>());
        }
        for (int b = 0; b < n; b++) {
            for (int t : succs.get(b)) {
                preds.get(t).add(b);
            }
        }
        boolean[][] dom = new boolean[n][n];
        for (int b = 0; b < n; b++) {
            Arrays.fill(dom[b], b != 0);
        }
        dom[0][0] = true;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = 1; b < n; b++) {
                boolean[] next = new boolean[n];
                Arrays.fill(next, true);
                for (int p : preds.get(b)) {
                    for (int k = 0; k < n; k++) {
                        next[k] &= dom[p][k];
                    }
                }
                next[b] = true;
                if (!Arrays.equals(next, dom[b])) {
                    dom[b] = next;
                    changed = true;
                }
            }
        }
        int[] idom = new int[n];
        for (int b = 1; b < n; b++) {
            // The strict dominator dominated by all other strict dominators.
            int best = 0;
            int bestCount = -1;
            for (int d = 0; d < n; d++) {
                if (d != b && dom[b][d]) {
                    int c = 0;
                    for (int k = 0; k < n; k++) {
                        if (dom[d][k]) {
                            c++;
                        }
                    }
                    if (c > bestCount) {
                        bestCount = c;
                        best = d;
                    }
                }
            }
            idom[b] = best;
        }
        return idom;
    }
}
