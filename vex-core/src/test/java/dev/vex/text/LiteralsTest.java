package dev.vex.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.diag.SourceLocation;
import dev.vex.ir.IeeeFormat;
import dev.vex.ir.Type;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LiteralsTest {
    private static final SourceLocation AT = new SourceLocation("n.clif", 1, 1);

    private static long f32(String text) {
        return Literals.floatBits(text, Type.F32, AT);
    }

    private static long f64(String text) {
        return Literals.floatBits(text, Type.F64, AT);
    }

    private static long bits(float f) {
        return Float.floatToRawIntBits(f) & 0xFFFF_FFFFL;
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    @Test
    void integersOnBothSidesOfTheShortPathAgreeWithBigInteger() {
        // The short path reads up to 18 decimal or 15 hex digits; longer ones take BigInteger.
        String[] texts = {"0", "-0", "+12", "-12", "007", "999999999999999999", "-999999999999999999",
                "1000000000000000000", "9223372036854775807", "-9223372036854775808", "18446744073709551615",
                "0x0", "0xfffffffffffffff", "-0xfffffffffffffff", "0xFFFFFFFFFFFFFFFF", "0X10", "+0x7f",
                "0x8000000000000000", "-0x8000000000000000", "1_000", "0xff_ff", "0x000000000000000001"};
        for (String t : texts) {
            boolean neg = t.startsWith("-");
            String body = t.replaceFirst("^[+-]", "").replace("_", "");
            java.math.BigInteger v = body.startsWith("0x") || body.startsWith("0X")
                    ? new java.math.BigInteger(body.substring(2), 16) : new java.math.BigInteger(body);
            assertEquals((neg ? v.negate() : v).longValue(), Literals.integer(t, AT), t);
        }
        for (String bad : new String[] {"", "-", "0x", "-0x", "12a", "0xg", "_1", "1e5", "18446744073709551616",
                "0x1ffffffffffffffff"}) {
            assertThrows(ParseException.class, () -> Literals.integer(bad, AT), bad);
        }
    }

    @Test
    void hexFloatsAreExact() {
        assertEquals(bits(12.0f), f32("0x1.8p3"));
        assertEquals(bits(12.0), f64("0x1.8p3"));
        assertEquals(bits(3.125f), f32("0x3.2"), "a mantissa of any size");
        assertEquals(bits(90.0f), f32("0x1.680000p6"));
        assertEquals(bits(-1.0), f64("-0x1.0"));
        assertEquals(bits(1.0), f64("+0x1p0"));
        assertEquals(bits(-0.0f), f32("-0x0.0"));
        assertEquals(0L, f64("0x0.0"));
        assertEquals(bits(Double.MIN_NORMAL), f64("0x1.0p-1022"));
        assertEquals(bits(Double.MIN_VALUE), f64("0x0.0000000000001p-1022"));
        assertEquals(bits(Double.MIN_VALUE), f64("0x1p-1074"));
        assertEquals(bits(Float.MIN_VALUE), f32("0x0.000002p-126"));
        assertEquals(127L, f32("0x0.0000fep-126"));
        assertEquals(127L, f64("0x0.000000000007fp-1022"));
        assertEquals(bits(Float.MAX_VALUE), f32("0x1.fffffep127"));
        assertEquals(bits(0.5), f64("0x1_0.0p-5"));
    }

    @Test
    void specialValues() {
        assertEquals(0x7f80_0000L, f32("Inf"));
        assertEquals(0x7f80_0000L, f32("+Inf"));
        assertEquals(0xff80_0000L, f32("-Inf"));
        assertEquals(0xfff0_0000_0000_0000L, f64("-Inf"));
        assertEquals(0x7fc0_0000L, f32("NaN"));
        assertEquals(0x7fc0_0000L, f32("+NaN"));
        assertEquals(0x7fc0_0001L, f32("NaN:0x1"));
        assertEquals(0xffff_ffffL, f32("-NaN:0x3fffff"));
        assertEquals(0x7f80_0001L, f32("sNaN:0x1"));
        assertEquals(-1L, f64("-NaN:0x7ffffffffffff"));
        assertEquals(0x7ff0_0000_0000_0001L, f64("+sNaN:0x1"));
    }

    @Test
    void decimalFloats() {
        assertEquals(0L, f32("0.0"));
        assertEquals(bits(-0.0), f64("-0.0"));
        assertEquals(bits(1.5f), f32("1.5"));
        assertEquals(bits(1e10), f64("1e10"));
        assertEquals(bits(0.1), f64("0.1"), "decimal is rounded to nearest, as Java does");
    }

    @Test
    void badFloatsAreParseErrors() {
        String[] bad = {"0x1.0000001p0", "0x1p128", "0x1p-150", "NaN:0x400000", "sNaN:0x0", "NaN:1", "0x", "0x1.8p",
            "0xg", "1e99", "Infinity", "0x1.0p99999999999", "--1.0", "0x1..0", "0x0.8p-149"};
        for (String s : bad) {
            ParseException e = assertThrows(ParseException.class, () -> f32(s), s);
            assertTrue(e.getMessage().startsWith("n.clif:1:1: "), e.getMessage());
        }
        assertThrows(ParseException.class, () -> f64("0x1p1024"));
        assertThrows(ParseException.class, () -> f64("1e999"));
    }

    @Test
    void printingAndReadingAreInverse() {
        assertEquals("0x1.800000p3", IeeeFormat.f32((int) bits(12.0f)));
        assertEquals("0x1.8000000000000p3", IeeeFormat.f64(bits(12.0)));
        assertEquals("0x0.000002p-126", IeeeFormat.f32((int) bits(Float.MIN_VALUE)));
        assertEquals("0x0.0000000000001p-1022", IeeeFormat.f64(bits(Double.MIN_VALUE)));
        assertEquals("-0.0", IeeeFormat.f32((int) bits(-0.0f)));
        assertEquals("0.0", IeeeFormat.f64(0));
        assertEquals("+Inf", IeeeFormat.f32(0x7f80_0000));
        assertEquals("-Inf", IeeeFormat.f64(bits(Double.NEGATIVE_INFINITY)));
        assertEquals("+NaN", IeeeFormat.f32(0x7fc0_0000));
        assertEquals("-NaN:0x3fffff", IeeeFormat.f32(0xffff_ffff));
        assertEquals("+sNaN:0x1", IeeeFormat.f64(0x7ff0_0000_0000_0001L));
        Random rnd = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            int b32 = rnd.nextInt();
            assertEquals(b32 & 0xFFFF_FFFFL, f32(IeeeFormat.f32(b32)), IeeeFormat.f32(b32));
            long b64 = rnd.nextLong();
            assertEquals(b64, f64(IeeeFormat.f64(b64)), IeeeFormat.f64(b64));
        }
    }

    @Test
    void integers() {
        assertEquals(-1L, Literals.integer("0xffff_ffff_ffff_ffff", AT));
        assertEquals(-1L, Literals.integer("18446744073709551615", AT));
        assertEquals(Long.MIN_VALUE, Literals.integer("-9223372036854775808", AT));
        assertEquals(-16L, Literals.integer("-0x10", AT));
        assertEquals(0xffL, Literals.integerOfType("-1", Type.I8, AT));
        assertEquals(0xffL, Literals.integerOfType("255", Type.I8, AT));
        assertEquals(0x8000L, Literals.integerOfType("-32768", Type.I16, AT));
        assertEquals(0xffff_fffdL, Literals.integerOfType("0xffff_fffd", Type.I32, AT));
        for (String s : new String[] {"18446744073709551616", "-9223372036854775809", "0x1_0000_0000_0000_0000", "1x",
            "_1", "0x", "", "-"}) {
            assertThrows(ParseException.class, () -> Literals.integer(s, AT), s);
        }
        assertThrows(ParseException.class, () -> Literals.integerOfType("256", Type.I8, AT));
        assertThrows(ParseException.class, () -> Literals.integerOfType("-129", Type.I8, AT));
        assertThrows(ParseException.class, () -> Literals.integerOfType("0x100", Type.I8, AT));
    }
}
