package dev.vex.interp;

import dev.vex.ir.FloatCC;
import dev.vex.ir.IntCC;
import dev.vex.ir.Opcode;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Evaluates a pure operation that touches a 128-bit value: an operand, a result, or both. Each
 * value is a pair: its low half in {@code lo[i]}, its high half in {@code hi[i]} (zero for a
 * value of up to 64 bits). Operations whose own type is narrow and that only read a wide
 * operand as a shift amount go to {@link ScalarEvaluator} with the low halves.
 *
 * <p>{@link Executor} sends an instruction here only when its decoding marked it wide, so the
 * 64-bit path never pays for 128-bit values.
 */
final class WideEvaluator {
    private static final BigInteger MIN_I128 = BigInteger.ONE.shiftLeft(127).negate();

    private WideEvaluator() {}

    /**
     * Computes {@code op}, with the same meaning of {@code type} and {@code argType} as
     * {@link ScalarEvaluator#evaluate}; writes up to two results to {@code outLo}/{@code outHi}.
     * {@code immHigh} is the high half of an {@code f128const}'s bits. Of f128 arithmetic only
     * what is bit movement (constants, bitcasts, {@code select}) runs here.
     */
    static void evaluate(Opcode op, Type type, Type argType, long[] lo, long[] hi, long imm, long immHigh, IntCC intCC,
            FloatCC floatCC, TrapCode trapCode, long[] outLo, long[] outHi) {
        outHi[0] = 0;
        outHi[1] = 0;
        switch (op) {
            case F128CONST -> {
                Int128.set(outLo, outHi, 0, imm, immHigh);
                return;
            }
            case SELECT, SELECT_SPECTRE_GUARD -> {
                int pick = (lo[0] | hi[0]) != 0 ? 1 : 2;
                Int128.set(outLo, outHi, 0, lo[pick], hi[pick]);
                return;
            }
            case ICMP -> {
                outLo[0] = icmp(intCC, lo[0], hi[0], lo[1], hi[1]);
                return;
            }
            case ICMP_IMM -> {
                outLo[0] = icmp(intCC, lo[0], hi[0], imm, imm >> 63);
                return;
            }
            case IREDUCE -> {
                outLo[0] = lo[0] & type.mask();
                return;
            }
            case ISPLIT -> {
                outLo[0] = lo[0];
                outLo[1] = hi[0];
                return;
            }
            case ICONCAT -> {
                Int128.set(outLo, outHi, 0, lo[0], lo[1]);
                return;
            }
            case UEXTEND -> {
                Int128.set(outLo, outHi, 0, lo[0], 0);
                return;
            }
            case SEXTEND -> {
                long v = Canonical.signed(lo[0], argType);
                Int128.set(outLo, outHi, 0, v, v >> 63);
                return;
            }
            case BITCAST -> {
                Int128.set(outLo, outHi, 0, lo[0], hi[0]);
                return;
            }
            case BMASK -> {
                long m = (lo[0] | hi[0]) != 0 ? -1L : 0;
                Int128.set(outLo, outHi, 0, m & type.mask(), type.isWide() ? m : 0);
                return;
            }
            case FCVT_TO_UINT, FCVT_TO_SINT, FCVT_TO_UINT_SAT, FCVT_TO_SINT_SAT -> {
                floatToInt(op, argType, lo[0], outLo, outHi);
                return;
            }
            case FCVT_FROM_UINT, FCVT_FROM_SINT -> {
                BigInteger v = op == Opcode.FCVT_FROM_UINT ? Int128.unsigned(lo[0], hi[0]) : Int128.signed(lo[0], hi[0]);
                outLo[0] = type == Type.F32 ? Float.floatToRawIntBits(v.floatValue()) & 0xffff_ffffL
                        : Double.doubleToRawLongBits(v.doubleValue());
                return;
            }
            default -> { }
        }
        if (!type.isWide()) {
            // A narrow operation that reads a wide value only as a shift or rotate amount.
            ScalarEvaluator.evaluate(op, type, argType, lo, imm, intCC, floatCC, trapCode, outLo);
            return;
        }
        long al = lo[0];
        long ah = hi[0];
        long bl = lo[1];
        long bh = hi[1];
        long il = imm;
        long ih = imm >> 63; // an immediate is a sign-extended 64-bit number
        switch (op) {
            case ICONST -> Int128.set(outLo, outHi, 0, il, ih);
            case IADD -> Int128.add(al, ah, bl, bh, outLo, outHi, 0);
            case IADD_IMM -> Int128.add(al, ah, il, ih, outLo, outHi, 0);
            case ISUB -> Int128.sub(al, ah, bl, bh, outLo, outHi, 0);
            case IRSUB_IMM -> Int128.sub(il, ih, al, ah, outLo, outHi, 0);
            case INEG -> Int128.neg(al, ah, outLo, outHi, 0);
            case IABS -> {
                if (ah < 0) {
                    Int128.neg(al, ah, outLo, outHi, 0);
                } else {
                    Int128.set(outLo, outHi, 0, al, ah);
                }
            }
            case IMUL -> Int128.mul(al, ah, bl, bh, outLo, outHi, 0);
            case IMUL_IMM -> Int128.mul(al, ah, il, ih, outLo, outHi, 0);
            case UMULHI -> Int128.of(Int128.unsigned(al, ah).multiply(Int128.unsigned(bl, bh)).shiftRight(128),
                    outLo, outHi, 0);
            case SMULHI -> Int128.of(Int128.signed(al, ah).multiply(Int128.signed(bl, bh)).shiftRight(128),
                    outLo, outHi, 0);
            case UDIV, UREM, SDIV, SREM -> divide(op, al, ah, bl, bh, outLo, outHi);
            case UDIV_IMM -> divide(Opcode.UDIV, al, ah, il, ih, outLo, outHi);
            case UREM_IMM -> divide(Opcode.UREM, al, ah, il, ih, outLo, outHi);
            case SDIV_IMM -> divide(Opcode.SDIV, al, ah, il, ih, outLo, outHi);
            case SREM_IMM -> divide(Opcode.SREM, al, ah, il, ih, outLo, outHi);
            case SMIN -> pick(Int128.compareSigned(al, ah, bl, bh) <= 0, lo, hi, outLo, outHi);
            case SMAX -> pick(Int128.compareSigned(al, ah, bl, bh) >= 0, lo, hi, outLo, outHi);
            case UMIN -> pick(Int128.compareUnsigned(al, ah, bl, bh) <= 0, lo, hi, outLo, outHi);
            case UMAX -> pick(Int128.compareUnsigned(al, ah, bl, bh) >= 0, lo, hi, outLo, outHi);

            case SADD_OVERFLOW, UADD_OVERFLOW, SADD_OVERFLOW_CIN, UADD_OVERFLOW_CIN, UADD_OVERFLOW_TRAP -> {
                long c = op == Opcode.SADD_OVERFLOW_CIN || op == Opcode.UADD_OVERFLOW_CIN ? (lo[2] != 0 ? 1 : 0) : 0;
                BigInteger exact = (op == Opcode.SADD_OVERFLOW || op == Opcode.SADD_OVERFLOW_CIN
                        ? Int128.signed(al, ah).add(Int128.signed(bl, bh))
                        : Int128.unsigned(al, ah).add(Int128.unsigned(bl, bh))).add(BigInteger.valueOf(c));
                boolean signed = op == Opcode.SADD_OVERFLOW || op == Opcode.SADD_OVERFLOW_CIN;
                overflowResult(exact, signed, outLo, outHi);
                if (op == Opcode.UADD_OVERFLOW_TRAP && outLo[1] != 0) {
                    throw new Trap(trapCode);
                }
            }
            case SSUB_OVERFLOW, USUB_OVERFLOW, SSUB_OVERFLOW_BIN, USUB_OVERFLOW_BIN -> {
                long c = op == Opcode.SSUB_OVERFLOW_BIN || op == Opcode.USUB_OVERFLOW_BIN ? (lo[2] != 0 ? 1 : 0) : 0;
                boolean signed = op == Opcode.SSUB_OVERFLOW || op == Opcode.SSUB_OVERFLOW_BIN;
                BigInteger exact = (signed ? Int128.signed(al, ah).subtract(Int128.signed(bl, bh))
                        : Int128.unsigned(al, ah).subtract(Int128.unsigned(bl, bh))).subtract(BigInteger.valueOf(c));
                overflowResult(exact, signed, outLo, outHi);
            }
            case SMUL_OVERFLOW -> overflowResult(Int128.signed(al, ah).multiply(Int128.signed(bl, bh)), true, outLo, outHi);
            case UMUL_OVERFLOW -> overflowResult(Int128.unsigned(al, ah).multiply(Int128.unsigned(bl, bh)), false,
                    outLo, outHi);

            case BAND -> Int128.set(outLo, outHi, 0, al & bl, ah & bh);
            case BOR -> Int128.set(outLo, outHi, 0, al | bl, ah | bh);
            case BXOR -> Int128.set(outLo, outHi, 0, al ^ bl, ah ^ bh);
            case BNOT -> Int128.set(outLo, outHi, 0, ~al, ~ah);
            case BAND_NOT -> Int128.set(outLo, outHi, 0, al & ~bl, ah & ~bh);
            case BOR_NOT -> Int128.set(outLo, outHi, 0, al | ~bl, ah | ~bh);
            case BXOR_NOT -> Int128.set(outLo, outHi, 0, al ^ ~bl, ah ^ ~bh);
            case BAND_IMM -> Int128.set(outLo, outHi, 0, al & il, ah & ih);
            case BOR_IMM -> Int128.set(outLo, outHi, 0, al | il, ah | ih);
            case BXOR_IMM -> Int128.set(outLo, outHi, 0, al ^ il, ah ^ ih);
            case BITSELECT -> {
                long cl = lo[2];
                long ch = hi[2];
                Int128.set(outLo, outHi, 0, (bl & al) | (cl & ~al), (bh & ah) | (ch & ~ah));
            }
            // Shift amounts: only the low 7 bits matter, so the low half serves.
            case ISHL -> Int128.shl(al, ah, bl, outLo, outHi, 0);
            case USHR -> Int128.ushr(al, ah, bl, outLo, outHi, 0);
            case SSHR -> Int128.sshr(al, ah, bl, outLo, outHi, 0);
            case ROTL -> Int128.rotl(al, ah, bl, outLo, outHi, 0);
            case ROTR -> Int128.rotr(al, ah, bl, outLo, outHi, 0);
            case ISHL_IMM -> Int128.shl(al, ah, imm, outLo, outHi, 0);
            case USHR_IMM -> Int128.ushr(al, ah, imm, outLo, outHi, 0);
            case SSHR_IMM -> Int128.sshr(al, ah, imm, outLo, outHi, 0);
            case ROTL_IMM -> Int128.rotl(al, ah, imm, outLo, outHi, 0);
            case ROTR_IMM -> Int128.rotr(al, ah, imm, outLo, outHi, 0);
            case BITREV -> Int128.set(outLo, outHi, 0, Long.reverse(ah), Long.reverse(al));
            case BSWAP -> Int128.set(outLo, outHi, 0, Long.reverseBytes(ah), Long.reverseBytes(al));
            case CLZ -> outLo[0] = Int128.clz(al, ah);
            case CLS -> outLo[0] = Int128.cls(al, ah);
            case CTZ -> outLo[0] = Int128.ctz(al, ah);
            case POPCNT -> outLo[0] = Long.bitCount(al) + Long.bitCount(ah);
            default -> throw new IllegalArgumentException(op + " on " + type + " is not a pure 128-bit operation");
        }
    }

    private static long icmp(IntCC cc, long al, long ah, long bl, long bh) {
        int s = Int128.compareSigned(al, ah, bl, bh);
        int u = Int128.compareUnsigned(al, ah, bl, bh);
        boolean holds = switch (cc) {
            case EQ -> u == 0;
            case NE -> u != 0;
            case SLT -> s < 0;
            case SGE -> s >= 0;
            case SGT -> s > 0;
            case SLE -> s <= 0;
            case ULT -> u < 0;
            case UGE -> u >= 0;
            case UGT -> u > 0;
            case ULE -> u <= 0;
        };
        return holds ? 1 : 0;
    }

    private static void pick(boolean first, long[] lo, long[] hi, long[] outLo, long[] outHi) {
        int i = first ? 0 : 1;
        Int128.set(outLo, outHi, 0, lo[i], hi[i]);
    }

    private static void divide(Opcode op, long al, long ah, long bl, long bh, long[] outLo, long[] outHi) {
        if ((bl | bh) == 0) {
            throw new Trap(TrapCode.INTEGER_DIVISION_BY_ZERO);
        }
        boolean signed = op == Opcode.SDIV || op == Opcode.SREM;
        BigInteger a = signed ? Int128.signed(al, ah) : Int128.unsigned(al, ah);
        BigInteger b = signed ? Int128.signed(bl, bh) : Int128.unsigned(bl, bh);
        if (op == Opcode.SDIV && a.equals(MIN_I128) && b.equals(BigInteger.ONE.negate())) {
            throw new Trap(TrapCode.INTEGER_OVERFLOW);
        }
        // BigInteger's divide truncates toward zero and its remainder takes the dividend's sign.
        BigInteger r = op == Opcode.UDIV || op == Opcode.SDIV ? a.divide(b) : a.remainder(b);
        Int128.of(r, outLo, outHi, 0);
    }

    /** The wrapped result of an exact one, and whether it overflowed the signed or unsigned range. */
    private static void overflowResult(BigInteger exact, boolean signed, long[] outLo, long[] outHi) {
        Int128.of(exact, outLo, outHi, 0);
        boolean overflow = signed ? !Int128.fitsSigned(exact) : exact.signum() < 0 || exact.bitLength() > 128;
        outLo[1] = overflow ? 1 : 0;
        outHi[1] = 0;
    }

    /**
     * {@code fcvt_to_*int*} from f32 or f64 to i128. No backend of Cranelift compiles these;
     * its interpreter, which {@code i128-conversion.clif}'s expectations come from, traps on NaN
     * (and on a negative value for the unsigned forms) unless saturating, and otherwise clamps
     * to the signed i128 range for all four forms. Vex follows it.
     */
    private static void floatToInt(Opcode op, Type from, long bits, long[] outLo, long[] outHi) {
        double d = FloatBits.toDouble(from, bits);
        boolean sat = op == Opcode.FCVT_TO_UINT_SAT || op == Opcode.FCVT_TO_SINT_SAT;
        boolean unsigned = op == Opcode.FCVT_TO_UINT || op == Opcode.FCVT_TO_UINT_SAT;
        BigInteger max = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
        if (Double.isNaN(d)) {
            if (!sat) {
                throw new Trap(TrapCode.BAD_CONVERSION_TO_INTEGER);
            }
            Int128.set(outLo, outHi, 0, 0, 0);
            return;
        }
        if (unsigned && d <= -1) {
            if (!sat) {
                throw new Trap(TrapCode.INTEGER_OVERFLOW);
            }
            Int128.set(outLo, outHi, 0, 0, 0);
            return;
        }
        BigInteger v;
        if (Double.isInfinite(d)) {
            v = d > 0 ? max : MIN_I128;
        } else {
            v = new BigDecimal(d).toBigInteger(); // toward zero
        }
        v = v.max(MIN_I128).min(max);
        Int128.of(v, outLo, outHi, 0);
    }
}
