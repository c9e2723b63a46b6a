package dev.vex.runtime;

import dev.vex.runtime.jit.CodeEvents;
import java.nio.file.Path;

/**
 * Making JIT code visible to profilers and debuggers.
 *
 * <ul>
 *   <li><b>perf map</b> ({@code -Dvex.perf=map} or {@link #enablePerfMap()}): every module linked
 *       afterwards appends {@code START SIZE name} lines to {@code /tmp/perf-PID.map}, so
 *       {@code perf report} names samples in generated code instead of {@code [JIT] 0x…}.</li>
 *   <li><b>jitdump</b> ({@code -Dvex.perf=jitdump} or {@link #enableJitDump()}):
 *       {@code /tmp/jit-PID.dump} with each function's name, address and bytes; record with
 *       {@code perf record -k mono}, then {@code perf inject --jit} for annotated code.
 *       Both at once: {@code -Dvex.perf=map,jitdump}.</li>
 *   <li><b>GDB</b>: always, unless {@code -Dvex.gdbjit=false}, every module is registered with
 *       GDB's JIT interface (an in-memory ELF naming its functions) and withdrawn when it is
 *       closed, so {@code bt} in gdb names generated functions.</li>
 * </ul>
 */
public final class ProfilerSupport {
    private ProfilerSupport() {
    }

    /** Starts the perf map for modules linked from now on; returns its path. Idempotent. */
    public static Path enablePerfMap() {
        return CodeEvents.enablePerfMap();
    }

    /** Starts the jitdump file for modules linked from now on; returns its path. Idempotent. */
    public static Path enableJitDump() {
        return CodeEvents.enableJitDump();
    }

    /** The perf map being written, or null if it is off. */
    public static Path perfMapPath() {
        return CodeEvents.perfMapPath();
    }

    /** The jitdump file being written, or null if it is off. */
    public static Path jitDumpPath() {
        return CodeEvents.jitDumpPath();
    }

    /** Whether modules are registered with GDB's JIT interface ({@code -Dvex.gdbjit=false} turns it off). */
    public static boolean gdbRegistration() {
        return CodeEvents.gdbRegistration();
    }
}
