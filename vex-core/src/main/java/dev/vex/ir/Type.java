package dev.vex.ir;

/**
 * The value types of Vex IR: the scalar core of CLIF.
 *
 * <p>Integers carry no signedness; the opcode decides how their bits are read. Addresses are
 * {@link #I64} on every 64-bit target. A value of any type is held by the interpreter as the
 * low {@link #bits()} of a {@code long}; floats as their IEEE 754 bit patterns.
 */
public enum Type {
    /** 8-bit integer. */ I8(8, false),
    /** 16-bit integer. */ I16(16, false),
    /** 32-bit integer. */ I32(32, false),
    /** 64-bit integer (also pointers on 64-bit targets). */ I64(64, false),
    /** IEEE 754 binary32. */ F32(32, true),
    /** IEEE 754 binary64. */ F64(64, true);

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

    /** All-ones in the low {@link #bits()} bits. */
    public long mask() {
        return bits == 64 ? -1L : (1L << bits) - 1;
    }

    /** The integer type of the same width as this type. */
    public Type asInt() {
        return switch (this) {
            case F32 -> I32;
            case F64 -> I64;
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
            default -> null;
        };
    }

    /** Parses a type name as written in CLIF ({@code i32}, {@code f64}); null if unknown. */
    public static Type parse(String text) {
        for (Type t : values()) {
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
