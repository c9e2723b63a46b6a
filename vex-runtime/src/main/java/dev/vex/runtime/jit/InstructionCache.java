package dev.vex.runtime.jit;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

/**
 * Makes freshly written code visible to instruction fetch. x86-64 keeps its instruction cache
 * coherent with stores, so there is nothing to do. AArch64 does not: the data cache lines must
 * be cleaned and the instruction cache lines invalidated ({@code dc cvau; ic ivau; dsb; isb}),
 * which user space does through libgcc's {@code __clear_cache(begin, end)} (exported by
 * {@code libgcc_s.so.1}, which glibc loads for thread cancellation anyway).
 *
 * <p>The AArch64 path has not run on hardware: this project's machines are x86-64, and qemu-user
 * (which runs the AOT code in tests) does not run the JVM.
 */
final class InstructionCache {
    private static final boolean NEEDED = needed(System.getProperty("os.arch", ""));
    private static volatile Function clearCache;

    private InstructionCache() {
    }

    /** Whether code written on {@code osArch} needs an explicit flush before it runs. */
    static boolean needed(String osArch) {
        return osArch.equals("aarch64") || osArch.equals("arm64");
    }

    /** Flushes {@code [address, address + size)} where the architecture needs it. */
    static void flush(long address, long size) {
        if (!NEEDED || size == 0) {
            return;
        }
        Function f = clearCache;
        if (f == null) {
            try {
                f = NativeLibrary.getInstance("gcc_s").getFunction("__clear_cache");
            } catch (UnsatisfiedLinkError e) {
                throw new JitException("cannot flush the instruction cache: no __clear_cache in libgcc_s ("
                        + e.getMessage() + ")");
            }
            clearCache = f;
        }
        f.invokeVoid(new Object[] {new com.sun.jna.Pointer(address), new com.sun.jna.Pointer(address + size)});
    }
}
