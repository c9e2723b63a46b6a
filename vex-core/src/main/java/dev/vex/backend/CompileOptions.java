package dev.vex.backend;

/**
 * How to compile; together with the module, everything the output depends on.
 *
 * @param listing             keep a readable assembly listing beside the code
 * @param checkAllocation     run the register-allocation checker on every function (slow; for
 *                            tests and debugging)
 * @param cpu                 the optional CPU features the code may use ({@link CpuFeatureSet})
 * @param nanCanonicalization make every float result that is a NaN the one the interpreter gives
 *                            (its operand NaN quietened, or the positive canonical NaN), bit for
 *                            bit, at the cost of a check after each operation that can make a
 *                            NaN. Off by default, as Cranelift's {@code enable_nan_canonicalization}:
 *                            then a NaN result is still a NaN, but its sign and payload are the
 *                            hardware's
 * @param preemption          insert a budget check at every loop back-edge of async functions, so
 *                            that a task whose loop never suspends yields now and then (and can be
 *                            cancelled); {@link dev.vex.async.PreemptionChecks}. On by default
 */
public record CompileOptions(boolean listing, boolean checkAllocation, CpuFeatureSet cpu, boolean nanCanonicalization,
        boolean preemption) {
    /**
     * The JIT's defaults: no listing, no checker, the host's CPU features, NaNs as the hardware
     * makes them, preemption checks in async loops.
     */
    public static final CompileOptions DEFAULT = new CompileOptions(false, false, CpuFeatureSet.host(), false, true);
    /** Ahead-of-time defaults: as {@link #DEFAULT}, for the target's baseline CPU. */
    public static final CompileOptions AOT = DEFAULT.withCpu(CpuFeatureSet.baseline());

    public CompileOptions {
        if (cpu == null) {
            throw new IllegalArgumentException("cpu must not be null");
        }
    }

    public CompileOptions withListing(boolean on) {
        return new CompileOptions(on, checkAllocation, cpu, nanCanonicalization, preemption);
    }

    public CompileOptions withAllocationCheck(boolean on) {
        return new CompileOptions(listing, on, cpu, nanCanonicalization, preemption);
    }

    public CompileOptions withCpu(CpuFeatureSet features) {
        return new CompileOptions(listing, checkAllocation, features, nanCanonicalization, preemption);
    }

    public CompileOptions withNanCanonicalization(boolean on) {
        return new CompileOptions(listing, checkAllocation, cpu, on, preemption);
    }

    /** With or without the preemption checks in async loops. */
    public CompileOptions withPreemption(boolean on) {
        return new CompileOptions(listing, checkAllocation, cpu, nanCanonicalization, on);
    }
}
