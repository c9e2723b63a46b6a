package dev.vex.interp;

import dev.vex.ir.FloatCC;
import dev.vex.ir.IntCC;
import dev.vex.ir.Opcode;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;

/**
 * Evaluates one pure scalar operation on canonical bit patterns, with Cranelift's semantics.
 *
 * <p>Covers the constants, integer and float arithmetic, overflow arithmetic, bit operations,
 * comparisons, {@code select} and every conversion of {@link Opcode}; memory, control flow and
 * calls belong to the interpreter proper. Nothing is allocated unless the operation traps.
 */
public final class ScalarEvaluator {
    private ScalarEvaluator() {}

    /**
     * Computes {@code op}.
     *
     * @param op       the opcode
     * @param type     the controlling type: the result type, except for {@code icmp},
     *                 {@code icmp_imm} and {@code fcmp}, where it is the operand type (their
     *                 result is an {@code i8})
     * @param argType  the type of the first operand: differs from {@code type} for conversions
     *                 ({@code uextend}, {@code fcvt_*}, {@code bitcast}, {@code bmask},
     *                 {@code iconcat}'s halves, {@code isplit}'s whole) and is the condition's
     *                 type for {@code select}; otherwise equal to {@code type} or ignored
     * @param args     operand bit patterns, each canonical in its own type; a shift amount may
     *                 be of any integer type
     * @param imm      the immediate of the {@code *_imm} forms (the second operand;
     *                 {@code irsub_imm} computes {@code imm - x}), and the bit pattern of
     *                 {@code iconst}, {@code f32const} and {@code f64const}; only its low
     *                 {@code type.bits()} bits are used
     * @param intCC    the condition of {@code icmp} and {@code icmp_imm}, else null
     * @param floatCC  the condition of {@code fcmp}, else null
     * @param trapCode the code {@code uadd_overflow_trap} traps with, else null
     * @param out      receives the results: {@code out[0]}, and {@code out[1]} for the
     *                 two-result operations (the overflow forms and {@code isplit})
     * @return the number of results written
     * @throws Trap                     when the operation traps
     * @throws IllegalArgumentException for an opcode that is not a pure scalar operation, or
     *                                  types the operation does not accept (a programming error
     *                                  the verifier rules out)
     */
    public static int evaluate(Opcode op, Type type, Type argType, long[] args, long imm,
                               IntCC intCC, FloatCC floatCC, TrapCode trapCode, long[] out) {
        long m = type.mask();
        long immediate = imm & m;
        long r;
        switch (op) {
            case ICONST, F32CONST, F64CONST -> r = immediate;

            case IADD -> r = IntArithmetic.iadd(type, args[0], args[1]);
            case ISUB -> r = IntArithmetic.isub(type, args[0], args[1]);
            case INEG -> r = IntArithmetic.ineg(type, args[0]);
            case IABS -> r = IntArithmetic.iabs(type, args[0]);
            case IMUL -> r = IntArithmetic.imul(type, args[0], args[1]);
            case UMULHI -> r = IntArithmetic.umulhi(type, args[0], args[1]);
            case SMULHI -> r = IntArithmetic.smulhi(type, args[0], args[1]);
            case UDIV -> r = IntArithmetic.udiv(type, args[0], args[1]);
            case SDIV -> r = IntArithmetic.sdiv(type, args[0], args[1]);
            case UREM -> r = IntArithmetic.urem(type, args[0], args[1]);
            case SREM -> r = IntArithmetic.srem(type, args[0], args[1]);
            case IADD_IMM -> r = IntArithmetic.iadd(type, args[0], immediate);
            case IMUL_IMM -> r = IntArithmetic.imul(type, args[0], immediate);
            case UDIV_IMM -> r = IntArithmetic.udiv(type, args[0], immediate);
            case SDIV_IMM -> r = IntArithmetic.sdiv(type, args[0], immediate);
            case UREM_IMM -> r = IntArithmetic.urem(type, args[0], immediate);
            case SREM_IMM -> r = IntArithmetic.srem(type, args[0], immediate);
            case IRSUB_IMM -> r = IntArithmetic.isub(type, immediate, args[0]);
            case SMIN -> r = IntArithmetic.smin(type, args[0], args[1]);
            case SMAX -> r = IntArithmetic.smax(type, args[0], args[1]);
            case UMIN -> r = IntArithmetic.umin(type, args[0], args[1]);
            case UMAX -> r = IntArithmetic.umax(type, args[0], args[1]);

            case SADD_OVERFLOW -> { return OverflowArithmetic.saddOverflow(type, args[0], args[1], 0, out); }
            case UADD_OVERFLOW -> { return OverflowArithmetic.uaddOverflow(type, args[0], args[1], 0, out); }
            case SSUB_OVERFLOW -> { return OverflowArithmetic.ssubOverflow(type, args[0], args[1], 0, out); }
            case USUB_OVERFLOW -> { return OverflowArithmetic.usubOverflow(type, args[0], args[1], 0, out); }
            case SMUL_OVERFLOW -> { return OverflowArithmetic.smulOverflow(type, args[0], args[1], out); }
            case UMUL_OVERFLOW -> { return OverflowArithmetic.umulOverflow(type, args[0], args[1], out); }
            case SADD_OVERFLOW_CIN -> { return OverflowArithmetic.saddOverflow(type, args[0], args[1], args[2], out); }
            case UADD_OVERFLOW_CIN -> { return OverflowArithmetic.uaddOverflow(type, args[0], args[1], args[2], out); }
            case SSUB_OVERFLOW_BIN -> { return OverflowArithmetic.ssubOverflow(type, args[0], args[1], args[2], out); }
            case USUB_OVERFLOW_BIN -> { return OverflowArithmetic.usubOverflow(type, args[0], args[1], args[2], out); }
            case UADD_OVERFLOW_TRAP -> r = OverflowArithmetic.uaddOverflowTrap(type, args[0], args[1], trapCode);

            case BAND -> r = BitOperations.band(type, args[0], args[1]);
            case BOR -> r = BitOperations.bor(type, args[0], args[1]);
            case BXOR -> r = BitOperations.bxor(type, args[0], args[1]);
            case BNOT -> r = BitOperations.bnot(type, args[0]);
            case BAND_NOT -> r = BitOperations.bandNot(type, args[0], args[1]);
            case BOR_NOT -> r = BitOperations.borNot(type, args[0], args[1]);
            case BXOR_NOT -> r = BitOperations.bxorNot(type, args[0], args[1]);
            case BAND_IMM -> r = BitOperations.band(type, args[0], immediate);
            case BOR_IMM -> r = BitOperations.bor(type, args[0], immediate);
            case BXOR_IMM -> r = BitOperations.bxor(type, args[0], immediate);
            // Shift amounts: only the low bits matter, so the raw immediate serves.
            case ISHL -> r = BitOperations.ishl(type, args[0], args[1]);
            case USHR -> r = BitOperations.ushr(type, args[0], args[1]);
            case SSHR -> r = BitOperations.sshr(type, args[0], args[1]);
            case ROTL -> r = BitOperations.rotl(type, args[0], args[1]);
            case ROTR -> r = BitOperations.rotr(type, args[0], args[1]);
            case ISHL_IMM -> r = BitOperations.ishl(type, args[0], imm);
            case USHR_IMM -> r = BitOperations.ushr(type, args[0], imm);
            case SSHR_IMM -> r = BitOperations.sshr(type, args[0], imm);
            case ROTL_IMM -> r = BitOperations.rotl(type, args[0], imm);
            case ROTR_IMM -> r = BitOperations.rotr(type, args[0], imm);
            case BITREV -> r = BitOperations.bitrev(type, args[0]);
            case BSWAP -> r = BitOperations.bswap(type, args[0]);
            case CLZ -> r = BitOperations.clz(type, args[0]);
            case CLS -> r = BitOperations.cls(type, args[0]);
            case CTZ -> r = BitOperations.ctz(type, args[0]);
            case POPCNT -> r = BitOperations.popcnt(type, args[0]);
            case BMASK -> r = BitOperations.bmask(type, args[0]);
            case BITSELECT -> r = BitOperations.bitselect(type, args[0], args[1], args[2]);

            case ICMP -> r = Comparisons.icmp(intCC, type, args[0], args[1]);
            case ICMP_IMM -> r = Comparisons.icmp(intCC, type, args[0], immediate);
            case FCMP -> r = Comparisons.fcmp(floatCC, type, args[0], args[1]);
            case SELECT, SELECT_SPECTRE_GUARD -> r = Comparisons.select(args[0], args[1], args[2]);

            case UEXTEND -> r = Conversions.uextend(type, argType, args[0]);
            case SEXTEND -> r = Conversions.sextend(type, argType, args[0]);
            case IREDUCE -> r = Conversions.ireduce(type, argType, args[0]);
            case ICONCAT -> r = Conversions.iconcat(argType, args[0], args[1]);
            case ISPLIT -> { return Conversions.isplit(argType, args[0], out); }
            case BITCAST -> r = Conversions.bitcast(type, argType, args[0]);
            case FPROMOTE -> r = Conversions.fpromote(args[0]);
            case FDEMOTE -> r = Conversions.fdemote(args[0]);
            case FCVT_TO_UINT -> r = Conversions.fcvtToUint(type, argType, args[0]);
            case FCVT_TO_SINT -> r = Conversions.fcvtToSint(type, argType, args[0]);
            case FCVT_TO_UINT_SAT -> r = Conversions.fcvtToUintSat(type, argType, args[0]);
            case FCVT_TO_SINT_SAT -> r = Conversions.fcvtToSintSat(type, argType, args[0]);
            case FCVT_FROM_UINT -> r = Conversions.fcvtFromUint(type, argType, args[0]);
            case FCVT_FROM_SINT -> r = Conversions.fcvtFromSint(type, argType, args[0]);

            case FADD -> r = FloatArithmetic.fadd(type, args[0], args[1]);
            case FSUB -> r = FloatArithmetic.fsub(type, args[0], args[1]);
            case FMUL -> r = FloatArithmetic.fmul(type, args[0], args[1]);
            case FDIV -> r = FloatArithmetic.fdiv(type, args[0], args[1]);
            case SQRT -> r = FloatArithmetic.sqrt(type, args[0]);
            case FMA -> r = FloatArithmetic.fma(type, args[0], args[1], args[2]);
            case FNEG -> r = FloatArithmetic.fneg(type, args[0]);
            case FABS -> r = FloatArithmetic.fabs(type, args[0]);
            case FCOPYSIGN -> r = FloatArithmetic.fcopysign(type, args[0], args[1]);
            case FMIN -> r = FloatArithmetic.fmin(type, args[0], args[1]);
            case FMAX -> r = FloatArithmetic.fmax(type, args[0], args[1]);
            case CEIL -> r = FloatArithmetic.ceil(type, args[0]);
            case FLOOR -> r = FloatArithmetic.floor(type, args[0]);
            case TRUNC -> r = FloatArithmetic.trunc(type, args[0]);
            case NEAREST -> r = FloatArithmetic.nearest(type, args[0]);

            default -> throw new IllegalArgumentException(op + " is not a pure scalar operation");
        }
        out[0] = r;
        return 1;
    }
}
