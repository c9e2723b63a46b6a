package dev.vex.x64.isel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.backend.CompileOptions;
import dev.vex.ir.Module;
import dev.vex.text.ClifReader;
import dev.vex.verify.Verifier;
import dev.vex.x64.harness.Differential;
import dev.vex.x64.harness.NativeHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The i128 sequences at their edges, natively against the interpreter: every pair of operands
 * drawn from the values where carries, borrows, signs and half boundaries change (0, 1, -1,
 * 2^63, 2^64 - 1, 2^64, MIN, MAX, ...) plus random ones, with and without optional CPU features.
 * Shift amounts cover 0..130 and wide amounts; division covers zero and 64-bit divisors, divisors
 * of 2^127 and above (whose shifted remainder overflows 128 bits) and MIN / -1.
 */
class I128EdgeCasesTest {
    private static final String TEXT = """
            function %add(i128, i128) -> i128 {
            block0(v0: i128, v1: i128):
                v2 = iadd v0, v1
                return v2
            }
            function %sub(i128, i128) -> i128 {
            block0(v0: i128, v1: i128):
                v2 = isub v0, v1
                return v2
            }
            function %mul(i128, i128) -> i128 {
            block0(v0: i128, v1: i128):
                v2 = imul v0, v1
                return v2
            }
            function %mulhi(i128, i128) -> i128, i128 {
            block0(v0: i128, v1: i128):
                v2 = umulhi v0, v1
                v3 = smulhi v0, v1
                return v2, v3
            }
            function %udiv(i128, i128) -> i128 {
            block0(v0: i128, v1: i128):
                v2 = udiv v0, v1
                return v2
            }
            function %urem(i128, i128) -> i128 {
            block0(v0: i128, v1: i128):
                v2 = urem v0, v1
                return v2
            }
            function %sdiv(i128, i128) -> i128 {
            block0(v0: i128, v1: i128):
                v2 = sdiv v0, v1
                return v2
            }
            function %srem(i128, i128) -> i128 {
            block0(v0: i128, v1: i128):
                v2 = srem v0, v1
                return v2
            }
            function %minmax(i128, i128) -> i128, i128, i128, i128 {
            block0(v0: i128, v1: i128):
                v2 = smin v0, v1
                v3 = smax v0, v1
                v4 = umin v0, v1
                v5 = umax v0, v1
                return v2, v3, v4, v5
            }
            function %cmps(i128, i128) -> i8, i8, i8, i8, i8, i8, i8, i8, i8, i8 {
            block0(v0: i128, v1: i128):
                v2 = icmp eq v0, v1
                v3 = icmp ne v0, v1
                v4 = icmp slt v0, v1
                v5 = icmp sge v0, v1
                v6 = icmp sgt v0, v1
                v7 = icmp sle v0, v1
                v8 = icmp ult v0, v1
                v9 = icmp uge v0, v1
                v10 = icmp ugt v0, v1
                v11 = icmp ule v0, v1
                return v2, v3, v4, v5, v6, v7, v8, v9, v10, v11
            }
            function %overflows(i128, i128, i8) -> i128, i8, i128, i8, i128, i8, i128, i8 {
            block0(v0: i128, v1: i128, v2: i8):
                v3, v4 = sadd_overflow v0, v1
                v5, v6 = usub_overflow v0, v1
                v7, v8 = uadd_overflow_cin v0, v1, v2
                v9, v10 = ssub_overflow_bin v0, v1, v2
                return v3, v4, v5, v6, v7, v8, v9, v10
            }
            function %unary(i128) -> i128, i128, i128, i128, i128, i128, i128, i128, i128 {
            block0(v0: i128):
                v1 = ineg v0
                v2 = iabs v0
                v3 = clz v0
                v4 = ctz v0
                v5 = cls v0
                v6 = popcnt v0
                v7 = bitrev v0
                v8 = bswap v0
                v9 = bmask.i128 v0
                return v1, v2, v3, v4, v5, v6, v7, v8, v9
            }
            function %shifts(i128, i128) -> i128, i128, i128, i128, i128 {
            block0(v0: i128, v1: i128):
                v2 = ishl v0, v1
                v3 = ushr v0, v1
                v4 = sshr v0, v1
                v5 = rotl v0, v1
                v6 = rotr v0, v1
                return v2, v3, v4, v5, v6
            }
            function %table(i128) -> i32 {
            block0(v0: i128):
                br_table v0, block1, [block2, block3]
            block1:
                v1 = iconst.i32 10
                return v1
            block2:
                v2 = iconst.i32 20
                return v2
            block3:
                v3 = iconst.i32 30
                return v3
            }
            function %memory(i128, i128) -> i128, i128 {
                ss0 = explicit_slot 32
            block0(v0: i128, v1: i128):
                v2 = stack_addr.i64 ss0
                store v0, v2
                store big v1, v2+16
                v3 = load.i128 big v2
                v4 = stack_load.i128 ss0+16
                return v3, v4
            }
            """;

    private static final long MIN = Long.MIN_VALUE;

    /** Interesting i128 values as {lo, hi}. */
    private static final long[][] EDGES = {
        {0, 0}, {1, 0}, {-1, -1}, {2, 0}, {-2, -1}, {MIN, 0}, {-1, 0}, {0, 1}, {1, 1}, {0, MIN}, {-1, Long.MAX_VALUE},
        {0, -1}, {MIN, -1}, {7, 0}, {-7, -1}, {0, 0x4000_0000_0000_0000L}, {3, MIN}, {0x1234_5678_9abc_def0L, 0x42},
    };

    @Test
    void edgeValuesMatchTheInterpreterWithHostFeatures() {
        check(CompileOptions.DEFAULT);
    }

    @Test
    void edgeValuesMatchTheInterpreterWithoutOptionalFeatures() {
        check(CompileOptions.AOT);
    }

    private static void check(CompileOptions options) {
        assumeTrue(NativeHarness.available(), "NOT RUN: gcc is needed to run native code");
        Module module = ClifReader.readModule(TEXT, "i128-edges.clif");
        assertEquals(List.of(), Verifier.verify(module));
        Random r = new Random(128);
        List<long[]> values = new ArrayList<>(List.of(EDGES));
        for (int i = 0; i < 3; i++) {
            values.add(new long[] {r.nextLong(), r.nextLong()});
            values.add(new long[] {r.nextLong(), 0});
        }
        List<String> fns = new ArrayList<>();
        List<long[]> args = new ArrayList<>();
        for (String f : List.of("add", "sub", "mul", "mulhi", "udiv", "urem", "sdiv", "srem", "minmax", "cmps", "memory")) {
            for (long[] a : values) {
                for (long[] b : values) {
                    fns.add(f);
                    args.add(new long[] {a[0], a[1], b[0], b[1]});
                }
            }
        }
        for (long[] a : values) {
            for (int c = 0; c < 2; c++) {
                fns.add("overflows");
                args.add(new long[] {a[0], a[1], r.nextLong(), r.nextInt(3) == 0 ? -1 : 0, c});
                for (long[] b : EDGES) {
                    fns.add("overflows");
                    args.add(new long[] {a[0], a[1], b[0], b[1], c});
                }
            }
            fns.add("unary");
            args.add(a.clone());
            fns.add("table");
            args.add(a.clone());
            for (long amount : new long[] {0, 1, 5, 63, 64, 65, 100, 127, 128, 129, 130, -1, 0x7fff_ffff_0000_0040L}) {
                fns.add("shifts");
                args.add(new long[] {a[0], a[1], amount, amount == -1 ? 7 : 0});
            }
        }
        List<Differential.Result> results = Differential.run(options, module, fns, args);
        List<String> bad = results.stream().filter(x -> !x.same()).limit(20).map(Object::toString).toList();
        assertTrue(bad.isEmpty(), results.stream().filter(x -> !x.same()).count() + " of " + results.size()
                + " calls differ:\n" + String.join("\n", bad));
    }
}
