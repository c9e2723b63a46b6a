package dev.vex.runtime.jit;

import dev.vex.code.elf.ElfMachine;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Tells the tools outside the JVM about code as it is linked: a perf map and a jitdump file
 * (each off until asked for) and GDB's JIT interface (on unless {@code -Dvex.gdbjit=false}).
 *
 * <p>System properties, read once: {@code -Dvex.perf=map}, {@code -Dvex.perf=jitdump} or
 * {@code -Dvex.perf=map,jitdump}; {@code -Dvex.gdbjit=false}. {@link #enablePerfMap()} and
 * {@link #enableJitDump()} do the same at run time, for modules linked afterwards. The public
 * face of this class is {@code dev.vex.runtime.ProfilerSupport}.
 */
public final class CodeEvents {
    private static final boolean GDB = !List.of("false", "off", "0")
            .contains(System.getProperty("vex.gdbjit", "true").toLowerCase(Locale.ROOT));
    private static volatile PerfMap perfMap;
    private static volatile JitDump jitDump;
    private static volatile boolean propertiesRead;

    /** Applies {@code -Dvex.perf} once; a bad value fails every link with the same message. */
    private static synchronized void readProperties() {
        if (propertiesRead) {
            return;
        }
        String perf = System.getProperty("vex.perf", "");
        for (String part : perf.split(",")) {
            switch (part.trim().toLowerCase(Locale.ROOT)) {
                case "" -> { }
                case "map" -> enablePerfMap();
                case "jitdump" -> enableJitDump();
                default -> throw new JitException("-Dvex.perf=" + perf + ": '" + part.trim()
                        + "' is neither 'map' nor 'jitdump'");
            }
        }
        propertiesRead = true;
    }

    private CodeEvents() {
    }

    /** Starts appending to {@code /tmp/perf-PID.map} (if not yet); returns its path. */
    public static synchronized Path enablePerfMap() {
        if (perfMap == null) {
            perfMap = PerfMap.open(Path.of("/tmp/perf-" + ProcessHandle.current().pid() + ".map"));
        }
        return perfMap.path();
    }

    /** Starts writing {@code /tmp/jit-PID.dump} (if not yet), for this machine's code; returns its path. */
    public static synchronized Path enableJitDump() {
        if (jitDump == null) {
            dev.vex.compile.Target host = dev.vex.compile.Targets.host();
            ElfMachine machine = host == null ? null : host.elfMachine();
            if (machine == null) {
                throw new JitException("no jitdump for this machine (" + System.getProperty("os.arch") + ")");
            }
            jitDump = JitDump.create(Path.of("/tmp/jit-" + ProcessHandle.current().pid() + ".dump"),
                    machine.eMachine());
        }
        return jitDump.path();
    }

    /** The perf map being written, or null. */
    public static Path perfMapPath() {
        PerfMap m = perfMap;
        return m == null ? null : m.path();
    }

    /** The jitdump file being written, or null. */
    public static Path jitDumpPath() {
        JitDump d = jitDump;
        return d == null ? null : d.path();
    }

    /** Whether linked code is registered with GDB's JIT interface. */
    public static boolean gdbRegistration() {
        return GDB;
    }

    /** Called by the linker once {@code image} is in executable memory. */
    static void loaded(JitImage image) {
        if (!propertiesRead) {
            readProperties();
        }
        List<CodeSymbol> symbols = null;
        PerfMap map = perfMap;
        if (map != null) {
            symbols = image.codeSymbols();
            map.write(symbols);
        }
        JitDump dump = jitDump;
        if (dump != null) {
            if (symbols == null) {
                symbols = image.codeSymbols();
            }
            byte[] code = image.module().code();
            for (CodeSymbol s : symbols) {
                dump.codeLoad(s, code, (int) (s.address() - image.base()));
            }
        }
        if (GDB) {
            GdbJit.register(image);
        }
    }
}
