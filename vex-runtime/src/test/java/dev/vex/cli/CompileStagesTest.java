package dev.vex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vex compile --emit STAGE} for every stage with the real x64 compiler, {@code --cpu},
 * and purity: the same file compiled in two separate JVMs gives the same bytes, and compiling
 * loads neither the runtime library nor JNA.
 */
class CompileStagesTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static Path example() {
        return Path.of(System.getProperty("vex.root"), "examples", "pipeline.clif");
    }

    private String emit(String stage, String... more) {
        out.reset();
        List<String> args = new ArrayList<>(List.of("compile", "--target", "x64", "--emit", stage));
        args.addAll(List.of(more));
        args.add(example().toString());
        int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyStagePrints() throws Exception {
        String ir = emit("ir");
        assertTrue(ir.contains("async function %main("), ir);
        String lowered = emit("lowered");
        assertFalse(lowered.contains("async function"), lowered);
        assertTrue(lowered.contains("function %main$resume(") && lowered.contains("frame of %main: size"), lowered);
        String vcode = emit("vcode");
        assertTrue(vcode.contains("function main$resume {") && vcode.contains("block0"), vcode);
        assertFalse(vcode.contains("move "), vcode);
        String regalloc = emit("regalloc");
        assertTrue(regalloc.contains("function main$resume {") && regalloc.contains(" [r"), regalloc);
        String asm = emit("asm");
        assertTrue(asm.contains("main$desc:") && asm.contains("vex_future_desc {") && asm.contains("ret"), asm);
        Path obj = dir.resolve("p.o");
        emit("obj", "-o", obj.toString());
        byte[] bytes = Files.readAllBytes(obj);
        assertEquals(0x7F, bytes[0]);
        assertEquals('E', bytes[1]);
    }

    @Test
    void theCpuOptionIsCheckedAndChangesTheCode() {
        String baseline = emit("asm");
        String all = emit("asm", "--cpu", "+lzcnt,+bmi1,+bmi2,+popcnt,+sse4_1,+fma");
        assertEquals(baseline.contains("ret"), all.contains("ret"));
        int code = Main.run(new String[] {"compile", "--cpu", "+sse9", example().toString()},
                new PrintStream(out), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no CPU feature 'sse9'"), err.toString());
    }

    @Test
    void twoJvmsGiveIdenticalObjectsAndNeitherLoadsTheRuntime() throws Exception {
        Path shared = Path.of(System.getProperty("vex.shared"), "conformance", "clif");
        List<Path> files = new ArrayList<>(List.of(example(),
                Path.of(System.getProperty("vex.root"), "examples", "channels.clif")));
        for (String name : List.of("arithmetic.clif", "bitrev.clif", "float-bitops.clif")) {
            if (Files.exists(shared.resolve(name))) {
                files.add(shared.resolve(name));
            }
        }
        for (Path file : files) {
            Path a = dir.resolve(file.getFileName() + ".a.o");
            Path b = dir.resolve(file.getFileName() + ".b.o");
            String logA = childCompile(file, a);
            childCompile(file, b);
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), file + " compiled twice differs");
            assertFalse(logA.contains("com.sun.jna.Native "), "compiling loaded JNA");
            assertFalse(logA.contains("dev.vex.runtime.jna."), "compiling loaded the runtime's bindings");
        }
    }

    /** {@code vex compile --cpu baseline -o out file} in a new JVM; returns its class-loading log. */
    private static String childCompile(Path file, Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-verbose:class", "-cp", System.getProperty("java.class.path"),
                "dev.vex.cli.Main", "compile", "--target", "x64", "--cpu", "baseline", "-o", out.toString(),
                file.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log.lines().filter(l -> !l.startsWith("[")).toList().toString());
        assertTrue(Files.size(out) > 64, out.toString());
        return log;
    }
}
