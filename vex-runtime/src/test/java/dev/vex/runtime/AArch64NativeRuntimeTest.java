package dev.vex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the C runtime's own tests cross-built for AArch64 ({@code make cross-aarch64-tests}, normal
 * flavour, into {@code target/ctest-aarch64}) under {@code qemu-aarch64-static}, and checks that
 * the jar's resources hold the cross-built {@code linux-aarch64/libvexrt.so}. Runs when the cross
 * compiler and qemu are installed (CI installs both) and says so loudly when they are not.
 */
class AArch64NativeRuntimeTest {
    static final List<String> TESTS = List.of("test_header", "test_deque", "test_invoke", "test_spawn", "test_timer",
            "test_chan", "test_cancel", "test_net", "test_sock_handles", "test_io_timeouts", "test_trap_task",
            "test_select", "test_scope");
    private static final String SYSROOT = "/usr/aarch64-linux-gnu";

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void requireCrossCompiler() {
        if (!onPath("aarch64-linux-gnu-gcc")) {
            System.out.println("NOT RUN: aarch64-linux-gnu-gcc is not installed, so the AArch64 runtime was not built");
            Assumptions.abort("no aarch64-linux-gnu-gcc");
        }
    }

    @Test
    void libraryIsBuiltForAArch64() throws IOException {
        requireCrossCompiler();
        Path lib = Path.of("target/classes/linux-aarch64/libvexrt.so");
        assertTrue(Files.isRegularFile(lib), lib + " was not built");
        byte[] header = Files.readAllBytes(lib);
        // ELF64, little-endian, shared object, e_machine EM_AARCH64 (183).
        assertEquals(0x7F, header[0] & 0xFF);
        assertEquals('E', header[1]);
        assertEquals(2, header[4], "not ELF64");
        assertEquals(1, header[5], "not little-endian");
        assertEquals(3, header[16], "not a shared object");
        assertEquals(183, (header[18] & 0xFF) | (header[19] & 0xFF) << 8, "e_machine is not AArch64");
    }

    @TestFactory
    Stream<DynamicTest> cTestsUnderQemu() {
        requireCrossCompiler();
        if (!onPath("qemu-aarch64-static")) {
            System.out.println("NOT RUN: qemu-aarch64-static is not installed; the AArch64 C tests were built, not run");
            Assumptions.abort("no qemu-aarch64-static");
        }
        Path dir = Path.of(System.getProperty("vex.ctest.aarch64.dir", "target/ctest-aarch64")).resolve("normal");
        List<DynamicTest> tests = new ArrayList<>();
        for (String test : TESTS) {
            Path binary = dir.resolve(test);
            tests.add(DynamicTest.dynamicTest("aarch64/" + test, () -> run(binary)));
        }
        return tests.stream();
    }

    private static void run(Path binary) throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(binary), binary + " was not built (make cross-aarch64-tests in src/main/c)");
        Process p = new ProcessBuilder("qemu-aarch64-static", "-L", SYSROOT, binary.toString())
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(binary + " timed out under qemu:\n" + new String(out, StandardCharsets.UTF_8));
        }
        String output = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> binary + " exited " + p.exitValue() + " under qemu:\n" + output);
        assertTrue(output.contains("ok "), () -> binary + " ran no case:\n" + output);
        System.out.print("[aarch64/qemu] " + binary.getFileName() + "\n" + output);
    }
}
