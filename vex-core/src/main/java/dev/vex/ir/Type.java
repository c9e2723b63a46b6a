package dev.vex.ir;

/**
 * The value types of Vex IR: the scalar types of CLIF.
 *
 * <p>Integers carry no signedness; the opcode decides how their bits are read. Addresses are
 * {@link #I64} on every 64-bit target. A value of up to 64 bits is held as the low
 * {@link #bits()} of a {@code long}; floats as their IEEE 754 bit patterns. A 128-bit value
 * ({@link #I128}, {@link #F128}) is held as two {@code long}s, the low half first (see
 * {@link #isWide()}); wherever values are passed as a {@code long[]} (run lines, an engine's
 * arguments and results) it takes two consecutive entries.
 */
public enum Type {
    /** 8-bit integer. */ I8(8, false),
    /** 16-bit integer. */ I16(16, false),
    /** 32-bit integer. */ I32(32, false),
    /** 64-bit integer (also pointers on 64-bit targets). */ I64(64, false),
    /** 128-bit integer, held as two longs. */ I128(128, false),
    /** IEEE 754 binary16. */ F16(16, true),
    /** IEEE 754 binary32. */ F32(32, true),
    /** IEEE 754 binary64. */ F64(64, true),
    /** IEEE 754 binary128, held as two longs. */ F128(128, true);

    private final int bits;
    private final boolean isFloat;
    private final String text;

    Type(int bits, boolean isFloat) {
        this.bits = bits;
        this.isFloat = isFloat;
        this.text = name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The width in bits. */
    public int bits() {
        return bits;
    }

    /** The width in bytes. */
    public int bytes() {
        return bits >>> 3;
    }

    /** Whether it is an integer type. */
    public boolean isInt() {
        return !isFloat;
    }

    /** Whether it is a float type. */
    public boolean isFloat() {
        return isFloat;
    }

    /** All-ones in the low {@link #bits()} bits; for a wide type, of its low half. */
    public long mask() {
        return bits >= 64 ? -1L : (1L << bits) - 1;
    }

    /** Whether a value of this type takes two {@code long}s: 128 bits. */
    public boolean isWide() {
        return bits == 128;
    }

    /** How many {@code long}s a value of this type takes: 1, or 2 for a wide type. */
    public int longs() {
        return bits == 128 ? 2 : 1;
    }

    /** The integer type of the same width as this type. */
    public Type asInt() {
        return switch (this) {
            case F16 -> I16;
            case F32 -> I32;
            case F64 -> I64;
            case F128 -> I128;
            default -> this;
        };
    }

    /** The integer type of {@code bits} bits, or null if there is none. */
    public static Type intOfBits(int bits) {
        return switch (bits) {
            case 8 -> I8;
            case 16 -> I16;
            case 32 -> I32;
            case 64 -> I64;
            case 128 -> I128;
            default -> null;
        };
    }

    /** {@code values()} once: it copies the array on every call. */
    private static final Type[] BY_ORDINAL = values();

    /** Parses a type name as written in CLIF ({@code i32}, {@code f64}); null if unknown. */
    public static Type parse(String text) {
        for (Type t : BY_ORDINAL) {
            if (t.text.equals(text)) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
