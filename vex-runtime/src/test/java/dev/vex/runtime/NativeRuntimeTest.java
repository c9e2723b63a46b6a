package dev.vex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the C runtime's own tests ({@code src/test/c}), which Maven built in four flavours into
 * {@code target/ctest}: normal (-O2), tsan (ThreadSanitizer), asan (AddressSanitizer with
 * LeakSanitizer and UBSan) and stress (a 4-entry deque). A binary passes when it exits 0; any
 * sanitizer report makes it exit 66. Its output is shown on failure.
 */
class NativeRuntimeTest {
    static final List<String> FLAVOURS = List.of("normal", "tsan", "asan", "stress");
    static final List<String> TESTS = List.of(
            "test_header", "test_abi_constants", "test_deque", "test_spawn", "test_timer", "test_chan", "test_cancel",
            "test_net", "test_sock_handles", "test_io_timeouts", "test_trap_task", "test_handles", "test_children", "test_fault", "test_teardown", "test_gdbjit",
            "test_select", "test_scope");

    @TestFactory
    Stream<DynamicTest> cTests() {
        Path dir = Path.of(System.getProperty("vex.ctest.dir", "target/ctest"));
        List<DynamicTest> tests = new ArrayList<>();
        for (String flavour : FLAVOURS) {
            for (String test : TESTS) {
                Path binary = dir.resolve(flavour).resolve(test);
                tests.add(DynamicTest.dynamicTest(flavour + "/" + test, () -> run(flavour, binary)));
            }
        }
        return tests.stream();
    }

    private static void run(String flavour, Path binary) throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(binary), binary + " was not built (make tests in src/main/c)");
        Result first = exec(List.of(binary.toString()));
        // ThreadSanitizer cannot map its shadow under a high-entropy ASLR layout: then run the
        // binary with address randomisation off instead.
        Result r = flavour.equals("tsan") && first.output.contains("unexpected memory mapping")
                ? exec(List.of("setarch", "x86_64", "-R", binary.toString()))
                : first;
        assertEquals(0, r.exit, () -> binary + " exited " + r.exit + ":\n" + r.output);
        assertFalse(r.output.contains("Sanitizer"), () -> binary + " reported:\n" + r.output);
        assertTrue(r.output.contains("ok "), () -> binary + " ran no case:\n" + r.output);
        System.out.print("[" + flavour + "] " + binary.getFileName() + "\n" + r.output);
    }

    private record Result(int exit, String output) {
    }

    private static Result exec(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("TSAN_OPTIONS", "halt_on_error=1 exitcode=66");
        env.put("ASAN_OPTIONS", "detect_leaks=1 halt_on_error=1 exitcode=66");
        env.put("UBSAN_OPTIONS", "halt_on_error=1 print_stacktrace=1 exitcode=66");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out\n" + new String(out, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
