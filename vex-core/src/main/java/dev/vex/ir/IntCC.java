package dev.vex.ir;

/** Integer comparison conditions, spelled as in CLIF's {@code icmp}. */
public enum IntCC {
    /** Equal. */ EQ("eq"),
    /** Not equal. */ NE("ne"),
    /** Signed less than. */ SLT("slt"),
    /** Signed greater than or equal. */ SGE("sge"),
    /** Signed greater than. */ SGT("sgt"),
    /** Signed less than or equal. */ SLE("sle"),
    /** Unsigned less than. */ ULT("ult"),
    /** Unsigned greater than or equal. */ UGE("uge"),
    /** Unsigned greater than. */ UGT("ugt"),
    /** Unsigned less than or equal. */ ULE("ule");

    private final String text;

    IntCC(String text) {
        this.text = text;
    }

    /** {@code values()} once: it copies the array on every call. */
    private static final IntCC[] BY_ORDINAL = values();

    /** The condition spelled {@code text}, or null. */
    public static IntCC fromText(String text) {
        for (IntCC cc : BY_ORDINAL) {
            if (cc.text.equals(text)) {
                return cc;
            }
        }
        return null;
    }

    /** The condition that holds exactly when this one does not. */
    public IntCC inverse() {
        return switch (this) {
            case EQ -> NE;
            case NE -> EQ;
            case SLT -> SGE;
            case SGE -> SLT;
            case SGT -> SLE;
            case SLE -> SGT;
            case ULT -> UGE;
            case UGE -> ULT;
            case UGT -> ULE;
            case ULE -> UGT;
        };
    }

    /** The condition with the operands exchanged: {@code a < b} is {@code b > a}. */
    public IntCC swapped() {
        return switch (this) {
            case EQ, NE -> this;
            case SLT -> SGT;
            case SGE -> SLE;
            case SGT -> SLT;
            case SLE -> SGE;
            case ULT -> UGT;
            case UGE -> ULE;
            case UGT -> ULT;
            case ULE -> UGE;
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
