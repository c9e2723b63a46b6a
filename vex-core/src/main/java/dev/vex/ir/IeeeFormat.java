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
