package dev.vex.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.exec.Outcome;
import dev.vex.ir.Module;
import dev.vex.ir.TrapCode;
import dev.vex.text.ClifReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpreterSessionTest {
    private static final Module MODULE = ClifReader.readModule("""
            function %bump(i64) -> i64 {
            block0(v0: i64):
                v1 = load.i64 v0
                v2 = iadd_imm v1, 1
                store v2, v0
                return v2
            }
            function %via_host(i64) -> i64, i64 {
                fn0 = %host_twice(i64) -> i64
                fn1 = %host_name(i64) -> i64
                fn2 = %bump(i64) -> i64
            block0(v0: i64):
                v1 = call fn0(v0)
                v2 = func_addr.i64 fn2
                v3 = call fn1(v2)
                return v1, v3
            }
            function %shadowed() -> i64 {
                fn0 = %vex_alloc(i64) -> i64
            block0:
                v0 = iconst.i64 8
                v1 = call fn0(v0)
                return v1
            }
            function %traps(i64) -> i64 {
            block0(v0: i64):
                v1 = udiv v0, v0
                return v1
            }
            """, "session.clif");

    @Test
    void memoryOutlivesCallsAndHostsAreCalledByName() {
        List<String> names = new ArrayList<>();
        InterpreterSession[] s = new InterpreterSession[1];
        s[0] = new InterpreterSession(MODULE, InterpreterOptions.DEFAULTS, Map.of(
                "host_twice", a -> new long[] {2 * a[0]},
                "host_name", a -> {
                    names.add(s[0].nameAt(a[0]));
                    return new long[] {a[0]};
                }));
        long p = s[0].alloc(8);
        s[0].store64(p, 40);
        assertEquals(new Outcome.Returned(new long[] {41}), s[0].call("bump", new long[] {p}));
        assertEquals(new Outcome.Returned(new long[] {42}), s[0].call("bump", new long[] {p}));
        assertEquals(42, s[0].load64(p));
        long[] r = ((Outcome.Returned) s[0].call("via_host", new long[] {21})).values();
        assertEquals(42, r[0]);
        assertEquals(List.of("bump"), names);
        assertEquals("bump", s[0].nameAt(r[1]));
        assertTrue(s[0].steps() > 0);
        for (int i = 0; i < 1000; i++) { // calls give their stacks and tasks back
            s[0].call("bump", new long[] {p});
        }
        assertEquals(1042, s[0].load64(p));
    }

    @Test
    void aHostShadowsABuiltinAndTrapsAreOutcomes() {
        InterpreterSession s = new InterpreterSession(MODULE, InterpreterOptions.DEFAULTS,
                Map.of("vex_alloc", a -> new long[] {777}));
        assertEquals(new Outcome.Returned(new long[] {777}), s.call("shadowed", new long[0]));
        assertEquals(TrapCode.INTEGER_DIVISION_BY_ZERO,
                assertInstanceOf(Outcome.Trapped.class, s.call("traps", new long[] {0})).code());
        assertInstanceOf(Outcome.Failed.class, s.call("via_host", new long[] {1}), "host functions missing");
        assertInstanceOf(Outcome.Failed.class, s.call("nope", new long[0]));
        assertThrows(IllegalArgumentException.class, () -> s.load64(0x10));
    }
}
