package dev.vex.backend;

/**
 * How to compile; together with the module, everything the output depends on.
 *
 * @param listing         keep a readable assembly listing beside the code
 * @param checkAllocation run the register-allocation checker on every function (slow; for tests
 *                        and debugging)
 * @param cpu             the optional CPU features the code may use ({@link CpuFeatureSet})
 */
public record CompileOptions(boolean listing, boolean checkAllocation, CpuFeatureSet cpu) {
    /** The JIT's defaults: no listing, no checker, the host's CPU features. */
    public static final CompileOptions DEFAULT = new CompileOptions(false, false, CpuFeatureSet.host());
    /** Ahead-of-time defaults: as {@link #DEFAULT}, for the target's baseline CPU. */
    public static final CompileOptions AOT = DEFAULT.withCpu(CpuFeatureSet.baseline());

    public CompileOptions {
        if (cpu == null) {
            throw new IllegalArgumentException("cpu must not be null");
        }
    }

    public CompileOptions withListing(boolean on) {
        return new CompileOptions(on, checkAllocation, cpu);
    }

    public CompileOptions withAllocationCheck(boolean on) {
        return new CompileOptions(listing, on, cpu);
    }

    public CompileOptions withCpu(CpuFeatureSet features) {
        return new CompileOptions(listing, checkAllocation, features);
    }
}
