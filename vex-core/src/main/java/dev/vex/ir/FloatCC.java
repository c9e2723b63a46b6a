package dev.vex.ir;

/**
 * Floating-point comparison conditions, spelled as in CLIF's {@code fcmp}.
 *
 * <p>Each is a set of the four exclusive outcomes of an IEEE 754 comparison: less, equal,
 * greater and unordered (a NaN operand). The condition holds when the outcome is in its set.
 */
public enum FloatCC {
    /** Ordered: neither operand is NaN. */ ORD("ord", false, false, false, false, true),
    /** Unordered: either operand is NaN. */ UNO("uno", true, false, false, false, false),
    /** Ordered and equal. */ EQ("eq", false, false, true, false, false),
    /** Unordered or not equal. */ NE("ne", true, true, false, true, false),
    /** Ordered and not equal. */ ONE("one", false, true, false, true, false),
    /** Unordered or equal. */ UEQ("ueq", true, false, true, false, false),
    /** Ordered and less than. */ LT("lt", false, true, false, false, false),
    /** Ordered and less than or equal. */ LE("le", false, true, true, false, false),
    /** Ordered and greater than. */ GT("gt", false, false, false, true, false),
    /** Ordered and greater than or equal. */ GE("ge", false, false, true, true, false),
    /** Unordered or less than. */ ULT("ult", true, true, false, false, false),
    /** Unordered or less than or equal. */ ULE("ule", true, true, true, false, false),
    /** Unordered or greater than. */ UGT("ugt", true, false, false, true, false),
    /** Unordered or greater than or equal. */ UGE("uge", true, false, true, true, false);

    private final String text;
    private final boolean unordered;
    private final boolean less;
    private final boolean equal;
    private final boolean greater;

    /** {@code ordOnly} marks {@link #ORD}, whose set is {less, equal, greater}. */
    FloatCC(String text, boolean unordered, boolean less, boolean equal, boolean greater, boolean ordOnly) {
        this.text = text;
        this.unordered = unordered;
        this.less = less || ordOnly;
        this.equal = equal || ordOnly;
        this.greater = greater || ordOnly;
    }

    /** {@code values()} once: it copies the array on every call. */
    private static final FloatCC[] BY_ORDINAL = values();

    /** The condition spelled {@code text}, or null. */
    public static FloatCC fromText(String text) {
        for (FloatCC cc : BY_ORDINAL) {
            if (cc.text.equals(text)) {
                return cc;
            }
        }
        return null;
    }

    /** Whether the condition holds for the outcome of comparing {@code a} with {@code b}. */
    public boolean holds(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return unordered;
        }
        return a < b ? less : a > b ? greater : equal;
    }

    /** Whether the condition holds when either operand is NaN. */
    public boolean includesUnordered() {
        return unordered;
    }

    /** Whether it holds when {@code x < y}. */
    public boolean includesLess() {
        return less;
    }

    /** Whether it holds when {@code x == y}. */
    public boolean includesEqual() {
        return equal;
    }

    /** Whether it holds when {@code x > y}. */
    public boolean includesGreater() {
        return greater;
    }

    @Override
    public String toString() {
        return text;
    }
}
