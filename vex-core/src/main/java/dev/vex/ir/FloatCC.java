package dev.vex.ir;

/**
 * Floating-point comparison conditions, spelled as in CLIF's {@code fcmp}.
 *
 * <p>Each is a set of the four exclusive outcomes of an IEEE 754 comparison: less, equal,
 * greater and unordered (a NaN operand). The condition holds when the outcome is in its set.
 */
public enum FloatCC {
    ORD("ord", false, false, false, false, true),
    UNO("uno", true, false, false, false, false),
    EQ("eq", false, false, true, false, false),
    NE("ne", true, true, false, true, false),
    ONE("one", false, true, false, true, false),
    UEQ("ueq", true, false, true, false, false),
    LT("lt", false, true, false, false, false),
    LE("le", false, true, true, false, false),
    GT("gt", false, false, false, true, false),
    GE("ge", false, false, true, true, false),
    ULT("ult", true, true, false, false, false),
    ULE("ule", true, true, true, false, false),
    UGT("ugt", true, false, false, true, false),
    UGE("uge", true, false, true, true, false);

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

    /** The condition spelled {@code text}, or null. */
    public static FloatCC fromText(String text) {
        for (FloatCC cc : values()) {
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

    public boolean includesUnordered() {
        return unordered;
    }

    public boolean includesLess() {
        return less;
    }

    public boolean includesEqual() {
        return equal;
    }

    public boolean includesGreater() {
        return greater;
    }

    @Override
    public String toString() {
        return text;
    }
}
