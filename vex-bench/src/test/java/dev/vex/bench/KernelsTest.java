package dev.vex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.ir.Module;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.Vex;
import dev.vex.runtime.jit.Targets;
import dev.vex.text.ClifReader;
import java.lang.invoke.MethodHandle;
import java.util.zip.Adler32;
import org.junit.jupiter.api.Test;

/**
 * The code-speed kernels compute what they claim, both as bytecode from {@link IrToBytecode} and
 * natively: each answer is checked against an independent Java computation or a known fact.
 */
class KernelsTest {
    static final Module IR = ClifReader.readModule(AsyncLoops.text(CodeSpeedBenchmark.RESOURCE), "kernels.clif");

    static long jvm(String kernel, long a, long b) throws Throwable {
        MethodHandle h = CodeSpeedBenchmark.jvmKernel(IR, kernel, IR.function(kernel).signature().params().size());
        return (long) h.invokeExact(a, b);
    }

    static long loopSum(long n) {
        long s = 0;
        for (long i = 0; i < n; i++) s = (s + i * i) ^ i;
        return s;
    }

    static long adler(int n, int rounds) {
        byte[] buf = new byte[n];
        for (int i = 0; i < n; i++) buf[i] = (byte) (i * 7 + 3);
        Adler32 a = new Adler32();
        for (int r = 0; r < rounds; r++) a.update(buf);
        return a.getValue();
    }

    static long mandel(int size) {
        double step = 3.0 / size;
        long total = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double cr = -2.0 + x * step;
                double ci = -1.5 + y * step;
                double zr = 0;
                double zi = 0;
                int k = 0;
                while (!(zr * zr + zi * zi > 4.0) && k < 64) {
                    double zr2 = zr * zr - zi * zi + cr;
                    zi = zr * zi + zr * zi + ci;
                    zr = zr2;
                    k++;
                }
                total += k;
            }
        }
        return total;
    }

    @Test
    void bytecodeTranslationComputesTheKernels() throws Throwable {
        assertEquals(loopSum(12_345), jvm("loop_sum", 12_345, 0));
        assertEquals(6765, jvm("fib", 20, 0));
        assertEquals(6542, jvm("sieve", 65_536, 0)); // primes below 2^16
        assertEquals(25, jvm("sieve", 100, 0));
        assertEquals(adler(65_536, 1), jvm("checksum", 65_536, 1));
        assertEquals(adler(1000, 3), jvm("checksum", 1000, 3));
        assertEquals(mandel(40), jvm("mandel", 40, 0));
    }

    @Test
    void vexComputesTheSameNatively() {
        assumeTrue("x64".equals(Targets.hostName()), "x64 code runs on an x86-64 host only");
        try (NativeModule m = Vex.compile(IR)) {
            assertEquals(loopSum(12_345), m.function("loop_sum").invokeLong(12_345L));
            assertEquals(6765L, m.function("fib").invokeLong(20L));
            assertEquals(6542L, m.function("sieve").invokeLong(65_536L));
            assertEquals(adler(1000, 3), m.function("checksum").invokeLong(1000L, 3L));
            assertEquals(mandel(40), m.function("mandel").invokeLong(40L));
        }
    }

    @Test
    void gccBuildsTheSameKernelsInC() {
        GccKernels gcc = GccKernels.build();
        assumeTrue(gcc != null, "NOT RUN: gcc is needed for the C kernels");
        assertEquals(loopSum(12_345), gcc.function("loop_sum").invokeLong(new Object[] {12_345L}));
        assertEquals(6765L, gcc.function("fib").invokeLong(new Object[] {20L}));
        assertEquals(6542L, gcc.function("sieve").invokeLong(new Object[] {65_536L}));
        assertEquals(25L, gcc.function("sieve").invokeLong(new Object[] {100L}));
        assertEquals(adler(65_536, 1), gcc.function("checksum").invokeLong(new Object[] {65_536L, 1L}));
        assertEquals(adler(1000, 3), gcc.function("checksum").invokeLong(new Object[] {1000L, 3L}));
        assertEquals(mandel(40), gcc.function("mandel").invokeLong(new Object[] {40L}));
        assertEquals(mandel(120), gcc.function("mandel").invokeLong(new Object[] {120L}));
    }

    @Test
    void opcodesOutsideTheSubsetAreRefused() {
        Module m = ClifReader.readModule("""
                function %f(i64) -> i64 {
                block0(v0: i64):
                    v1 = popcnt v0
                    return v1
                }
                """, "f.clif");
        assertThrows(UnsupportedOperationException.class, () -> IrToBytecode.translate(m, "F"));
    }
}
