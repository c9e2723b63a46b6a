package dev.vex.runtime.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the C test of {@code vex_invoke} and {@code vex_trap} ({@code src/test/c/test_invoke.c})
 * in the four flavours Maven built (normal, tsan, asan, stress), as NativeRuntimeTest does for
 * the scheduler's tests.
 */
class TrapExitNativeTest {
    @TestFactory
    Stream<DynamicTest> testInvoke() {
        Path dir = Path.of(System.getProperty("vex.ctest.dir", "target/ctest"));
        return Stream.of("normal", "tsan", "asan", "stress").map(flavour -> DynamicTest.dynamicTest(flavour,
                () -> run(flavour, dir.resolve(flavour).resolve("test_invoke"))));
    }

    private static void run(String flavour, Path binary) throws Exception {
        assertTrue(Files.isExecutable(binary), binary + " was not built (make tests in src/main/c)");
        String out = exec(List.of(binary.toString()));
        if (flavour.equals("tsan") && out.contains("unexpected memory mapping")) {
            out = exec(List.of("setarch", "x86_64", "-R", binary.toString()));
        }
        String output = out;
        assertTrue(output.startsWith("exit 0\n"), () -> binary + ": " + output);
        assertFalse(output.contains("Sanitizer"), () -> binary + " reported:\n" + output);
        assertEquals(7, output.lines().filter(l -> l.startsWith("ok ")).count(), () -> binary + ":\n" + output);
    }

    private static String exec(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("TSAN_OPTIONS", "halt_on_error=1 exitcode=66");
        pb.environment().put("ASAN_OPTIONS", "detect_leaks=1 halt_on_error=1 exitcode=66");
        pb.environment().put("UBSAN_OPTIONS", "halt_on_error=1 print_stacktrace=1 exitcode=66");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out\n" + new String(out, StandardCharsets.UTF_8);
        }
        return "exit " + p.exitValue() + "\n" + new String(out, StandardCharsets.UTF_8);
    }
}
