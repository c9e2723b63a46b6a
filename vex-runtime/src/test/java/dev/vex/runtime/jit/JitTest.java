package dev.vex.runtime.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Pointer;
import dev.vex.backend.CompiledModule;
import dev.vex.ir.TrapCode;
import dev.vex.runtime.NativeFunction;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.Vex;
import dev.vex.runtime.VexCallException;
import dev.vex.runtime.VexTrapException;
import dev.vex.runtime.jna.VexLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hand-assembled code through the whole JIT path: link, stubs, TLS slot, invoke, traps, unmap. */
class JitTest {
    static NativeModule values;
    static NativeModule traps;

    @BeforeAll
    static void load() {
        values = Vex.load(HandModules.values().build());
        traps = Vex.load(HandModules.traps().build());
    }

    @AfterAll
    static void unload() {
        values.close();
        traps.close();
    }

    @Test
    void integerResultsWrapAndComeBackBoxedByType() {
        assertEquals((byte) 44, values.function("add_i8").invoke((byte) 100, 200)); // 300 wraps to 44
        assertEquals((byte) -2, values.function("add_i8").invoke(-1, -1));
        assertEquals((short) -32768, values.function("add_i16").invoke((short) 32767, 1));
        assertEquals(Integer.MIN_VALUE, values.function("add_i32").invoke(Integer.MAX_VALUE, 1));
        assertEquals(Long.MIN_VALUE, values.function("add_i64").invoke(Long.MAX_VALUE, 1));
        assertEquals(-3L, values.function("add_i64").invoke(-1, -2L));
    }

    @Test
    void resultSlotsAreCanonical() {
        // An i32 -1 comes back zero-extended, as the array entry stores it.
        assertArrayEquals(new long[] {0xFFFF_FFFFL}, values.function("add_i32").invokeBits(-1L, 0L));
        assertArrayEquals(new long[] {0xFEL}, values.function("add_i8").invokeBits(0xFFL, 0xFFL));
        // Arguments are cut to their type's width: the high bits must not reach the function.
        assertArrayEquals(new long[] {3}, values.function("add_i8").invokeBits(0x7_01L, 0x5_02L));
        // invokeLong sign-extends an integer result from its width.
        assertEquals(-1L, values.function("add_i32").invokeLong(-1, 0));
        assertEquals(-128L, values.function("add_i8").invokeLong(127, 1));
    }

    @Test
    void theInPlaceFastPathChecksItsArraysAndAllocatesNothing() {
        NativeFunction pair = values.function("pair");
        long[] args = {10, 3};
        long[] results = new long[2];
        pair.invokeBits(args, results);
        assertArrayEquals(new long[] {13, 7}, results);
        VexCallException wide = assertThrows(VexCallException.class,
                () -> values.function("add_i32").invokeBits(new long[] {1L << 32, 0}, new long[1]));
        assertTrue(wide.getMessage().contains("argument 0 of %add_i32 is i32: 0x100000000 is not a canonical i32 slot"),
                wide.getMessage());
        assertThrows(VexCallException.class, () -> pair.invokeBits(args, new long[1]));
        VexTrapException t = assertThrows(VexTrapException.class,
                () -> traps.function("calls_trap").invokeBits(new long[] {6}, new long[1]));
        assertEquals(TrapCode.UNREACHABLE, t.trapCode());
        assertEquals("trap_with", t.function());

        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) { // warm up: let the JIT compile the path
            pair.invokeBits(args, results);
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            pair.invokeBits(args, results);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 10_000, allocated + " bytes allocated by 10,000 calls");
    }

    @Test
    void floatsKeepTheirBits() {
        assertEquals(3.75f, values.function("add_f32").invoke(1.5f, 2.25f));
        assertEquals(0.30000000000000004, values.function("add_f64").invoke(0.1, 0.2));
        assertEquals(-0.0, (double) values.function("add_f64").invoke(-0.0, -0.0f)); // Float widens to f64
        long bits = Double.doubleToRawLongBits((Double) values.function("add_f64").invoke(-0.0, -0.0));
        assertEquals(0x8000_0000_0000_0000L, bits);
        assertEquals(6.5, values.function("add_f64").invokeDouble(4, 2.5));
        assertEquals(0.5, values.function("add_f32").invokeDouble(0.25, 0.25));
        long[] f32 = values.function("add_f32").invokeBits(Float.floatToRawIntBits(1f), Float.floatToRawIntBits(-3f));
        assertEquals(Float.floatToRawIntBits(-2f) & 0xFFFF_FFFFL, f32[0]);
    }

    @Test
    void multiValueResultsComeBackAsArrays() {
        assertArrayEquals(new Object[] {13L, 7L}, (Object[]) values.function("pair").invoke(10, 3));
        assertArrayEquals(new Object[] {42, 3.0}, (Object[]) values.function("mixed").invoke(1.5, 21));
        assertArrayEquals(new Object[] {6L, 7L, 15L}, (Object[]) values.function("triple").invoke(5L));
        assertArrayEquals(new long[] {-1L, 0L, -6L}, values.function("triple").invokeBits(-2L));
    }

    @Test
    void noArgumentsAndNoResults() {
        assertEquals(42L, values.function("const42").invoke());
        assertNull(values.function("nothing").invoke(7L));
        assertEquals(0, values.function("nothing").invokeBits(7L).length);
    }

    @Test
    void externalsAreReachedThroughStubsAndAbsoluteAddresses() {
        assertEquals(10.0, values.function("fma_call").invoke(2.0, 3.0, 4.0));
        assertEquals(Math.fma(0.1, 10.0, -1.0), values.function("fma_call").invoke(0.1, 10.0, -1.0)); // fused: not 0
        assertEquals(Math.fma(1.1f, 3f, 0.7f), values.function("fmaf_abs").invoke(1.1f, 3f, 0.7f));
        long p = (Long) values.function("alloc").invoke(64L);
        assertNotEquals(0L, p);
        assertEquals(0L, new Pointer(p).getLong(56)); // vex_alloc zeroes
        VexLibrary.instance().vex_free(p);
    }

    @Test
    void everyTrapCodeSurfacesWithItsFunction() {
        List<TrapCode> codes = new ArrayList<>(List.of(TrapCode.STACK_OVERFLOW, TrapCode.HEAP_OUT_OF_BOUNDS,
                TrapCode.INTEGER_OVERFLOW, TrapCode.INTEGER_DIVISION_BY_ZERO, TrapCode.BAD_CONVERSION_TO_INTEGER,
                TrapCode.UNREACHABLE, TrapCode.user(1), TrapCode.user(255)));
        NativeFunction f = traps.function("trap_with");
        for (TrapCode code : codes) {
            VexTrapException e = assertThrows(VexTrapException.class, () -> f.invoke(code.number()));
            assertEquals(code, e.trapCode());
            assertEquals(code.number(), e.codeNumber());
            assertEquals("trap_with", e.function());
            assertTrue(e.offset() > 0 && e.offset() <= traps.compiled().function("trap_with").size(), "" + e.offset());
            assertTrue(e.getMessage().contains("trap " + code + " in %trap_with"), e.getMessage());
        }
    }

    @Test
    void aTrapInACalleeNamesTheCallee() {
        VexTrapException e = assertThrows(VexTrapException.class, () -> traps.function("calls_trap").invoke(4));
        assertEquals(TrapCode.INTEGER_DIVISION_BY_ZERO, e.trapCode());
        assertEquals("trap_with", e.function());
    }

    @Test
    void aHundredTrapsInARowThenANormalCall() {
        NativeFunction f = traps.function("trap_with");
        for (int i = 0; i < 100; i++) {
            int code = 256 + 1 + i % 255;
            VexTrapException e = assertThrows(VexTrapException.class, () -> f.invoke(code));
            assertEquals(code, e.codeNumber());
        }
        assertEquals(5L, traps.function("depth").invoke(5L));
        assertEquals(9L, values.function("add_i64").invokeLong(4, 5));
    }

    @Test
    void unboundedRecursionTrapsWithStackOverflow() {
        for (int i = 0; i < 3; i++) {
            VexTrapException e = assertThrows(VexTrapException.class, () -> traps.function("forever").invoke(0L));
            assertEquals(TrapCode.STACK_OVERFLOW, e.trapCode());
            assertEquals("forever", e.function());
        }
        // The limit is near the end of the stack, not somewhere shallow: 10,000 frames of 64 bytes fit.
        assertEquals(10_000L, traps.function("depth").invoke(10_000L));
    }

    @Test
    void stackOverflowOnAThreadWithASmallStack() throws InterruptedException {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                traps.function("forever").invoke(0L);
                result.set("returned");
            } catch (VexTrapException e) {
                result.set(e.trapCode());
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        assertEquals(TrapCode.STACK_OVERFLOW, result.get());
    }

    @Test
    void threadsCallAndTrapAtTheSameTime() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; i < 2000; i++) {
                        assertEquals((long) id + i, values.function("add_i64").invokeLong(id, i));
                        VexTrapException e = assertThrows(VexTrapException.class,
                                () -> traps.function("trap_with").invoke(257 + id));
                        assertEquals(257 + id, e.codeNumber());
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertNull(failure.get());
    }

    @Test
    void codeIsMappedReadExecuteNeverWritable() throws IOException {
        for (NativeModule m : List.of(values, traps)) {
            String perms = permissionsAt(m.codeAddress());
            assertEquals("r-xp", perms, "our code mapping");
        }
    }

    @Test
    void closeUnmapsAndLaterCallsFail() throws IOException {
        NativeModule m = Vex.load(HandModules.values().build());
        NativeFunction add = m.function("add_i64");
        assertEquals(3L, add.invokeLong(1, 2));
        long address = m.codeAddress();
        long last = address + m.mappedSize() - 1;
        assertEquals("r-xp", permissionsAt(address));
        assertEquals("r-xp", permissionsAt(last));
        m.close();
        assertTrue(m.isClosed());
        // Unmapped (or, if something else got the range since, not as our code).
        assertNotEquals("r-xp", permissionsAt(address));
        assertNotEquals("r-xp", permissionsAt(last));
        VexCallException e = assertThrows(VexCallException.class, () -> add.invokeLong(1, 2));
        assertTrue(e.getMessage().contains("%add_i64") && e.getMessage().contains("closed"), e.getMessage());
        m.close(); // twice is fine
    }

    @Test
    void closingWhileOtherThreadsCallIsSafe() throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            NativeModule m = Vex.load(HandModules.traps().build());
            NativeFunction depth = m.function("depth");
            AtomicReference<Throwable> failure = new AtomicReference<>();
            java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                threads.add(new Thread(() -> {
                    try {
                        while (true) {
                            assertEquals(300L, depth.invokeLong(300));
                            calls.incrementAndGet();
                        }
                    } catch (VexCallException e) {
                        refused.incrementAndGet(); // closed under us: the one way out
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            while (calls.get() < 100) {
                Thread.onSpinWait();
            }
            m.close();
            for (Thread t : threads) {
                t.join();
            }
            assertNull(failure.get());
            assertEquals(3, refused.get());
        }
    }

    @Test
    void aMissingArrayEntryIsRefusedAtLoad() {
        CompiledModule ok = HandModules.values().build();
        List<dev.vex.backend.CompiledFunction> renamed = ok.functions().stream()
                .map(f -> new dev.vex.backend.CompiledFunction(f.name(), f.signature(), false, f.symbol(), f.offset(),
                        f.size(), f.name() + "$missing"))
                .toList();
        CompiledModule bad = new CompiledModule("x64", ok.code(), ok.symbols(), ok.relocations(), renamed, null);
        JitException e = assertThrows(JitException.class, () -> Vex.load(bad));
        assertTrue(e.getMessage().contains("no symbol 'add_i8$missing'"), e.getMessage());
    }

    @Test
    void badCallsNameTheFunctionArgumentAndType() {
        NativeFunction add8 = values.function("add_i8");
        VexCallException count = assertThrows(VexCallException.class, () -> add8.invoke(1));
        assertTrue(count.getMessage().contains("%add_i8 takes 2 arguments"), count.getMessage());
        VexCallException range = assertThrows(VexCallException.class, () -> add8.invoke(1, 256));
        assertTrue(range.getMessage().contains("argument 1 of %add_i8 is i8: 256 does not fit"), range.getMessage());
        VexCallException type = assertThrows(VexCallException.class, () -> values.function("add_i64").invoke(1, "2"));
        assertTrue(type.getMessage().contains("argument 1 of %add_i64 is i64: expected a Byte, Short, Integer or Long, got String 2"),
                type.getMessage());
        VexCallException flt = assertThrows(VexCallException.class, () -> values.function("add_f32").invoke(1.0f, 2.0));
        assertTrue(flt.getMessage().contains("argument 1 of %add_f32 is f32: expected a Float, got Double"), flt.getMessage());
        assertThrows(VexCallException.class, () -> values.function("add_i64").invoke(1, null));
        assertThrows(VexCallException.class, () -> values.function("add_f64").invokeLong(1, 2));
        assertThrows(VexCallException.class, () -> values.function("pair").invokeLong(1, 2));
        assertThrows(VexCallException.class, () -> values.function("add_i64").invokeDouble(1, 2));
        VexCallException missing = assertThrows(VexCallException.class, () -> values.function("nope"));
        assertTrue(missing.getMessage().contains("no function %nope"), missing.getMessage());
    }

    @Test
    void undefinedSymbolsAndForeignCodeAreRefused() {
        HandModule m = new HandModule();
        m.function("calls_nothing", HandModule.sig(List.of(), List.of()), a -> a.jmp("vex_no_such_symbol"));
        JitException e = assertThrows(JitException.class, () -> Vex.load(m.build()));
        assertTrue(e.getMessage().contains("undefined symbol 'vex_no_such_symbol'"), e.getMessage());

        CompiledModule x64 = HandModules.values().build();
        CompiledModule foreign = new CompiledModule("aarch64", x64.code(), x64.symbols(), x64.relocations(),
                x64.functions(), null);
        assertThrows(JitException.class, () -> Vex.load(foreign));
    }

    /** The permissions of the mapping holding {@code address}, from /proc/self/maps. */
    static String permissionsAt(long address) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            String[] f = line.split("\\s+");
            String[] range = f[0].split("-");
            long lo = Long.parseUnsignedLong(range[0], 16);
            long hi = Long.parseUnsignedLong(range[1], 16);
            if (Long.compareUnsigned(address, lo) >= 0 && Long.compareUnsigned(address, hi) < 0) {
                return f[1];
            }
        }
        return null;
    }
}
