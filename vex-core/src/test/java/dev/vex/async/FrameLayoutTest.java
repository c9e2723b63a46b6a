package dev.vex.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.Module;
import dev.vex.ir.Opcode;
import dev.vex.ir.Type;
import dev.vex.text.ClifReader;
import dev.vex.verify.Verifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameLayoutTest {
    /** The module the last {@link #lower} read: the layouts' stack slots are its slots. */
    private Module original;

    private LoweredModule lower(String text) {
        Module m = ClifReader.readModule(text, "t.clif");
        original = m;
        Verifier.check(m);
        return AsyncLowering.lower(m, PollingScheduler.RUNTIME_LEAVES);
    }

    @Test
    void headerHoldsStateParametersAndResultsOneOn() {
        AsyncFrameLayout l = lower("""
                async function %f(i64, f32, i32) -> i64, f64, i8 {
                block0(v0: i64, v1: f32, v2: i32):
                    v3 = fpromote.f64 v1
                    v4 = ireduce.i8 v2
                    return v0, v3, v4
                }
                """).layout("f");
        assertEquals(List.of(8, 16, 24), List.of(l.paramSlot(0), l.paramSlot(1), l.paramSlot(2)));
        assertEquals(32, l.resultSlot(1));
        assertEquals(40, l.resultSlot(2));
        assertEquals(48, l.saveOffset());
        assertEquals(0, l.saveSize());
        assertEquals(new FrameSize(48, 8), l.frame());
        assertEquals(List.of(Type.I64, Type.F64, Type.I8), l.resultTypes());
        assertThrows(IllegalArgumentException.class, () -> AsyncFrameLayout.resultOffset(3, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> l.resultSlot(3));
    }

    @Test
    void calleeFramesShareOneAreaSizedAndAlignedForTheLargest() {
        LoweredModule lm = lower("""
                async function %big(i64) -> i64 {
                    ss0 = explicit_slot 100, align = 32
                block0(v0: i64):
                    stack_store v0, ss0
                    v1 = stack_load.i64 ss0
                    return v1
                }

                async function %caller(i64) -> i64 {
                    fn0 = async %vex_sleep(i64)
                    fn1 = async %big(i64) -> i64
                    fn2 = async %vex_join(i64) -> i64
                block0(v0: i64):
                    await fn0(v0)
                    v1 = await fn1(v0)
                    v2 = await fn2(v1)
                    return v2
                }
                """);
        AsyncFrameLayout big = lm.layout("big");
        assertEquals(32, big.stackSlotOffset(original.function("big").stackSlots().get(0)), "a 32-aligned slot after the 16-byte header");
        assertEquals(new FrameSize(160, 32), big.frame());
        AsyncFrameLayout c = lm.layout("caller");
        assertEquals(new FrameSize(160, 32), c.calleeArea(), "max(80, 160, 16) bytes at the strictest alignment");
        assertEquals(0, c.calleeOffset() % 32);
        assertTrue(c.calleeOffset() >= c.saveOffset() + c.saveSize());
        assertEquals(c.calleeOffset() + 160, c.size());
        assertEquals(32, c.align());
        assertEquals(3, c.awaits().size());
        assertEquals(List.of(1, 2, 3), c.awaits().stream().map(AwaitState::state).toList());
    }

    @Test
    void stackSlotsLiveInTheFrameAtTheirAlignment() {
        LoweredModule lm = lower("""
                async function %slots(i64) -> i64 {
                    ss0 = explicit_slot 3
                    ss1 = explicit_slot 16, align = 16
                    ss2 = explicit_slot 1, align = 1
                    fn0 = async %vex_yield()
                block0(v0: i64):
                    v1 = stack_addr.i64 ss1
                    store v0, v1
                    await fn0()
                    v2 = load.i64 v1
                    istore8 v2, v1+8
                    stack_store v2, ss0
                    v3 = stack_load.i64 ss0
                    return v3
                }
                """);
        AsyncFrameLayout l = lm.layout("slots");
        Function f = ClifReader.readModule(lm.module().toString(), "x").function("slots$resume");
        List<Integer> offsets = original.function("slots").stackSlots().stream().map(l::stackSlotOffset).toList();
        // header 16, no saved values (the slot address is recomputed), ss0 at 16 (align 8), ss1 at 32, ss2 at 48
        assertEquals(List.of(16, 32, 48), offsets);
        assertEquals(0, l.saveSize());
        assertEquals(1, l.awaits().get(0).rematerialized().size());
        assertEquals(16, l.align());
        assertEquals(0, l.size() % 16);
        assertTrue(l.calleeOffset() >= 49);
        assertTrue(f.stackSlots().isEmpty(), "the resume function has no stack slots of its own");
    }

    @Test
    void theSaveAreaIsTheLargestOneAwaitNeedsWidestFirst() {
        LoweredModule lm = lower("""
                async function %saves(i64, i32, f64, i8) -> i64 {
                    fn0 = async %vex_yield()
                block0(v0: i64, v1: i32, v2: f64, v3: i8):
                    await fn0()
                    v4 = bitcast.i64 v2
                    v5 = uextend.i64 v1
                    v6 = uextend.i64 v3
                    v7 = iadd v4, v5
                    v8 = iadd v7, v6
                    await fn0()
                    v9 = iadd v8, v0
                    return v9
                }
                """);
        AsyncFrameLayout l = lm.layout("saves");
        AwaitState first = l.awaits().get(0);
        AwaitState second = l.awaits().get(1);
        int base = l.saveOffset();
        assertEquals(List.of("v0@" + base, "v2@" + (base + 8), "v1@" + (base + 16), "v3@" + (base + 20)),
                first.saved().stream().map(Object::toString).toList());
        assertEquals(List.of("v0@" + base, "v8@" + (base + 8)), second.saved().stream().map(Object::toString).toList());
        assertEquals(21, l.saveSize());
        assertEquals(base + 24, l.calleeOffset(), "the callee area starts 8-aligned after the save area");
    }

    @Test
    void aBoxedAwaitSavesTheCalleeFramePointerAndEmbedsNothing() {
        LoweredModule lm = lower("""
                async function %r(i64) -> i64 {
                    fn0 = async %r(i64) -> i64
                block0(v0: i64):
                    brif v0, block1, block2
                block1:
                    v1 = iadd_imm v0, -1
                    v2 = await_boxed fn0(v1)
                    v3 = iadd v2, v0
                    return v3
                block2:
                    return v0
                }
                """);
        AsyncFrameLayout l = lm.layout("r");
        AwaitState a = l.awaits().get(0);
        assertTrue(a.isBoxed());
        assertEquals(l.saveOffset(), a.boxOffset());
        assertEquals(List.of("v0@" + (l.saveOffset() + 8)), a.saved().stream().map(Object::toString).toList());
        assertEquals(null, l.calleeArea());
        assertEquals(new FrameSize(32, 8), l.frame());
        List<String> callees = fn(lm, "r$resume").funcRefs().stream().map(r -> r.name()).toList();
        assertTrue(callees.containsAll(List.of("vex_frame_alloc", "vex_frame_free", "r$resume")), callees.toString());
    }

    @Test
    void aFunctionWithoutAwaitsHasNoDispatch() {
        LoweredModule lm = lower("""
                async function %leaf(i64) -> i64 {
                block0(v0: i64):
                    v1 = imul_imm v0, 3
                    return v1
                }
                """);
        Function f = fn(lm, "leaf$resume");
        for (Instruction i : f.instructions()) {
            assertTrue(i.opcode() != Opcode.BR_TABLE, "no state dispatch: " + f);
        }
        assertEquals(1, f.blockCount());
        assertEquals(new FrameSize(16, 8), lm.layout("leaf").frame());
    }

    @Test
    void unknownAwaitablesAndAwaitCyclesAreReported() {
        Module unknown = ClifReader.readModule("""
                async function %f() -> i64 {
                    fn0 = async %my_future(i64) -> i64
                block0:
                    v0 = iconst.i64 1
                    v1 = await fn0(v0)
                    return v1
                }
                """, "t.clif");
        AsyncLoweringException e = assertThrows(AsyncLoweringException.class,
                () -> AsyncLowering.lower(unknown, PollingScheduler.RUNTIME_LEAVES));
        assertTrue(e.getMessage().contains("%my_future"), e.getMessage());
        LoweredModule known = AsyncLowering.lower(unknown, FrameSizes.of(Map.of("my_future", new FrameSize(24, 8))));
        assertEquals(new FrameSize(24, 8), known.layout("f").calleeArea());

        Module cycle = ClifReader.readModule("""
                async function %a(i64) -> i64 {
                    fn0 = async %b(i64) -> i64
                block0(v0: i64):
                    v1 = await fn0(v0)
                    return v1
                }
                async function %b(i64) -> i64 {
                    fn0 = async %a(i64) -> i64
                block0(v0: i64):
                    v1 = await fn0(v0)
                    return v1
                }
                """, "t.clif");
        e = assertThrows(AsyncLoweringException.class, () -> AsyncLowering.lower(cycle, PollingScheduler.RUNTIME_LEAVES));
        assertTrue(e.getMessage().contains("%a -> %b -> %a") && e.getMessage().contains("await_boxed"), e.getMessage());
    }

    @Test
    void aNameTakenByTheModuleIsReported() {
        Module m = ClifReader.readModule("""
                async function %f() {
                block0:
                    return
                }
                function %f$resume() {
                block0:
                    return
                }
                """, "t.clif");
        assertThrows(AsyncLoweringException.class, () -> AsyncLowering.lower(m, PollingScheduler.RUNTIME_LEAVES));
    }

    @Test
    void symbolsOfTheLoweredModule() {
        LoweredModule lm = lower("""
                async function %f() {
                block0:
                    return
                }
                """);
        Module m = lm.module();
        assertEquals("f$resume", AsyncSymbols.symbolOf("f$resume", m));
        assertEquals("f$desc", AsyncSymbols.symbolOf("f$desc", m));
        assertEquals("vex_sleep", AsyncSymbols.symbolOf("vex_sleep$resume", m));
        assertEquals("vex_sleep_desc", AsyncSymbols.symbolOf("vex_sleep$desc", m));
        assertEquals("vex_spawn", AsyncSymbols.symbolOf("vex_spawn", m));
    }

    private static Function fn(LoweredModule lm, String name) {
        Function f = lm.module().function(name);
        if (f != null) {
            return f;
        }
        throw new AssertionError("no %" + name);
    }

    @Test
    void slotsOfNearlyTwoGibibytesAreRefusedNotWrapped() {
        AsyncLoweringException e = assertThrows(AsyncLoweringException.class, () -> lower("""
                async function %big() -> i64 {
                    ss0 = explicit_slot 2147483647
                    ss1 = explicit_slot 2147483647
                    ss2 = explicit_slot 8
                    fn0 = async %vex_yield()
                block0:
                    v0 = iconst.i64 5
                    stack_store v0, ss2
                    await fn0()
                    v1 = stack_load.i64 ss2
                    return v1
                }
                """));
        assertTrue(e.getMessage().startsWith("%big: the async frame would need more than 1073741824 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("ss0"), e.getMessage());
    }

    @Test
    void embeddedCalleeFramesCountTowardsTheLimit() {
        AsyncLoweringException e = assertThrows(AsyncLoweringException.class, () -> lower("""
                async function %callee() -> i64 {
                    ss0 = explicit_slot 1000000000
                block0:
                    v0 = iconst.i64 5
                    return v0
                }

                async function %caller() -> i64 {
                    ss0 = explicit_slot 1000000000
                    fn0 = async %callee() -> i64
                block0:
                    v0 = await fn0()
                    return v0
                }
                """));
        assertTrue(e.getMessage().startsWith("%caller: the async frame would need more than"), e.getMessage());
        assertTrue(e.getMessage().contains("awaited callees"), e.getMessage());
    }
}
