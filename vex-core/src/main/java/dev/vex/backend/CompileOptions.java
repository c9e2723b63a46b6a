package dev.vex.backend;

/**
 * How to compile: whether to keep a readable assembly listing beside the code, and whether to
 * run the register-allocation checker on every function (slow; for tests and debugging).
 */
public record CompileOptions(boolean listing, boolean checkAllocation) {
    public static final CompileOptions DEFAULT = new CompileOptions(false, false);

    public CompileOptions withListing(boolean on) {
        return new CompileOptions(on, checkAllocation);
    }

    public CompileOptions withAllocationCheck(boolean on) {
        return new CompileOptions(listing, on);
    }
}
