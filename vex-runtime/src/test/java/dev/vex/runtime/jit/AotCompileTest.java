package dev.vex.runtime.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.cli.Main;
import dev.vex.exec.Outcome;
import dev.vex.interp.Interpreter;
import dev.vex.text.ClifReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vex compile --target x64 --emit obj}: the object links with gcc and a C program calls its
 * sync functions directly, with the platform C calling convention; the answers are the
 * interpreter's.
 */
class AotCompileTest {
    static final String CLIF = """
            function %fib(i64) -> i64 {
                fn0 = %fib(i64) -> i64
            block0(v0: i64):
                v1 = icmp_imm ult v0, 2
                brif v1, block2, block1
            block1:
                v2 = iadd_imm v0, -1
                v3 = call fn0(v2)
                v4 = iadd_imm v0, -2
                v5 = call fn0(v4)
                v6 = iadd v3, v5
                return v6
            block2:
                return v0
            }

            function %norm2(f64, f64) -> f64 {
            block0(v0: f64, v1: f64):
                v2 = fmul v0, v0
                v3 = fmul v1, v1
                v4 = fadd v2, v3
                v5 = sqrt v4
                return v5
            }

            function %mix(i32, i8, i16, f32) -> i32 {
            block0(v0: i32, v1: i8, v2: i16, v3: f32):
                v4 = sextend.i32 v1
                v5 = uextend.i32 v2
                v6 = fcvt_to_sint_sat.i32 v3
                v7 = iadd v0, v4
                v8 = imul v7, v5
                v9 = bxor v8, v6
                return v9
            }
            """;

    static final String MAIN_C = """
            #include <inttypes.h>
            #include <stdio.h>
            int64_t fib(int64_t);
            double norm2(double, double);
            int32_t mix(int32_t, int8_t, int16_t, float);
            int main(void) {
                printf("%" PRId64 "\\n", fib(30));
                printf("%a\\n", norm2(3.0, 4.5));
                printf("%" PRId32 "\\n", mix(1000, -7, -2, -123.75f));
                return 0;
            }
            """;

    @Test
    void compiledObjectLinksAndCCallsIt(@TempDir Path dir) throws Exception {
        assumeTrue(ElfLinkTest.onPath("gcc"), "gcc is not installed");
        Path src = dir.resolve("aot.clif");
        Files.writeString(src, CLIF);
        Path obj = dir.resolve("aot.o");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(new String[] {"compile", "--target", "x64", "--emit", "obj", "-o", obj.toString(), src.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        Path lib = Path.of("target/classes/linux-x86-64/libvexrt.so").toAbsolutePath();
        Path main = dir.resolve("main.c");
        Files.writeString(main, MAIN_C);
        Path exe = dir.resolve("main");
        ElfLinkTest.Result cc = ElfLinkTest.run(List.of("gcc", "-o", exe.toString(), main.toString(),
                obj.toString(), "-L" + lib.getParent(), "-lvexrt", "-Wl,-rpath," + lib.getParent(), "-lm"));
        assertEquals(0, cc.exit(), cc.output());
        ElfLinkTest.Result run = ElfLinkTest.run(List.of(exe.toString()));
        assertEquals(0, run.exit(), run.output());

        Interpreter interp = new Interpreter(ClifReader.readModule(CLIF, "aot.clif"));
        long fib = ((Outcome.Returned) interp.run("fib", new long[] {30})).values()[0];
        double hyp = Double.longBitsToDouble(((Outcome.Returned) interp.run("norm2",
                new long[] {Double.doubleToLongBits(3.0), Double.doubleToLongBits(4.5)})).values()[0]);
        int mix = (int) ((Outcome.Returned) interp.run("mix",
                new long[] {1000, 0xf9, 0xfffe, Float.floatToIntBits(-123.75f) & 0xffff_ffffL})).values()[0];
        List<String> lines = run.output().lines().toList();
        assertEquals(String.valueOf(fib), lines.get(0));
        assertEquals(Double.parseDouble(lines.get(1)), hyp);
        assertEquals(String.valueOf(mix), lines.get(2));
        assertTrue(fib == 832040, "fib(30)");
    }
}
