package dev.vex.runtime.jit;

/**
 * A target's far-call stub: a few instructions in the mapped code that jump to an absolute
 * address, so that a pc-relative call with a short reach (x86-64's rel32, AArch64's BL
 * with +-128 MiB) can get anywhere.
 */
public interface CallStubFormat {
    /** Bytes per stub, a multiple of 8 so that the address word inside stays aligned. */
    int size();

    /** Writes a stub jumping to {@code target} at {@code offset} of {@code image}. */
    void write(byte[] image, int offset, long target);

    /** The stub format of the target named {@code targetName}, or null if the JIT has none. */
    static CallStubFormat forTarget(String targetName) {
        return switch (targetName) {
            case "x64" -> X64CallStub.INSTANCE;
            case "aarch64" -> A64CallStub.INSTANCE;
            default -> null;
        };
    }
}
