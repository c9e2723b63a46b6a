package dev.vex.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.ir.TrapCode;
import dev.vex.runtime.jit.Targets;
import dev.vex.text.ClifReader;
import dev.vex.verify.VerifyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Compiled async functions from Java: blockOn, spawn, join, cancel, traps in tasks. */
class AsyncApiTest {
    static final String SOURCE = """
            async function %square_later(i64) -> i64 {
                fn0 = async %vex_sleep(i64)
            block0(v0: i64):
                v1 = iconst.i64 1000
                await fn0(v1)
                v2 = imul v0, v0
                return v2
            }

            async function %divmod(i32, i32) -> i32, i32 {
                fn0 = async %vex_yield()
            block0(v0: i32, v1: i32):
                await fn0()
                v2 = sdiv v0, v1
                v3 = srem v0, v1
                return v2, v3
            }

            async function %half(f64) -> f64 {
                fn0 = async %vex_yield()
            block0(v0: f64):
                await fn0()
                v1 = f64const 0x1.0p-1
                v2 = fmul v0, v1
                return v2
            }

            async function %nothing() {
                fn0 = async %vex_yield()
            block0:
                await fn0()
                return
            }

            async function %sleep_ns(i64) -> i64 {
                fn0 = async %vex_sleep(i64)
            block0(v0: i64):
                await fn0(v0)
                return v0
            }

            ; depth levels of boxed recursion: each level polls the next on the native stack
            async function %deep(i64) -> i64 {
                fn0 = async %deep(i64) -> i64
                fn1 = async %vex_yield()
            block0(v0: i64):
                brif v0, block1, block2
            block1:
                v1 = iadd_imm v0, -1
                v2 = await_boxed fn0(v1)
                v3 = iadd_imm v2, 1
                return v3
            block2:
                await fn1()
                v4 = iconst.i64 0
                return v4
            }

            async function %calls_divmod(i32) -> i32 {
                fn0 = async %divmod(i32, i32) -> i32, i32
            block0(v0: i32):
                v1 = iconst.i32 0
                v2, v3 = await fn0(v0, v1)
                return v2
            }

            function %plain(i64) -> i64 {
            block0(v0: i64):
                v1 = iadd_imm v0, 1
                return v1
            }
            """;

    static NativeModule module;
    static VexRuntime rt;

    @BeforeAll
    static void compile() {
        assumeTrue("x64".equals(Targets.hostName()), "x64 code runs on an x86-64 host only");
        module = Vex.compile(ClifReader.readModule(SOURCE, "async-api.clif"));
        rt = VexRuntime.create(2);
    }

    @AfterAll
    static void close() {
        if (rt != null) rt.close();
        if (module != null) module.close();
    }

    @Test
    void blockOnReturnsTypedResults() {
        assertEquals(49L, rt.blockOn(module.function("square_later"), 7L));
        assertEquals(49L, rt.blockOn(module.function("square_later"), 7)); // an Integer fits i64
        assertArrayEquals(new Object[] {-3, -1}, (Object[]) rt.blockOn(module.function("divmod"), -7, 2));
        assertEquals(1.25, rt.blockOn(module.function("half"), 2.5));
        assertEquals(null, rt.blockOn(module.function("nothing")));
        assertEquals(1000L, rt.blockOn(module.function("deep"), 1000L));
    }

    @Test
    void asyncFunctionsHaveDescriptorsAndCannotBeInvoked() {
        NativeFunction f = module.function("square_later");
        assertTrue(f.isAsync());
        FutureDescriptor d = f.descriptor();
        assertEquals("square_later", d.name());
        assertEquals(1, d.paramCount());
        assertEquals(1, d.resultCount());
        assertTrue(d.frameSize() >= 16 && d.frameAlign() >= 8, d.toString());
        assertThrows(VexCallException.class, () -> f.invoke(1L));
        assertThrows(VexCallException.class, () -> module.function("plain").descriptor());
        assertThrows(VexCallException.class, () -> rt.spawn(module.function("plain"), 1L));
        assertThrows(VexCallException.class, () -> rt.blockOn(f, 1.5));
        assertThrows(VexCallException.class, () -> rt.blockOn(f));
    }

    @Test
    void spawnedTasksRunInParallelAndJoin() {
        TaskHandle[] hs = new TaskHandle[100];
        for (int i = 0; i < hs.length; i++) {
            hs[i] = rt.spawn(module.function("square_later"), (long) i);
        }
        long sum = 0;
        for (TaskHandle h : hs) {
            sum += (Long) h.result();
        }
        assertEquals(328_350L, sum);
        TaskResult raw = rt.spawn(module.function("square_later"), 5L).join();
        assertEquals(TaskOutcome.COMPLETED, raw.outcome());
        assertEquals(25L, raw.value(0));
    }

    @Test
    void cancellingASleepingTask() {
        TaskHandle h = rt.spawn(module.function("sleep_ns"), 3_600_000_000_000L);
        h.cancel();
        VexRuntimeException e = assertThrows(VexRuntimeException.class, h::result);
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
    }

    @Test
    void aTrapFailsTheTaskAndTheRuntimeGoesOn() {
        VexTrapException t = assertThrows(VexTrapException.class, () -> rt.blockOn(module.function("divmod"), 1, 0));
        assertEquals(TrapCode.INTEGER_DIVISION_BY_ZERO, t.trapCode());
        assertEquals("divmod", t.function());
        t = assertThrows(VexTrapException.class, () -> rt.blockOn(module.function("divmod"), Integer.MIN_VALUE, -1));
        assertEquals(TrapCode.INTEGER_OVERFLOW, t.trapCode());
        TaskResult raw = rt.spawn(module.function("divmod"), 1L, 0L).join();
        assertEquals(TaskOutcome.FAILED, raw.outcome());
        assertEquals(TrapCode.INTEGER_DIVISION_BY_ZERO.number(), raw.value(0));
        assertEquals("divmod", module.functionNameAt(raw.value(1)), "value 1 is the trap site");
        assertArrayEquals(new Object[] {3, 1}, (Object[]) rt.blockOn(module.function("divmod"), 7, 2));
        t = assertThrows(VexTrapException.class, () -> rt.blockOn(module.function("calls_divmod"), 5));
        assertEquals("divmod", t.function(), "the function the trap is in, not the task's");
        assertTrue(t.offset() > 0, t.getMessage());
    }

    @Test
    void deepRecursionInATaskTrapsStackOverflow() {
        VexTrapException t = assertThrows(VexTrapException.class,
                () -> rt.blockOn(module.function("deep"), 100_000_000L));
        assertEquals(TrapCode.STACK_OVERFLOW, t.trapCode());
        assertEquals(20_000L, rt.blockOn(module.function("deep"), 20_000L));
    }

    @Test
    void liveTasksReturnToZero() throws InterruptedException {
        try (VexRuntime own = VexRuntime.create(2)) {
            for (int i = 0; i < 1000; i++) {
                own.spawn(module.function("square_later"), (long) i).detach();
            }
            assertEquals(81L, own.blockOn(module.function("square_later"), 9L));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (own.liveTasks() != 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertEquals(0, own.liveTasks());
        }
    }

    @Test
    void leafFrameConstantsAgreeWithTheRuntimesDescriptors() {
        for (var e : dev.vex.compile.RuntimeLeafFrames.FRAMES.entrySet()) {
            FutureDescriptor d = FutureDescriptor.builtin(e.getKey());
            assertEquals(new dev.vex.async.FrameSize(d.frameSize(), d.frameAlign()), e.getValue(), e.getKey());
        }
        // Exactly the async builtins are leaves with frames.
        assertEquals(java.util.Arrays.stream(dev.vex.analysis.RuntimeBuiltin.values())
                .filter(dev.vex.analysis.RuntimeBuiltin::isAsync).count(), dev.vex.compile.RuntimeLeafFrames.FRAMES.size());
        assertEquals(null, dev.vex.compile.RuntimeLeafFrames.SIZES.frameOf("no_such_future"));
    }

    @Test
    void theVerifierRunsBeforeLowering() {
        String cycle = """
                async function %a(i64) -> i64 {
                    fn0 = async %a(i64) -> i64
                block0(v0: i64):
                    v1 = await fn0(v0)
                    return v1
                }
                """;
        VerifyException e = assertThrows(VerifyException.class, () -> Vex.compile(ClifReader.readModule(cycle, "c.clif")));
        assertTrue(e.getMessage().contains("await_boxed"), e.getMessage());
        String borrowAcross = """
                async function %b(i64 borrow) -> i64 {
                    fn0 = async %vex_yield()
                block0(v0: i64):
                    await fn0()
                    v1 = load.i64 v0
                    return v1
                }
                """;
        e = assertThrows(VerifyException.class, () -> Vex.compile(ClifReader.readModule(borrowAcross, "b.clif")));
        assertTrue(e.getMessage().contains("v0"), e.getMessage());
    }
}
