package dev.vex.ir;

import java.util.Objects;

/**
 * Why generated code trapped. The built-in codes are Cranelift's; {@code userN} codes are the
 * front end's own, with N from 1 to 255.
 */
public final class TrapCode {
    /** {@code stk_ovf}: the stack limit was reached. */
    public static final TrapCode STACK_OVERFLOW = new TrapCode("stk_ovf", 0);
    /** {@code heap_oob}: a heap access out of bounds. */
    public static final TrapCode HEAP_OUT_OF_BOUNDS = new TrapCode("heap_oob", 0);
    /** {@code int_ovf}: integer overflow (signed division of the minimum by -1, a checked add). */
    public static final TrapCode INTEGER_OVERFLOW = new TrapCode("int_ovf", 0);
    /** {@code int_divz}: integer division or remainder by zero. */
    public static final TrapCode INTEGER_DIVISION_BY_ZERO = new TrapCode("int_divz", 0);
    /** {@code bad_toint}: a float to integer conversion of NaN or out of range. */
    public static final TrapCode BAD_CONVERSION_TO_INTEGER = new TrapCode("bad_toint", 0);
    /** {@code unreachable}: code the front end declared unreachable was reached. */
    public static final TrapCode UNREACHABLE = new TrapCode("unreachable", 0);

    private static final TrapCode[] BUILT_IN = {
        STACK_OVERFLOW, HEAP_OUT_OF_BOUNDS, INTEGER_OVERFLOW, INTEGER_DIVISION_BY_ZERO,
        BAD_CONVERSION_TO_INTEGER, UNREACHABLE
    };

    private final String text;
    private final int user;

    private TrapCode(String text, int user) {
        this.text = text;
        this.user = user;
    }

    /** A front end's own trap code, {@code user1} to {@code user255}. */
    public static TrapCode user(int n) {
        if (n < 1 || n > 255) {
            throw new IllegalArgumentException("user trap codes run from 1 to 255, not " + n);
        }
        return new TrapCode("user" + n, n);
    }

    /** The code spelled {@code text}, or null if there is none. */
    public static TrapCode fromText(String text) {
        for (TrapCode code : BUILT_IN) {
            if (code.text.equals(text)) {
                return code;
            }
        }
        if (text.startsWith("user") && text.length() > 4 && text.length() <= 7) {
            String digits = text.substring(4);
            if (digits.chars().allMatch(Character::isDigit) && digits.charAt(0) != '0') {
                int n = Integer.parseInt(digits);
                return n <= 255 ? user(n) : null;
            }
        }
        return null;
    }

    /**
     * The code as a number, as generated code passes it to the runtime's trap exit: 1 to 6 for
     * the built-in codes in the order declared above, 256 + N for {@code userN}.
     */
    public int number() {
        if (user != 0) {
            return 256 + user;
        }
        for (int i = 0; i < BUILT_IN.length; i++) {
            if (BUILT_IN[i] == this || BUILT_IN[i].text.equals(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    /** The code whose {@link #number()} is {@code n}, or null if there is none. */
    public static TrapCode fromNumber(int n) {
        if (n >= 1 && n <= BUILT_IN.length) {
            return BUILT_IN[n - 1];
        }
        return n > 256 && n <= 256 + 255 ? user(n - 256) : null;
    }

    /** The user number, or 0 for a built-in code. */
    public int userNumber() {
        return user;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrapCode other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
