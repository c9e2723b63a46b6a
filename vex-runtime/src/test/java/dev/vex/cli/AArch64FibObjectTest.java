package dev.vex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AOT path for AArch64 end to end: {@code vex compile --target aarch64 --emit obj} of a
 * recursive fibonacci, linked by {@code aarch64-linux-gnu-gcc} with a C {@code main} and the
 * cross-built runtime (the prologue's stack check reads its {@code vex_stack_limit} through the
 * initial-exec TLS relocation pair), run under {@code qemu-aarch64-static}. Also checks the
 * object's relocations as GNU {@code readelf} names them. Needs the cross tools (CI installs them);
 * says NOT RUN without them.
 */
class AArch64FibObjectTest {
    private static final String SYSROOT = "/usr/aarch64-linux-gnu";

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String run(Path dir, List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), cmd + " timed out");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> cmd + " failed:\n" + text);
        return text;
    }

    @Test
    void fibonacciObjectLinksWithCAndRunsUnderQemu(@TempDir Path dir) throws Exception {
        for (String tool : List.of("aarch64-linux-gnu-gcc", "aarch64-linux-gnu-readelf", "aarch64-linux-gnu-objdump",
                "qemu-aarch64-static")) {
            if (!onPath(tool)) {
                System.out.println("NOT RUN: " + tool + " is not installed");
                Assumptions.abort("no " + tool);
            }
        }
        Path clif = dir.resolve("fib.clif");
        Path main = dir.resolve("main.c");
        Files.copy(Path.of("src/test/resources/aarch64/fib.clif"), clif);
        Files.copy(Path.of("src/test/resources/aarch64/fib_main.c"), main);
        Path obj = dir.resolve("fib.o");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = CompileCommand.run(List.of("--target", "aarch64", "--emit", "obj", "-o", obj.toString(),
                clif.toString()), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));

        String relocs = run(dir, List.of("aarch64-linux-gnu-readelf", "-W", "-r", "-h", obj.toString()));
        assertTrue(relocs.contains("AArch64"), relocs);
        assertTrue(relocs.contains("R_AARCH64_CALL26") && relocs.contains("vex_trap"), relocs);
        assertTrue(relocs.contains("R_AARCH64_TLSIE_ADR_GOTTPREL_PAGE21") && relocs.contains("vex_stack_limit"), relocs);
        assertTrue(relocs.contains("R_AARCH64_TLSIE_LD64_GOTTPREL_LO12_NC"), relocs);

        // The prologue's MRS is a raw word (the assembler has no MRS row): GNU objdump must agree.
        String listing = run(dir, List.of("aarch64-linux-gnu-objdump", "-d", obj.toString()));
        assertTrue(listing.contains("d53bd051 \tmrs\tx17, tpidr_el0"), listing);

        Path rt = Path.of("target/classes/linux-aarch64").toAbsolutePath();
        assertTrue(Files.isRegularFile(rt.resolve("libvexrt.so")), "the AArch64 runtime was not built");
        Path exe = dir.resolve("fib");
        run(dir, List.of("aarch64-linux-gnu-gcc", "-o", exe.toString(), main.toString(), obj.toString(),
                "-L" + rt, "-lvexrt"));
        String printed = run(dir, List.of("qemu-aarch64-static", "-L", SYSROOT, "-E", "LD_LIBRARY_PATH=" + rt,
                exe.toString()));
        assertEquals("fib(20) = 6765\nfib(30) = 832040\n", printed);
    }
}
