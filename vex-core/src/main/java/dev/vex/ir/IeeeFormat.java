package dev.vex.ir;

/**
 * Writes IEEE 754 bit patterns the way CLIF does, exactly: {@code 0x1.800000p3} for a normal
 * number (every digit of the trailing significand), {@code 0x0.000002p-126} for a subnormal,
 * {@code 0.0}, {@code -0.0}, {@code +Inf}, {@code -Inf}, {@code +NaN}, {@code +NaN:0x1} (a quiet
 * NaN's payload) and {@code +sNaN:0x1}.
 */
public final class IeeeFormat {
    private IeeeFormat() {
    }

    /** An f32 given as its bits. */
    public static String f32(int bits) {
        return format(bits & 0xFFFF_FFFFL, 8, 23);
    }

    /** An f16 given as its bits (the low 16). */
    public static String f16(long bits) {
        return format(bits & 0xFFFFL, 5, 10);
    }

    /** An f128 given as its two halves. */
    public static String f128(long lo, long hi) {
        java.math.BigInteger bits = new java.math.BigInteger(Long.toUnsignedString(hi)).shiftLeft(64)
                .or(new java.math.BigInteger(Long.toUnsignedString(lo)));
        int w = 15;
        int t = 112;
        java.math.BigInteger trailing = bits.and(java.math.BigInteger.ONE.shiftLeft(t).subtract(java.math.BigInteger.ONE));
        long biased = bits.shiftRight(t).longValue() & 0x7fff;
        boolean negative = hi < 0;
        int bias = 16383;
        int digits = 28;
        StringBuilder sb = new StringBuilder(negative ? "-" : "");
        String aligned = hex(trailing, digits);
        if (biased == 0) {
            if (trailing.signum() == 0) {
                return sb.append("0.0").toString();
            }
            return sb.append("0x0.").append(aligned).append('p').append(1 - bias).toString();
        }
        if (biased == 0x7fff) {
            if (!negative) {
                sb.append('+');
            }
            if (trailing.signum() == 0) {
                return sb.append("Inf").toString();
            }
            java.math.BigInteger payload = trailing.clearBit(t - 1);
            if (trailing.testBit(t - 1)) {
                sb.append("NaN");
                return payload.signum() == 0 ? sb.toString() : sb.append(":0x").append(payload.toString(16)).toString();
            }
            return sb.append("sNaN:0x").append(payload.toString(16)).toString();
        }
        return sb.append("0x1.").append(aligned).append('p').append(biased - bias).toString();
    }

    private static String hex(java.math.BigInteger v, int digits) {
        String s = v.toString(16);
        return "0".repeat(Math.max(0, digits - s.length())) + s;
    }

    /** An f64 given as its bits. */
    public static String f64(long bits) {
        return format(bits, 11, 52);
    }

    /** {@code w} exponent bits, {@code t} trailing significand bits. */
    private static String format(long bits, int w, int t) {
        long maxExp = (1L << w) - 1;
        long trailing = bits & ((1L << t) - 1);
        long biased = (bits >>> t) & maxExp;
        boolean negative = ((bits >>> (w + t)) & 1) != 0;
        int bias = (1 << (w - 1)) - 1;
        int digits = (t + 3) / 4;
        long aligned = trailing << (4 * digits - t);
        StringBuilder sb = new StringBuilder();
        sb.append(negative ? "-" : "");
        if (biased == 0) {
            if (trailing == 0) {
                return sb.append("0.0").toString();
            }
            return sb.append("0x0.").append(hex(aligned, digits)).append('p').append(1 - bias).toString();
        }
        if (biased == maxExp) {
            if (!negative) {
                sb.append('+');
            }
            if (trailing == 0) {
                return sb.append("Inf").toString();
            }
            long quietBit = 1L << (t - 1);
            long payload = trailing & (quietBit - 1);
            if ((trailing & quietBit) != 0) {
                sb.append("NaN");
                return payload == 0 ? sb.toString() : sb.append(":0x").append(Long.toHexString(payload)).toString();
            }
            return sb.append("sNaN:0x").append(Long.toHexString(payload)).toString();
        }
        return sb.append("0x1.").append(hex(aligned, digits)).append('p').append(biased - bias).toString();
    }

    private static String hex(long v, int digits) {
        String s = Long.toHexString(v);
        return "0".repeat(Math.max(0, digits - s.length())) + s;
    }
}
