package dev.vex.runtime.abuse;

import static dev.vex.runtime.abuse.Expect.check;
import static dev.vex.runtime.abuse.Expect.thrown;

import dev.vex.ir.TrapCode;
import dev.vex.runtime.NativeFunction;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.VexRuntime;
import dev.vex.runtime.VexTrapException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Class 10: wild loads in generated code are heap_oob traps, and the JVM's own signals still work. */
final class FaultCases {
    static final long[] WILD = {16L, 0xdead0000L, 0x7ffffffff000L, -4096L};

    private FaultCases() {
    }

    static void sync() throws Exception {
        try (NativeModule m = AbuseProgram.compile()) {
            NativeFunction load = m.function("load");
            for (int i = 0; i < 2000; i++) {
                long p = WILD[i % WILD.length];
                VexTrapException e = thrown(VexTrapException.class, () -> load.invoke(p));
                check(e.trapCode() == TrapCode.HEAP_OUT_OF_BOUNDS, "trap code " + e.trapCode());
                check(e.function().equals("load"), "trap in " + e.function());
            }
            long block = (Long) m.function("alloc").invoke(8L);
            check((Long) load.invoke(block) == 0L, "a good load after the faults");
            m.function("free").invoke(block);
        }
    }

    static void task() throws Exception {
        try (VexRuntime rt = VexRuntime.create(2); NativeModule m = AbuseProgram.compile()) {
            for (int i = 0; i < 500; i++) {
                long p = WILD[i % WILD.length];
                VexTrapException e = thrown(VexTrapException.class, () -> rt.blockOn(m.function("load_async"), p));
                check(e.trapCode() == TrapCode.HEAP_OUT_OF_BOUNDS, "trap code " + e.trapCode());
            }
            check((Long) rt.blockOn(m.function("sleep_ns"), 5L) == 5L, "the workers go on");
        }
    }

    /** A hot loop that HotSpot compiles with an implicit null check (a SIGSEGV it handles). */
    static int lengthOrMinusOne(int[] a) {
        try {
            return a.length;
        } catch (NullPointerException e) {
            return -1;
        }
    }

    static int depth;

    static void recurse() {
        depth++;
        recurse();
    }

    /** While and after Vex code faults on another thread, the JVM's implicit null checks and
     * stack banging (both SIGSEGV, handled by HotSpot through our chaining) keep working. */
    static void jvmSignals() throws Exception {
        try (NativeModule m = AbuseProgram.compile()) {
            NativeFunction load = m.function("load");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong vexTraps = new AtomicLong();
            Thread faulting = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        load.invoke(16L);
                    } catch (VexTrapException e) {
                        vexTraps.incrementAndGet();
                    }
                }
            });
            faulting.start();
            int[] some = new int[3];
            for (int round = 0; round < 3; round++) {
                long npes = 0;
                for (int i = 0; i < 300_000; i++) {
                    if (lengthOrMinusOne(i % 100 == 0 ? null : some) < 0) npes++;
                }
                check(npes == 3_000, "null checks: " + npes + " NPEs, expected 3000");
                depth = 0;
                try {
                    recurse();
                    check(false, "recursion returned");
                } catch (StackOverflowError expected) {
                    check(depth > 1000, "stack overflow at depth " + depth);
                }
            }
            stop.set(true);
            faulting.join();
            check(vexTraps.get() > 0, "Vex code faulted meanwhile");
            // And after.
            thrown(VexTrapException.class, () -> load.invoke(16L));
            check(lengthOrMinusOne(null) == -1, "a null check after");
        }
    }
}
