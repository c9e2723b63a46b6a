package dev.vex.compile;

/** The stages the {@link CompileDriver} times, in pipeline order. */
public enum CompileStage {
    /** The verifier, over the whole module. */
    VERIFY,
    /** Async lowering, over the whole module. */
    LOWER,
    /** Instruction selection of one function. */
    ISEL,
    /** Linear-scan allocation of one function. */
    REGALLOC,
    /** The allocation checker on one function (only when the options ask for it). */
    CHECK,
    /** Emission of one function. */
    EMIT,
    /** Array entries, descriptors and the final fix-ups, once per module. */
    FINISH
}
