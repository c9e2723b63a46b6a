package dev.vex.runtime.jit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * GDB names JIT functions: {@link GdbTarget} runs under {@code gdb -batch} with a breakpoint on
 * the runtime's {@code vex_trap}, which {@code %gdb_inner} (called by {@code %gdb_outer}) enters
 * when it traps; the backtrace there must name both. With {@code -Dvex.gdbjit=false} it must not:
 * the names come from the registration, nothing else.
 */
class GdbJitTest {

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String backtrace(boolean registration) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of("gdb", "-batch", "-nx",
                "-ex", "set breakpoint pending on",
                "-ex", "handle SIGSEGV SIGBUS SIGFPE SIGILL SIGUSR2 nostop noprint pass",
                "-ex", "break vex_trap",
                "-ex", "run",
                "-ex", "bt 6",
                "--args", java, "-Dvex.gdbjit=" + registration,
                "-cp", System.getProperty("java.class.path"), GdbTarget.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "gdb did not finish");
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void aBacktraceThroughJitCodeNamesItsFunctions() throws IOException, InterruptedException {
        assumeTrue(onPath("gdb"), "gdb is not installed (.ci/run installs it)");
        String on = backtrace(true);
        assertTrue(on.matches("(?s).*#0 [^\\n]*vex_trap.*"), on);
        assertTrue(on.matches("(?s).*#1 [^\\n]* in gdb_inner \\(\\).*"), on);
        assertTrue(on.matches("(?s).*#2 [^\\n]* in gdb_outer \\(\\).*"), on);

        String off = backtrace(false);
        assertTrue(off.matches("(?s).*#0 [^\\n]*vex_trap.*"), off);
        assertFalse(off.contains("gdb_inner"), off);
    }
}
