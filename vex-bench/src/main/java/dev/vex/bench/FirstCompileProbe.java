package dev.vex.bench;

import dev.vex.ir.Module;
import dev.vex.runtime.NativeFunction;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.Vex;
import dev.vex.text.ClifReader;

/**
 * First-compile latency, in a JVM of its own (a warm JVM has nothing left to load): {@code
 * FirstCompileProbe} reads a small module from CLIF text, compiles it with {@link Vex#compile},
 * calls one of its functions once and checks the answer, then prints one line {@code first_compile
 * <total ns> <read ns> <compile ns> <first call ns> <CPU ns of this thread over the total>}. The total runs from just
 * before the read to just after the call returns: class loading, static tables, the native
 * library and the compile itself, as a program that loads Vex pays them once. The thread's CPU
 * time beside the wall time tells a loaded machine (the JIT compiler threads are not in it).
 * {@link FirstCompileMeasurement} starts it.
 */
public final class FirstCompileProbe {
    /** A small module of the kind a first compile sees: a loop, a call, a few arithmetic ops. */
    static final String MODULE = """
            function %square(i64) -> i64 {
            block0(v0: i64):
                v1 = imul v0, v0
                return v1
            }

            function %sum_squares(i64) -> i64 {
                fn0 = %square(i64) -> i64
            block0(v0: i64):
                v1 = iconst.i64 0
                v2 = iconst.i64 0
                jump block1(v1, v2)
            block1(v3: i64, v4: i64):
                v5 = icmp slt v3, v0
                brif v5, block2, block3
            block2:
                v6 = call fn0(v3)
                v7 = iadd v4, v6
                v8 = iadd_imm v3, 1
                jump block1(v8, v7)
            block3:
                return v4
            }
            """;

    private FirstCompileProbe() {
    }

    public static void main(String[] args) {
        // Taken before the clock starts: the management classes are the probe's, not Vex's.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Module m = ClifReader.readModule(MODULE, "first.clif");
        long t1 = System.nanoTime();
        try (NativeModule nm = Vex.compile(m)) {
            NativeFunction f = nm.function("sum_squares");
            long t2 = System.nanoTime();
            long r = f.invokeLong(10);
            long t3 = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            if (r != 285) {
                throw new IllegalStateException("%sum_squares(10) gave " + r + ", not 285");
            }
            System.out.printf("first_compile %d %d %d %d %d%n", t3 - t0, t1 - t0, t2 - t1, t3 - t2, cpu);
        }
    }
}
