package dev.vex.backend.regalloc;

import dev.vex.backend.FrameLayout;
import dev.vex.backend.MachFunction;
import dev.vex.backend.MachineSpec;
import dev.vex.backend.Operand;
import dev.vex.backend.OperandConstraint;
import dev.vex.backend.RegClass;

/**
 * The register allocator's driver: runs the phases in order and assembles the
 * {@link Allocation}. Each phase is its own class:
 *
 * <ol>
 *   <li>{@link LifetimeAnalysis}: liveness, intervals with ranges and use positions;
 *   <li>{@link LinearScanWalker}: registers, splitting and spilling, per class;
 *   <li>{@link SpillSlotAssigner}: where spilled values are stored, and their slots;
 *   <li>{@link DataFlowResolver}: moves on control-flow edges and for block parameters;
 *   <li>{@link LocationAssigner}: operand locations, moves inside blocks;
 *   <li>{@link MoveSequencer}: parallel moves ordered, cycles broken.
 * </ol>
 */
public final class LinearScan {
    /** Set the system property {@code vex.regalloc.check} to prove every allocation right (slow). */
    private static final boolean CHECK = Boolean.getBoolean("vex.regalloc.check");

    private static final RegClass[] CLASSES = RegClass.values();

    private final MachineSpec spec;
    // Scratch reused from one function to the next: most functions are tiny, so what the phases
    // would otherwise allocate afresh for each one costs more than the allocation itself.
    private final LifetimeAnalysis analysis;
    private final LinearScanWalker walker;
    private final MoveList moves = new MoveList();
    private final MoveSequencer edits = new MoveSequencer();

    /**
     * An allocator for many functions of one target, one after another (not thread-safe): it
     * keeps its scratch arrays between them. The result does not depend on what ran before.
     */
    public LinearScan(MachineSpec spec) {
        checkSpec(spec);
        this.spec = spec;
        this.analysis = new LifetimeAnalysis(spec);
        this.walker = new LinearScanWalker(spec);
    }

    /** One function with a fresh allocator; {@link #allocate(MachFunction)} for many. */
    public static Allocation allocate(MachFunction f, MachineSpec spec) {
        return new LinearScan(spec).allocate(f);
    }

    public Allocation allocate(MachFunction f) {
        Allocation a = run(f);
        if (CHECK) {
            RegisterAllocationChecker.check(a);
        }
        return a;
    }

    /** A target's register description must be consistent; an inconsistent one is a target bug. */
    private static void checkSpec(MachineSpec spec) {
        if (spec.numRegs() > 64) {
            throw new IllegalArgumentException("at most 64 physical registers");
        }
        for (RegClass cls : RegClass.values()) {
            int scratch = spec.scratch(cls);
            if (scratch < 0 || scratch >= spec.numRegs() || spec.regClass(scratch) != cls) {
                throw new IllegalArgumentException("bad scratch register for " + cls);
            }
            for (int r : spec.allocationOrder(cls)) {
                if (r == scratch || spec.regClass(r) != cls) {
                    throw new IllegalArgumentException("allocation order of " + cls + " holds register " + r);
                }
            }
        }
    }

    private Allocation run(MachFunction f) {
        Lifetimes lifetimes = analysis.run(f);
        walker.reset(lifetimes);
        for (RegClass cls : CLASSES) {
            walker.walk(cls);
        }
        SpillSlots slots = SpillSlotAssigner.assign(lifetimes, spec);
        moves.clear();
        DataFlowResolver.resolve(lifetimes, slots, moves);
        int[] operandLocs = LocationAssigner.assign(lifetimes, slots, moves);
        edits.sequence(f, spec, moves, slots);

        int[] paramBase = new int[f.numBlocks() + 1];
        for (int b = 0; b < f.numBlocks(); b++) {
            paramBase[b + 1] = paramBase[b] + f.numBlockParams(b);
        }
        int[] paramLocs = new int[paramBase[f.numBlocks()]];
        for (int b = 0; b < f.numBlocks(); b++) {
            for (int k = 0; k < f.numBlockParams(b); k++) {
                Interval root = lifetimes.vregs[f.blockParam(b, k)];
                paramLocs[paramBase[b] + k] = root == null ? Location.NONE
                        : root.childAt(Lifetimes.blockFrom(f, b)).location;
            }
        }
        long written = walker.usedRegs();
        for (int i = 0; i < f.numInsts(); i++) {
            written |= f.clobbers(i);
            for (int k = 0; k < f.numOperands(i); k++) {
                int op = f.operand(i, k);
                if (Operand.isDef(op) && Operand.constraint(op) == OperandConstraint.FIXED_REG) {
                    written |= 1L << Operand.fixedReg(op);
                }
            }
        }
        for (int e = 0; e < edits.size; e++) {
            if (Location.isReg(edits.to[e])) {
                written |= 1L << edits.to[e];
            }
        }
        long usedCalleeSaved = written & spec.calleeSaved();
        int[] slotSizes = slots.sizes();
        FrameLayout frame = FrameLayout.compute(f.name(), slotSizes, f.stackSlots(), usedCalleeSaved, spec,
                f.outgoingArgBytes(), spec.bytesAboveFrame());
        return new Allocation(f, spec, operandLocs, edits.instStart, java.util.Arrays.copyOf(edits.key, edits.size),
                java.util.Arrays.copyOf(edits.from, edits.size), java.util.Arrays.copyOf(edits.to, edits.size),
                paramBase, paramLocs, slotSizes, frame, usedCalleeSaved);
    }
}
