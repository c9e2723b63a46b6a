package dev.vex.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.vex.exec.Outcome;
import dev.vex.ir.Module;
import dev.vex.ir.TrapCode;
import dev.vex.text.ClifReader;
import org.junit.jupiter.api.Test;

/** Hand-written corners of the lowering, each run as written and lowered (see {@link Differential}). */
class ScenarioDifferentialTest {
    private static Differential of(String text) {
        Module m = ClifReader.readModule(text, "scenario.clif");
        return new Differential(m);
    }

    private static long[] returned(Outcome o) {
        return assertInstanceOf(Outcome.Returned.class, o).values();
    }

    @Test
    void spawnInASyncFunctionJoinAndDetach() {
        Differential d = of("""
                async function %square_later(i64) -> i64 {
                    fn0 = async %vex_yield()
                block0(v0: i64):
                    await fn0()
                    v1 = imul v0, v0
                    return v1
                }
                function %start(i64) -> i64 {
                    fn0 = async %square_later(i64) -> i64
                block0(v0: i64):
                    v1 = spawn fn0(v0)
                    return v1
                }
                async function %main(i64) -> i64 {
                    fn0 = %start(i64) -> i64
                    fn1 = async %vex_join(i64) -> i64
                    fn2 = %vex_detach(i64)
                    fn3 = async %square_later(i64) -> i64
                block0(v0: i64):
                    v1 = call fn0(v0)
                    v2 = iadd_imm v0, 1
                    v3 = call fn0(v2)
                    v4 = spawn fn3(v2)
                    call fn2(v4)
                    v5 = await fn1(v3)
                    v6 = await fn1(v1)
                    v7 = isub v5, v6
                    return v7
                }
                """);
        assertEquals(7, returned(d.check("main", new long[] {3}))[0]);
    }

    @Test
    void channelsRendezvousBufferedAndClosed() {
        Differential d = of("""
                async function %produce(i64, i64) -> i64 {
                    fn0 = async %vex_chan_send(i64, i64) -> i64
                    fn1 = %vex_chan_close(i64)
                block0(v0: i64, v1: i64):
                    jump block1(v1)
                block1(v2: i64):
                    brif v2, block2, block3
                block2:
                    v3 = await fn0(v0, v2)
                    v4 = iadd_imm v2, -1
                    jump block1(v4)
                block3:
                    call fn1(v0)
                    return v1
                }
                async function %consume(i64, i64) -> i64, i64 {
                    fn0 = %vex_chan_new(i64) -> i64
                    fn1 = async %produce(i64, i64) -> i64
                    fn2 = async %vex_chan_recv(i64) -> i64, i64
                    fn3 = async %vex_join(i64) -> i64
                block0(v0: i64, v1: i64):
                    v2 = call fn0(v1)
                    v3 = spawn fn1(v2, v0)
                    v4 = iconst.i64 0
                    jump block1(v4, v4)
                block1(v5: i64, v6: i64):
                    v7, v8 = await fn2(v2)
                    brif v7, block3, block2
                block2:
                    v9 = imul_imm v5, 10
                    v10 = iadd v9, v8
                    v11 = iadd_imm v6, 1
                    jump block1(v10, v11)
                block3:
                    v12 = await fn3(v3)
                    v13 = iadd v6, v12
                    return v5, v13
                }
                """);
        for (long cap : new long[] {0, 1, 3}) {
            long[] r = returned(d.check("consume", new long[] {4, cap}));
            assertEquals(4321, r[0]);
            assertEquals(8, r[1]);
        }
    }

    @Test
    void aTrapAfterASuspensionTrapsTheSame() {
        Differential d = of("""
                async function %div_later(i64, i64) -> i64 {
                    fn0 = async %vex_sleep(i64)
                block0(v0: i64, v1: i64):
                    await fn0(v0)
                    v2 = udiv v0, v1
                    return v2
                }
                async function %outer(i64, i64) -> i64 {
                    fn0 = async %div_later(i64, i64) -> i64
                block0(v0: i64, v1: i64):
                    v2 = await fn0(v0, v1)
                    return v2
                }
                """);
        assertEquals(TrapCode.INTEGER_DIVISION_BY_ZERO,
                assertInstanceOf(Outcome.Trapped.class, d.check("outer", new long[] {10, 0})).code());
        assertEquals(5, returned(d.check("outer", new long[] {10, 2}))[0]);
    }

    @Test
    void narrowTypesAcrossAwaitsAndAsResults() {
        Differential d = of("""
                async function %narrow(i8, i16) -> i16, i8, f32 {
                    fn0 = async %vex_yield()
                block0(v0: i8, v1: i16):
                    await fn0()
                    v2 = sextend.i16 v0
                    v3 = iadd v1, v2
                    v4 = ineg v0
                    v5 = f32const -0x1.8p1
                    return v3, v4, v5
                }
                async function %wide(i8, i16) -> i64 {
                    fn0 = async %narrow(i8, i16) -> i16, i8, f32
                block0(v0: i8, v1: i16):
                    v2, v3, v4 = await fn0(v0, v1)
                    v5 = uextend.i64 v2
                    v6 = uextend.i64 v3
                    v7 = bitcast.i32 v4
                    v8 = uextend.i64 v7
                    v9 = ishl_imm v5, 40
                    v10 = ishl_imm v6, 32
                    v11 = bor v9, v10
                    v12 = bor v11, v8
                    return v12
                }
                """);
        d.check("narrow", new long[] {-3, -1000});
        d.check("wide", new long[] {-3, -1000});
        d.check("wide", new long[] {127, 32767});
    }

    @Test
    void aChainOfPendingCalleesResumesFromTheTop() {
        Differential d = of("""
                async function %f3(i64) -> i64 {
                    fn0 = async %vex_sleep(i64)
                    fn1 = async %vex_yield()
                block0(v0: i64):
                    jump block1(v0, v0)
                block1(v1: i64, v2: i64):
                    brif v1, block2, block3
                block2:
                    await fn0(v1)
                    await fn1()
                    v3 = iadd_imm v1, -1
                    v4 = imul v2, v1
                    jump block1(v3, v4)
                block3:
                    return v2
                }
                async function %f2(i64) -> i64 {
                    fn0 = async %f3(i64) -> i64
                block0(v0: i64):
                    v1 = await fn0(v0)
                    v2 = iadd v1, v0
                    return v2
                }
                async function %f1(i64) -> i64 {
                    fn0 = async %f2(i64) -> i64
                    fn1 = async %f3(i64) -> i64
                block0(v0: i64):
                    v1 = await fn0(v0)
                    v2 = await fn1(v1)
                    v3 = bxor v1, v2
                    return v3
                }
                async function %f0(i64) -> i64 {
                    fn0 = async %f1(i64) -> i64
                block0(v0: i64):
                    v1 = band_imm v0, 3
                    v2 = await fn0(v1)
                    v3 = iadd v2, v0
                    return v3
                }
                """);
        for (long x = 0; x < 5; x++) {
            d.check("f0", new long[] {x});
        }
    }

    @Test
    void unusedResultsNoResultsAndABranchTable() {
        Differential d = of("""
                async function %nothing(i64) {
                    fn0 = async %vex_yield()
                block0(v0: i64):
                    await fn0()
                    return
                }
                async function %pair(i64) -> i64, i64 {
                block0(v0: i64):
                    v1 = iadd_imm v0, 1
                    return v0, v1
                }
                async function %pick(i64) -> i64 {
                    fn0 = async %nothing(i64)
                    fn1 = async %pair(i64) -> i64, i64
                block0(v0: i64):
                    v1 = iconst.i64 100
                    await fn0(v0)
                    v2, v3 = await fn1(v0)
                    br_table v0, block3, [block1, block2(v3)]
                block1:
                    await fn0(v1)
                    jump block3
                block2(v4: i64):
                    await fn0(v4)
                    v5 = iadd v4, v1
                    return v5
                block3:
                    return v1
                }
                """);
        for (long x = 0; x < 4; x++) {
            d.check("pick", new long[] {x});
        }
    }

    @Test
    void anEntryBlockThatIsALoopHeader() {
        Differential d = of("""
                async function %again(i64, i64) -> i64 {
                    fn0 = async %vex_yield()
                block0(v0: i64, v1: i64):
                    await fn0()
                    v2 = iadd v1, v0
                    v3 = iadd_imm v0, -1
                    brif v0, block0(v3, v2), block1
                block1:
                    return v2
                }
                """);
        assertEquals(15, returned(d.check("again", new long[] {5, 0}))[0]);
        Differential noAwait = of("""
                async function %count(i64, i64) -> i64 {
                block0(v0: i64, v1: i64):
                    v2 = iadd v1, v0
                    v3 = iadd_imm v0, -1
                    brif v0, block0(v3, v2), block1
                block1:
                    return v2
                }
                """);
        assertEquals(10, returned(noAwait.check("count", new long[] {4, 0}))[0]);
    }

    @Test
    void anUnreachableAwaitIsDropped() {
        Differential d = of("""
                async function %dead(i64) -> i64 {
                    fn0 = async %vex_yield()
                block0(v0: i64):
                    await fn0()
                    return v0
                block1:
                    v1 = iconst.i64 1
                    await fn0()
                    return v1
                }
                """);
        assertEquals(1, d.lowered().layout("dead").awaits().size());
        assertEquals(9, returned(d.check("dead", new long[] {9}))[0]);
    }

    @Test
    void aLongStraightLineOfAwaits() {
        int n = 1000;
        StringBuilder text = new StringBuilder("""
                async function %long(i64) -> i64 {
                    fn0 = async %vex_yield()
                block0(v0: i64):
                    v1 = iconst.i64 1
                """);
        for (int i = 0; i < n; i++) {
            text.append("    await fn0()\n");
            text.append("    v").append(i + 2).append(" = iadd v").append(i + 1).append(", v0\n");
        }
        text.append("    v").append(n + 2).append(" = imul v").append(n + 1).append(", v0\n");
        text.append("    return v").append(n + 2).append("\n}\n");
        Differential d = of(text.toString());
        assertEquals(n, d.lowered().layout("long").awaits().size());
        assertEquals((1 + n * 5L) * 5, returned(d.check("long", new long[] {5}))[0]);
    }
}
