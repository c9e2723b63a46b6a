package dev.vex.interp;

import static dev.vex.ir.Opcode.*;
import static dev.vex.ir.Type.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.ir.FloatCC;
import dev.vex.ir.IntCC;
import dev.vex.ir.Opcode;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;
import java.lang.management.ManagementFactory;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScalarEvaluatorTest {
    private static final Type[] INTS = {I8, I16, I32, I64};
    private static final Type[] FLOATS = {F32, F64};

    private static final Set<Opcode> INT_SAME_TYPE = EnumSet.of(
            IADD, ISUB, INEG, IABS, IMUL, UMULHI, SMULHI, UDIV, SDIV, UREM, SREM, IADD_IMM, IMUL_IMM,
            UDIV_IMM, SDIV_IMM, UREM_IMM, SREM_IMM, IRSUB_IMM, SMIN, SMAX, UMIN, UMAX, UADD_OVERFLOW_TRAP,
            BAND, BOR, BXOR, BNOT, BAND_NOT, BOR_NOT, BXOR_NOT, BAND_IMM, BOR_IMM, BXOR_IMM, ISHL, USHR,
            SSHR, ROTL, ROTR, ISHL_IMM, USHR_IMM, SSHR_IMM, ROTL_IMM, ROTR_IMM, BITREV, BSWAP, CLZ, CLS,
            CTZ, POPCNT, BITSELECT, SELECT, SELECT_SPECTRE_GUARD, ICONST);
    private static final Set<Opcode> TWO_RESULTS = EnumSet.of(
            SADD_OVERFLOW, UADD_OVERFLOW, SSUB_OVERFLOW, USUB_OVERFLOW, SMUL_OVERFLOW, UMUL_OVERFLOW,
            SADD_OVERFLOW_CIN, UADD_OVERFLOW_CIN, SSUB_OVERFLOW_BIN, USUB_OVERFLOW_BIN);
    private static final Set<Opcode> FLOAT_SAME_TYPE = EnumSet.of(
            FADD, FSUB, FMUL, FDIV, SQRT, FMA, FNEG, FABS, FCOPYSIGN, FMIN, FMAX, CEIL, FLOOR, TRUNC,
            NEAREST, BAND, BOR, BXOR, BNOT, BITSELECT, SELECT);

    @Test
    void resultsAreCanonicalForRandomOperands() {
        Random random = new Random(0x5eed);
        long[] out = new long[2];
        for (int round = 0; round < 400; round++) {
            for (Type t : INTS) {
                for (Opcode op : INT_SAME_TYPE) {
                    assertCanonical(op, t, t, randomArgs(random, t, t), random.nextLong(), out, t);
                }
                for (Opcode op : TWO_RESULTS) {
                    long[] args = randomArgs(random, t, t);
                    args[2] &= 0xff;
                    int n = evaluate(op, t, t, args, 0, out);
                    assertEquals(2, n);
                    assertEquals(0, out[0] & ~t.mask(), op + "." + t);
                    assertTrue(out[1] == 0 || out[1] == 1, op + " flag");
                }
                assertCanonical(ICMP, t, t, randomArgs(random, t, t), 0, out, I8);
                assertCanonical(ICMP_IMM, t, t, randomArgs(random, t, t), random.nextLong(), out, I8);
                for (Type to : INTS) {
                    Opcode width = to.bits() > t.bits() ? SEXTEND : IREDUCE;
                    assertCanonical(width, to, t, randomArgs(random, t, t), 0, out, to);
                    assertCanonical(BMASK, to, t, randomArgs(random, t, t), 0, out, to);
                    for (Type f : FLOATS) {
                        assertCanonical(FCVT_TO_SINT_SAT, to, f, randomArgs(random, f, f), 0, out, to);
                        assertCanonical(FCVT_TO_UINT_SAT, to, f, randomArgs(random, f, f), 0, out, to);
                        assertCanonical(FCVT_TO_SINT, to, f, randomArgs(random, f, f), 0, out, to);
                        assertCanonical(FCVT_TO_UINT, to, f, randomArgs(random, f, f), 0, out, to);
                        assertCanonical(FCVT_FROM_SINT, f, to, randomArgs(random, to, to), 0, out, f);
                        assertCanonical(FCVT_FROM_UINT, f, to, randomArgs(random, to, to), 0, out, f);
                    }
                }
            }
            for (Type t : FLOATS) {
                for (Opcode op : FLOAT_SAME_TYPE) {
                    assertCanonical(op, t, t, randomArgs(random, t, t), 0, out, t);
                }
                assertCanonical(FCMP, t, t, randomArgs(random, t, t), 0, out, I8);
            }
            assertCanonical(FPROMOTE, F64, F32, randomArgs(random, F32, F32), 0, out, F64);
            assertCanonical(FDEMOTE, F32, F64, randomArgs(random, F64, F64), 0, out, F32);
        }
    }

    @Test
    void evaluationAllocatesNothing() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long[] args = {0x1234_5678_9abc_def0L, 0x0fed_cba9_8765_4321L, 3};
        long[] fargs = {Double.doubleToRawLongBits(1.5), Double.doubleToRawLongBits(-2.25), 0};
        long[] out = new long[2];
        long sink = 0;
        for (int warm = 0; warm < 2; warm++) {
            long before = threads.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 20_000; i++) {
                args[0] += i;
                ScalarEvaluator.evaluate(IMUL, I64, I64, args, 0, null, null, null, out);
                sink += out[0];
                ScalarEvaluator.evaluate(UMUL_OVERFLOW, I64, I64, args, 0, null, null, null, out);
                sink += out[1];
                ScalarEvaluator.evaluate(ROTL, I32, I32, args, 0, null, null, null, out);
                sink += out[0];
                ScalarEvaluator.evaluate(ICMP, I16, I16, args, 0, IntCC.SLT, null, null, out);
                sink += out[0];
                ScalarEvaluator.evaluate(FMA, F64, F64, fargs, 0, null, null, null, out);
                sink += out[0];
                ScalarEvaluator.evaluate(FCMP, F64, F64, fargs, 0, null, FloatCC.UGE, null, out);
                sink += out[0];
                ScalarEvaluator.evaluate(FCVT_FROM_UINT, F32, I64, args, 0, null, null, null, out);
                sink += out[0];
                ScalarEvaluator.evaluate(FCVT_TO_SINT_SAT, I32, F64, fargs, 0, null, null, null, out);
                sink += out[0];
            }
            long allocated = threads.getThreadAllocatedBytes(tid) - before;
            if (warm == 1) {
                // 160,000 calls; a few bytes of slack for the measurement itself.
                assertTrue(allocated < 1024, "allocated " + allocated + " bytes (sink " + sink + ")");
            }
        }
    }

    @Test
    void trapsCarryTheirCodeAndNoStackTrace() {
        Trap trap = assertThrows(Trap.class, () -> ScalarEvaluator.evaluate(UDIV, I32, I32,
                new long[] {1, 0}, 0, null, null, null, new long[1]));
        assertEquals(TrapCode.INTEGER_DIVISION_BY_ZERO, trap.code());
        assertEquals(0, trap.getStackTrace().length);
        assertEquals("int_divz", trap.getMessage());
    }

    @Test
    void constantsAreTheirImmediateCutToTheType() {
        long[] out = new long[1];
        ScalarEvaluator.evaluate(ICONST, I8, I8, new long[0], -1, null, null, null, out);
        assertEquals(0xff, out[0]);
        ScalarEvaluator.evaluate(F32CONST, F32, F32, new long[0], 0x3fc0_0000L, null, null, null, out);
        assertEquals(0x3fc0_0000L, out[0]);
    }

    @Test
    void operationsThatAreNotPureScalarArithmeticAreRejected() {
        for (Opcode op : new Opcode[] {LOAD, STORE, CALL, JUMP, BRIF, TRAP, TRAPZ, RETURN, AWAIT, STACK_ADDR}) {
            assertThrows(IllegalArgumentException.class, () -> ScalarEvaluator.evaluate(op, I64, I64,
                    new long[] {0, 0, 0}, 0, null, null, null, new long[2]), op.text());
        }
    }

    private static void assertCanonical(Opcode op, Type type, Type argType, long[] args, long imm, long[] out, Type result) {
        IntCC icc = IntCC.values()[(int) (imm & 0x7fff_ffff) % IntCC.values().length];
        FloatCC fcc = FloatCC.values()[(int) (imm & 0x7fff_ffff) % FloatCC.values().length];
        try {
            int n = ScalarEvaluator.evaluate(op, type, argType, args, imm, icc, fcc, TrapCode.user(1), out);
            assertEquals(1, n, op.text());
            assertEquals(0, out[0] & ~result.mask(), op + "." + type + " gave " + Long.toHexString(out[0]));
        } catch (Trap expected) {
            assertTrue(op.canTrap(), op + " trapped but is not marked as trapping");
        }
    }

    private static int evaluate(Opcode op, Type type, Type argType, long[] args, long imm, long[] out) {
        return ScalarEvaluator.evaluate(op, type, argType, args, imm, null, null, null, out);
    }

    /** Three canonical operands: the first of {@code first}, the others of {@code rest}. */
    private static long[] randomArgs(Random random, Type first, Type rest) {
        return new long[] {interesting(random, first), interesting(random, rest), interesting(random, rest)};
    }

    /** Random bits, biased toward the edges: 0, 1, all ones, MIN, MAX, NaNs and infinities. */
    private static long interesting(Random random, Type t) {
        long v = switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> -1L;
            case 3 -> 1L << (t.bits() - 1);
            case 4 -> (1L << (t.bits() - 1)) - 1;
            case 5 -> t == F32 ? 0x7f80_0000L | random.nextInt(4) : 0x7ff0_0000_0000_0000L | random.nextInt(4);
            default -> random.nextLong();
        };
        return v & t.mask();
    }
}
