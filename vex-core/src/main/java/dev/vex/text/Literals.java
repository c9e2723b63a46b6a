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
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger MIN_I64 = BigInteger.valueOf(Long.MIN_VALUE);
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[0-9]+(\\.[0-9]*)?([eE][+-]?[0-9]+)?");

    private Literals() {
    }

    /** An integer of up to 64 bits, wrapped to a long (so 2^64-1 is -1). */
    static long integer(String text, SourceLocation at) {
        boolean negative = text.startsWith("-");
        String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        BigInteger v;
        if (body.startsWith("0x") || body.startsWith("0X")) {
            String digits = body.substring(2).replace("_", "");
            if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new ParseException(at, "expected a hexadecimal integer, found '" + text + "'");
            }
            if (digits.replaceFirst("^0+", "").length() > 16) {
                throw new ParseException(at, "integer '" + text + "' does not fit in 64 bits");
            }
            v = new BigInteger(digits, 16);
        } else {
            String digits = body.replace("_", "");
            if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9') || body.startsWith("_")) {
                throw new ParseException(at, "expected an integer, found '" + text + "'");
            }
            if (digits.length() > 30) {
                throw new ParseException(at, "integer '" + text + "' does not fit in 64 bits");
            }
            v = new BigInteger(digits);
        }
        if (negative) {
            v = v.negate();
        }
        if (v.compareTo(MIN_I64) < 0 || v.compareTo(TWO_64) >= 0) {
            throw new ParseException(at, "integer '" + text + "' does not fit in 64 bits");
        }
        return v.longValue();
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

    /** The IEEE bits of a float literal of {@code type} (F32 in the low 32 bits). */
    static long floatBits(String text, Type type, SourceLocation at) {
        int w = type == Type.F32 ? 8 : 11;
        int t = type == Type.F32 ? 23 : 52;
        long signBit = 1L << (w + t);
        long expAll = ((1L << w) - 1) << t;
        boolean negative = text.startsWith("-");
        String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        long sign = negative ? signBit : 0;
        if (body.equals("Inf")) {
            return sign | expAll;
        }
        if (body.equals("NaN")) {
            return sign | expAll | 1L << (t - 1);
        }
        if (body.startsWith("NaN:") || body.startsWith("sNaN:")) {
            boolean quiet = body.startsWith("NaN:");
            String payloadText = body.substring(body.indexOf(':') + 1);
            long payload = payloadOf(payloadText, text, at);
            if (payload >>> (t - 1) != 0) {
                throw new ParseException(at, "NaN payload of '" + text + "' does not fit in " + (t - 1) + " bits");
            }
            if (!quiet && payload == 0) {
                throw new ParseException(at, "a signalling NaN needs a non-zero payload: '" + text + "'");
            }
            return sign | expAll | (quiet ? 1L << (t - 1) : 0) | payload;
        }
        if (body.startsWith("0x") || body.startsWith("0X")) {
            return sign | hexFloat(body.substring(2), text, w, t, at);
        }
        if (DECIMAL_FLOAT.matcher(body).matches()) {
            if (type == Type.F32) {
                float f = Float.parseFloat(body);
                if (Float.isInfinite(f)) {
                    throw new ParseException(at, "float '" + text + "' is out of range for f32");
                }
                return sign | (Float.floatToRawIntBits(f) & 0xFFFF_FFFFL);
            }
            double d = Double.parseDouble(body);
            if (Double.isInfinite(d)) {
                throw new ParseException(at, "float '" + text + "' is out of range for f64");
            }
            return sign | Double.doubleToRawLongBits(d);
        }
        throw new ParseException(at, "expected a float, found '" + text + "'");
    }

    private static long payloadOf(String payloadText, String text, SourceLocation at) {
        if (!payloadText.startsWith("0x")) {
            throw new ParseException(at, "expected a hexadecimal NaN payload in '" + text + "'");
        }
        String digits = payloadText.substring(2).replace("_", "");
        if (digits.isEmpty() || digits.length() > 16 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new ParseException(at, "expected a hexadecimal NaN payload in '" + text + "'");
        }
        return Long.parseUnsignedLong(digits, 16);
    }

    /** {@code body} is the part after "0x": hex digits, an optional point, an optional p-exponent. */
    private static long hexFloat(String body, String text, int w, int t, SourceLocation at) {
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
            return 0;
        }
        // value = m * 2^e2
        long e2 = (long) exponent - 4L * fracPart.length();
        int bias = (1 << (w - 1)) - 1;
        int emin = 1 - bias;
        long top = m.bitLength() - 1 + e2; // exponent of the leading one bit
        if (top > bias) {
            throw new ParseException(at, "float '" + text + "' is too large for " + (w == 8 ? "f32" : "f64"));
        }
        if (top >= emin) {
            // Normal: t+1 significant bits, the leading one implicit.
            long shift = m.bitLength() - 1 - t;
            BigInteger sig = exactShift(m, shift, text, w, at);
            long trailing = sig.longValue() & ((1L << t) - 1);
            return ((top + bias) << t) | trailing;
        }
        // Subnormal: the value in units of 2^(emin - t).
        long shift = (emin - t) - e2;
        BigInteger sig = exactShift(m, shift, text, w, at);
        if (sig.signum() == 0) {
            throw new ParseException(at, "float '" + text + "' is too small for " + (w == 8 ? "f32" : "f64"));
        }
        return sig.longValue();
    }

    private static BigInteger exactShift(BigInteger m, long shift, String text, int w, SourceLocation at) {
        if (shift <= 0) {
            return m.shiftLeft((int) -shift);
        }
        if (shift > 4000 || m.getLowestSetBit() < shift) {
            throw new ParseException(at, "float '" + text + "' is not exact in " + (w == 8 ? "f32" : "f64"));
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
