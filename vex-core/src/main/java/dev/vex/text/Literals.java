package dev.vex.text;

import dev.vex.diag.SourceLocation;
import dev.vex.ir.Type;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Number literals of CLIF, turned into exact bit patterns.
 *
 * <ul>
 *   <li>Integers: decimal ({@code -5}, {@code 18446744073709551615}) or hexadecimal bit patterns
 *       ({@code 0xffff_fffd}), with {@code _} separators and an optional sign.</li>
 *   <li>Floats: hex floats with any mantissa ({@code 0x1.8p3}, {@code 0x3.2}, {@code -0x0.0},
 *       {@code 0x0.0000fep-126}), decimal ({@code 0.0}, {@code 1.5e3}), {@code Inf},
 *       {@code NaN}, {@code NaN:0x..} (a quiet NaN's payload) and {@code sNaN:0x..}, each with an
 *       optional sign. A hex float must be exact in the target format: no rounding.</li>
 * </ul>
 */
final class Literals {
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[0-9]+(\\.[0-9]*)?([eE][+-]?[0-9]+)?");

    private Literals() {
    }

    /** An integer of up to 64 bits, wrapped to a long (so 2^64-1 is -1). */
    static long integer(String text, SourceLocation at) {
        long v = smallInteger(text);
        return v != NOT_SMALL ? v : integerBits(text, 64, at).longValue();
    }

    private static final long NOT_SMALL = Long.MIN_VALUE;

    /**
     * The common literal the reader meets in every {@code iconst}: optionally signed, then up to
     * 18 decimal digits or {@code 0x} and up to 15 hex digits, no underscores; its value, which
     * no wrapping can reach, without the BigInteger of the general path. {@link #NOT_SMALL} for
     * anything else, which {@link #integerBits} then reads (and reports, if it must).
     */
    private static long smallInteger(String text) {
        int n = text.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        long v = 0;
        if (n - i > 2 && text.charAt(i) == '0' && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')) {
            i += 2;
            if (n - i > 15) {
                return NOT_SMALL;
            }
            for (; i < n; i++) {
                int d = Character.digit(text.charAt(i), 16);
                if (d < 0) {
                    return NOT_SMALL;
                }
                v = v << 4 | d;
            }
        } else {
            if (n == i || n - i > 18) {
                return NOT_SMALL;
            }
            for (; i < n; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return NOT_SMALL;
                }
                v = v * 10 + (c - '0');
            }
        }
        return negative ? -v : v;
    }

    /**
     * An integer of up to {@code bits} bits (64 or 128): in range as a signed or unsigned number
     * of that width, as a non-negative or negative BigInteger.
     */
    private static BigInteger integerBits(String text, int bits, SourceLocation at) {
        boolean negative = text.startsWith("-");
        String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        BigInteger v;
        if (body.startsWith("0x") || body.startsWith("0X")) {
            String digits = body.substring(2).replace("_", "");
            if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new ParseException(at, "expected a hexadecimal integer, found '" + text + "'");
            }
            if (digits.replaceFirst("^0+", "").length() > bits / 4) {
                throw new ParseException(at, "integer '" + text + "' does not fit in " + bits + " bits");
            }
            v = new BigInteger(digits, 16);
        } else {
            String digits = body.replace("_", "");
            if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9') || body.startsWith("_")) {
                throw new ParseException(at, "expected an integer, found '" + text + "'");
            }
            if (digits.length() > 60) {
                throw new ParseException(at, "integer '" + text + "' does not fit in " + bits + " bits");
            }
            v = new BigInteger(digits);
        }
        if (negative) {
            v = v.negate();
        }
        BigInteger min = BigInteger.ONE.shiftLeft(bits - 1).negate();
        BigInteger limit = BigInteger.ONE.shiftLeft(bits);
        if (v.compareTo(min) < 0 || v.compareTo(limit) >= 0) {
            throw new ParseException(at, "integer '" + text + "' does not fit in " + bits + " bits");
        }
        return v;
    }

    /**
     * An integer literal as a value of {@code type}: in range as a signed or unsigned number of
     * its width, returned as the low bits with the upper bits zero.
     */
    static long integerOfType(String text, Type type, SourceLocation at) {
        long v = integer(text, at);
        if (type.bits() < 64) {
            long min = -(1L << (type.bits() - 1));
            long max = (1L << type.bits()) - 1;
            boolean hex = text.replaceFirst("^[+-]", "").startsWith("0x");
            if ((hex && (v >>> type.bits()) != 0) || (!hex && (v < min || v > max))) {
                throw new ParseException(at, "integer '" + text + "' does not fit in " + type);
            }
        }
        return v & type.mask();
    }

    /** A 128-bit integer literal as its two halves, low first. */
    static long[] integer128(String text, SourceLocation at) {
        BigInteger v = integerBits(text, 128, at);
        return new long[] {v.longValue(), v.shiftRight(64).longValue()};
    }

    /** The IEEE bits of a float literal of {@code type} (F32 in the low 32 bits); not for F128. */
    static long floatBits(String text, Type type, SourceLocation at) {
        if (type == Type.F128) {
            throw new IllegalArgumentException("f128 bits take two longs: use floatBitsOfType");
        }
        return floatBitsOfType(text, type, at)[0];
    }

    /** The IEEE bits of a float literal of {@code type}: one long, or two (low first) for F128. */
    static long[] floatBitsOfType(String text, Type type, SourceLocation at) {
        BigInteger bits = floatBig(text, type, at);
        if (type.isWide()) {
            return new long[] {bits.longValue(), bits.shiftRight(64).longValue()};
        }
        return new long[] {bits.longValue()};
    }

    /** Exponent width of an IEEE format. */
    private static int exponentBits(Type type) {
        return switch (type) {
            case F16 -> 5;
            case F32 -> 8;
            case F64 -> 11;
            case F128 -> 15;
            default -> throw new IllegalArgumentException(type + " is no float type");
        };
    }

    private static BigInteger floatBig(String text, Type type, SourceLocation at) {
        int w = exponentBits(type);
        int t = type.bits() - 1 - w;
        BigInteger sign = text.startsWith("-") ? BigInteger.ONE.shiftLeft(w + t) : BigInteger.ZERO;
        String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        BigInteger expAll = BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE).shiftLeft(t);
        BigInteger quietBit = BigInteger.ONE.shiftLeft(t - 1);
        if (body.equals("Inf")) {
            return sign.or(expAll);
        }
        if (body.equals("NaN")) {
            return sign.or(expAll).or(quietBit);
        }
        if (body.startsWith("NaN:") || body.startsWith("sNaN:")) {
            boolean quiet = body.startsWith("NaN:");
            BigInteger payload = payloadOf(body.substring(body.indexOf(':') + 1), text, at);
            if (payload.bitLength() > t - 1) {
                throw new ParseException(at, "NaN payload of '" + text + "' does not fit in " + (t - 1) + " bits");
            }
            if (!quiet && payload.signum() == 0) {
                throw new ParseException(at, "a signalling NaN needs a non-zero payload: '" + text + "'");
            }
            return sign.or(expAll).or(quiet ? quietBit : BigInteger.ZERO).or(payload);
        }
        if (body.startsWith("0x") || body.startsWith("0X")) {
            return sign.or(hexFloat(body.substring(2), text, type, w, t, at));
        }
        if (DECIMAL_FLOAT.matcher(body).matches()) {
            return sign.or(decimalFloat(body, text, type, at));
        }
        throw new ParseException(at, "expected a float, found '" + text + "'");
    }

    /** A decimal literal: rounded to nearest for f32 and f64; f16 and f128 take exact values only. */
    private static BigInteger decimalFloat(String body, String text, Type type, SourceLocation at) {
        if (type == Type.F32) {
            float f = Float.parseFloat(body);
            if (Float.isInfinite(f)) {
                throw new ParseException(at, "float '" + text + "' is out of range for f32");
            }
            return BigInteger.valueOf(Float.floatToRawIntBits(f) & 0xFFFF_FFFFL);
        }
        if (type == Type.F64) {
            double d = Double.parseDouble(body);
            if (Double.isInfinite(d)) {
                throw new ParseException(at, "float '" + text + "' is out of range for f64");
            }
            return BigInteger.valueOf(Double.doubleToRawLongBits(d));
        }
        // value = unscaled * 10^-scale must be m * 2^e exactly: write it as a hex float.
        java.math.BigDecimal v = new java.math.BigDecimal(body).stripTrailingZeros();
        if (v.signum() == 0) {
            return BigInteger.ZERO;
        }
        int e = 0;
        while (v.scale() > 0 && e < 20000) {
            v = v.multiply(java.math.BigDecimal.valueOf(2)).stripTrailingZeros();
            e++;
        }
        if (v.scale() > 0) {
            throw new ParseException(at, "decimal float '" + text + "' is not exact in " + type + "; write it in hex");
        }
        BigInteger m = v.toBigIntegerExact();
        return hexFloat(m.toString(16) + "p-" + e, text, type, exponentBits(type), type.bits() - 1 - exponentBits(type), at);
    }

    private static BigInteger payloadOf(String payloadText, String text, SourceLocation at) {
        if (!payloadText.startsWith("0x")) {
            throw new ParseException(at, "expected a hexadecimal NaN payload in '" + text + "'");
        }
        String digits = payloadText.substring(2).replace("_", "");
        if (digits.isEmpty() || digits.length() > 32 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new ParseException(at, "expected a hexadecimal NaN payload in '" + text + "'");
        }
        return new BigInteger(digits, 16);
    }

    /** {@code body} is the part after "0x": hex digits, an optional point, an optional p-exponent. */
    private static BigInteger hexFloat(String body, String text, Type type, int w, int t, SourceLocation at) {
        int p = indexOfExponent(body);
        String mantissa = (p < 0 ? body : body.substring(0, p)).replace("_", "");
        int exponent = 0;
        if (p >= 0) {
            String e = body.substring(p + 1);
            if (!e.matches("[+-]?[0-9]{1,9}")) {
                throw new ParseException(at, "expected a decimal exponent after 'p' in '" + text + "'");
            }
            exponent = Integer.parseInt(e.startsWith("+") ? e.substring(1) : e);
        }
        int dot = mantissa.indexOf('.');
        String intPart = dot < 0 ? mantissa : mantissa.substring(0, dot);
        String fracPart = dot < 0 ? "" : mantissa.substring(dot + 1);
        String digits = intPart + fracPart;
        if (digits.isEmpty() || fracPart.contains(".")
                || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0) || digits.length() > 1000) {
            throw new ParseException(at, "expected a hex float, found '" + text + "'");
        }
        BigInteger m = new BigInteger(digits, 16);
        if (m.signum() == 0) {
            return BigInteger.ZERO;
        }
        // value = m * 2^e2
        long e2 = (long) exponent - 4L * fracPart.length();
        int bias = (1 << (w - 1)) - 1;
        int emin = 1 - bias;
        long top = m.bitLength() - 1 + e2; // exponent of the leading one bit
        if (top > bias) {
            throw new ParseException(at, "float '" + text + "' is too large for " + type);
        }
        if (top >= emin) {
            // Normal: t+1 significant bits, the leading one implicit.
            long shift = m.bitLength() - 1 - t;
            BigInteger sig = exactShift(m, shift, text, type, at);
            BigInteger trailing = sig.clearBit(t);
            return BigInteger.valueOf(top + bias).shiftLeft(t).or(trailing);
        }
        // Subnormal: the value in units of 2^(emin - t).
        long shift = (emin - t) - e2;
        BigInteger sig = exactShift(m, shift, text, type, at);
        if (sig.signum() == 0) {
            throw new ParseException(at, "float '" + text + "' is too small for " + type);
        }
        return sig;
    }

    private static BigInteger exactShift(BigInteger m, long shift, String text, Type type, SourceLocation at) {
        if (shift <= 0) {
            return m.shiftLeft((int) -shift);
        }
        if (shift > 40000 || m.getLowestSetBit() < shift) {
            throw new ParseException(at, "float '" + text + "' is not exact in " + type);
        }
        return m.shiftRight((int) shift);
    }

    private static int indexOfExponent(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == 'p' || c == 'P') {
                return i;
            }
        }
        return -1;
    }
}
