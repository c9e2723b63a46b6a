package dev.vex.x64.traps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.exec.Outcome;
import dev.vex.ir.Module;
import dev.vex.ir.TrapCode;
import dev.vex.text.ClifReader;
import dev.vex.verify.Verifier;
import dev.vex.x64.X64Target;
import dev.vex.backend.CompileOptions;
import dev.vex.x64.harness.Differential;
import dev.vex.x64.harness.NativeHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every trap code on every opcode that raises it, natively, with and without optional CPU
 * features: the trap stub must report the code the interpreter reports, and the non-trapping
 * neighbours (srem MIN % -1, in-range conversions) must return the interpreter's values.
 */
class TrapTest {
    private static final String[] INTS = {"i8", "i16", "i32", "i64"};

    private final StringBuilder text = new StringBuilder();
    private final List<String> fns = new ArrayList<>();
    private final List<long[]> args = new ArrayList<>();
    private final List<String> expected = new ArrayList<>();

    private void fn(String name, String sig, String body) {
        text.append("function %").append(name).append(sig).append(" {\n").append(body).append("}\n\n");
    }

    private void call(String name, String expect, long... a) {
        fns.add(name);
        args.add(a);
        expected.add(expect);
    }

    private static long min(String t) {
        int bits = Integer.parseInt(t.substring(1));
        return bits == 64 ? Long.MIN_VALUE : 1L << (bits - 1);
    }

    private static long mask(String t) {
        int bits = Integer.parseInt(t.substring(1));
        return bits == 64 ? -1L : (1L << bits) - 1;
    }

    @Test
    void everyTrapCodeOnEveryOpcode() {
        assumeTrue(NativeHarness.available(), "NOT RUN: gcc is needed to run native code");
        for (String t : INTS) {
            for (String op : new String[] {"udiv", "sdiv", "urem", "srem"}) {
                String name = op + "_" + t;
                fn(name, "(" + t + ", " + t + ") -> " + t, "block0(v0: " + t + ", v1: " + t + "):\n    v2 = " + op
                        + " v0, v1\n    return v2\n");
                call(name, "int_divz", 7, 0);
                call(name, "ok", 7, 2);
                boolean signed = op.startsWith("s");
                call(name, signed && op.equals("sdiv") ? "int_ovf" : "ok", min(t), mask(t));
            }
            String name = "uadd_overflow_trap_" + t;
            fn(name, "(" + t + ", " + t + ") -> " + t, "block0(v0: " + t + ", v1: " + t
                    + "):\n    v2 = uadd_overflow_trap v0, v1, user7\n    return v2\n");
            call(name, "user7", mask(t), 1);
            call(name, "ok", mask(t) - 1, 1);
            for (String f : new String[] {"f32", "f64"}) {
                for (String op : new String[] {"fcvt_to_sint", "fcvt_to_uint"}) {
                    String n = op + "_" + t + "_" + f;
                    fn(n, "(" + f + ") -> " + t, "block0(v0: " + f + "):\n    v1 = " + op + "." + t
                            + " v0\n    return v1\n");
                    boolean s32 = f.equals("f32");
                    long nan = s32 ? 0x7fc00000L : 0x7ff8000000000000L;
                    long big = s32 ? 0x7f000000L : 0x7fe0000000000000L;
                    long negBig = s32 ? 0xff000000L : 0xffe0000000000000L;
                    long one = s32 ? 0x3f800000L : 0x3ff0000000000000L;
                    long minusOne = s32 ? 0xbf800000L : 0xbff0000000000000L;
                    long minusHalf = s32 ? 0xbf000000L : 0xbfe0000000000000L;
                    call(n, "bad_toint", nan);
                    call(n, "int_ovf", big);
                    call(n, "int_ovf", negBig);
                    call(n, "ok", one);
                    call(n, "ok", minusHalf);
                    call(n, op.endsWith("uint") ? "int_ovf" : "ok", minusOne);
                }
            }
        }
        fn("trapz", "(i32) -> i32", "block0(v0: i32):\n    trapz v0, user3\n    return v0\n");
        call("trapz", "user3", 0);
        call("trapz", "ok", 5);
        fn("trapnz", "(i64) -> i64", "block0(v0: i64):\n    trapnz v0, heap_oob\n    return v0\n");
        call("trapnz", "heap_oob", 1);
        call("trapnz", "ok", 0);
        for (String code : new String[] {"user1", "user255", "heap_oob", "int_ovf", "int_divz", "bad_toint",
            "unreachable", "stk_ovf"}) {
            fn("trap_" + code, "(i32) -> i32", "block0(v0: i32):\n    brif v0, block1, block2\nblock1:\n    trap "
                    + code + "\nblock2:\n    return v0\n");
            call("trap_" + code, code, 1);
            call("trap_" + code, "ok", 0);
        }
        Module module = ClifReader.readModule(text.toString(), "traps.clif");
        assertEquals(List.of(), Verifier.verify(module));
        for (CompileOptions target : new CompileOptions[] {CompileOptions.DEFAULT, CompileOptions.AOT}) {
            List<Differential.Result> results = Differential.run(target, module, fns, args);
            for (int i = 0; i < results.size(); i++) {
                Differential.Result r = results.get(i);
                String where = target.cpu() + " " + r;
                if (expected.get(i).equals("ok")) {
                    assertTrue(r.expected() instanceof Outcome.Returned, where);
                } else {
                    assertEquals(TrapCode.fromText(expected.get(i)).number(), r.actual().trap(), where);
                }
                assertTrue(r.same(), where);
            }
        }
    }

    @Test
    void unboundedRecursionTrapsWithStackOverflow() {
        assumeTrue(NativeHarness.available(), "NOT RUN: gcc is needed to run native code");
        Module module = ClifReader.readModule("""
                function %down(i64) -> i64 {
                    fn0 = %down(i64) -> i64
                block0(v0: i64):
                    v1 = iadd_imm v0, 1
                    v2 = call fn0(v1)
                    return v2
                }
                """, "recursion.clif");
        var compiled = new X64Target().compile(module, dev.vex.backend.CompileOptions.DEFAULT);
        var out = NativeHarness.run(compiled, List.of(new NativeHarness.Call("down", new long[] {0}, 1)));
        assertEquals(TrapCode.STACK_OVERFLOW.number(), out.get(0).trap(), out.get(0).toString());
    }
}
