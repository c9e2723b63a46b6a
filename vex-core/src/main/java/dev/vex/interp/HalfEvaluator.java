package dev.vex.interp;

import dev.vex.ir.FloatCC;
import dev.vex.ir.IntCC;
import dev.vex.ir.Opcode;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;

/**
 * Evaluates a pure operation that touches an {@code f16}: an operand or a result. The
 * interpreter sends an instruction here only when its decoding found an f16 in it, so the other
 * types never pay for the check. Values are canonical bit patterns, as in {@link ScalarEvaluator};
 * NaN operands propagate quietened, as there.
 */
final class HalfEvaluator {
    private HalfEvaluator() {}

    static void evaluate(Opcode op, Type type, Type argType, long[] args, long imm, IntCC intCC, FloatCC floatCC,
            TrapCode trapCode, long[] out) {
        long a = args[0];
        long b = args.length > 1 ? args[1] : 0;
        long c = args.length > 2 ? args[2] : 0;
        out[0] = switch (op) {
            case F16CONST -> imm & 0xffff;
            case FADD, FSUB, FMUL, FDIV, FMIN, FMAX -> binary(op, a, b);
            case SQRT -> HalfFloat.isNaN(a) ? HalfFloat.quiet(a) : HalfFloat.ofDouble(Math.sqrt(HalfFloat.toDouble(a)));
            case FMA -> HalfFloat.isNaN(a) ? HalfFloat.quiet(a) : HalfFloat.isNaN(b) ? HalfFloat.quiet(b)
                    : HalfFloat.isNaN(c) ? HalfFloat.quiet(c)
                    : HalfFloat.fma(HalfFloat.toDouble(a), HalfFloat.toDouble(b), HalfFloat.toDouble(c));
            case FNEG -> a ^ HalfFloat.SIGN;
            case FABS -> a & ~HalfFloat.SIGN;
            case FCOPYSIGN -> (a & ~HalfFloat.SIGN) | (b & HalfFloat.SIGN);
            case CEIL, FLOOR, TRUNC, NEAREST -> HalfFloat.isNaN(a) ? HalfFloat.quiet(a)
                    : HalfFloat.ofDouble(FloatBits.toDouble(rounded(op, asDouble(a))));
            case FCMP -> floatCC.holds(HalfFloat.toDouble(a), HalfFloat.toDouble(b)) ? 1 : 0;
            case FPROMOTE -> type == Type.F32
                    ? Float.floatToRawIntBits((float) HalfFloat.toDouble(a)) & 0xffff_ffffL
                    : asDouble(a);
            case FDEMOTE -> HalfFloat.ofDouble(FloatBits.toDouble(argType, a));
            case BITCAST -> a & type.mask();
            case SELECT, SELECT_SPECTRE_GUARD -> a != 0 ? b : c;
            case FCVT_TO_UINT -> Conversions.fcvtToUint(type, Type.F64, asDouble(a));
            case FCVT_TO_SINT -> Conversions.fcvtToSint(type, Type.F64, asDouble(a));
            case FCVT_TO_UINT_SAT -> Conversions.fcvtToUintSat(type, Type.F64, asDouble(a));
            case FCVT_TO_SINT_SAT -> Conversions.fcvtToSintSat(type, Type.F64, asDouble(a));
            // An integer of more than 53 bits is far above the largest f16, so rounding it to
            // double first cannot change the (infinite) f16 result.
            case FCVT_FROM_UINT -> HalfFloat.ofDouble(FloatBits.toDouble(Conversions.fcvtFromUint(Type.F64, argType, a)));
            case FCVT_FROM_SINT -> HalfFloat.ofDouble(FloatBits.toDouble(Conversions.fcvtFromSint(Type.F64, argType, a)));
            default -> throw new IllegalArgumentException(op + " is not a pure f16 operation");
        };
    }

    /** Rounds an f64 (the exact value of an f16) to an integral value; exact back in f16. */
    private static long rounded(Opcode op, long d) {
        return switch (op) {
            case CEIL -> FloatArithmetic.ceil(Type.F64, d);
            case FLOOR -> FloatArithmetic.floor(Type.F64, d);
            case TRUNC -> FloatArithmetic.trunc(Type.F64, d);
            default -> FloatArithmetic.nearest(Type.F64, d);
        };
    }

    private static long asDouble(long h) {
        return Double.doubleToRawLongBits(HalfFloat.toDouble(h));
    }

    private static long binary(Opcode op, long a, long b) {
        if (HalfFloat.isNaN(a) || HalfFloat.isNaN(b)) {
            return HalfFloat.quiet(HalfFloat.isNaN(a) ? a : b);
        }
        double x = HalfFloat.toDouble(a);
        double y = HalfFloat.toDouble(b);
        return switch (op) {
            case FADD -> HalfFloat.ofDouble(x + y);
            case FSUB -> HalfFloat.ofDouble(x - y);
            case FMUL -> HalfFloat.ofDouble(x * y);
            case FDIV -> HalfFloat.ofDouble(x / y);
            case FMIN -> HalfFloat.ofDouble(FloatBits.toDouble(FloatArithmetic.fmin(Type.F64, asDouble(a), asDouble(b))));
            case FMAX -> HalfFloat.ofDouble(FloatBits.toDouble(FloatArithmetic.fmax(Type.F64, asDouble(a), asDouble(b))));
            default -> throw new IllegalArgumentException(op + " is no binary f16 operation");
        };
    }
}
