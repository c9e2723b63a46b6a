package dev.vex.compile;

import dev.vex.async.LoweredModule;
import dev.vex.backend.MachFunction;
import dev.vex.backend.regalloc.Allocation;

/**
 * Watches a compile: each stage's output as it is made, and each stage's time. Stage outputs are
 * immutable, so a listener may keep them. The default methods do nothing; with {@link #NONE} the
 * driver does not read the clock at all.
 */
public interface CompileListener {
    /** Listens to nothing. */
    CompileListener NONE = new CompileListener() {
    };

    /** Whether {@link #timed} wants the clock read around each stage. */
    default boolean wantsTimings() {
        return false;
    }

    /** The async lowering's output (a module without async functions, and the frame layouts). */
    default void lowered(LoweredModule lowered) {
    }

    /** Instruction selection's output for one function: machine instructions on virtual registers. */
    default void selected(MachFunction function) {
    }

    /** The allocator's output for one function (it refers to the unchanged {@link MachFunction}). */
    default void allocated(Allocation allocation) {
    }

    /**
     * One stage took {@code nanos}; {@code function} is the function it worked on, or null for a
     * stage over the whole module.
     */
    default void timed(CompileStage stage, String function, long nanos) {
    }
}
