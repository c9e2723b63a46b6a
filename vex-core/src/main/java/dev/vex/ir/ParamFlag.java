package dev.vex.ir;

/**
 * A flag on a signature's parameter or result, written after its type: {@code i32 uext},
 * {@code i64 borrow}. {@link #UEXT} and {@link #SEXT} are Cranelift's argument extensions; the
 * others are Vex's ownership flags (ASYNC-IR.md), which the suspension-safety check reads.
 */
public enum ParamFlag {
    /** Zero-extended to a full register by the caller (for a parameter) or callee (a result). */
    UEXT("uext"),
    /** Sign-extended to a full register. */
    SEXT("sext"),
    /** A pointer borrowed from the caller: it and anything derived from it may not outlive an await. */
    BORROW("borrow"),
    /** A mutably borrowed pointer: the same rule as {@link #BORROW}. */
    BORROW_MUT("borrow_mut"),
    /** A result that stands for a held lock: it may not be live across an await. */
    GUARD("guard"),
    /** Cranelift's {@code vmctx} purpose: the context pointer a {@code gvN = vmctx} global value names. */
    VMCTX("vmctx");

    private final String text;

    ParamFlag(String text) {
        this.text = text;
    }

    /** {@code values()} once: it copies the array on every call. */
    private static final ParamFlag[] BY_ORDINAL = values();

    /** The flag spelled {@code text}, or null. */
    public static ParamFlag fromText(String text) {
        for (ParamFlag f : BY_ORDINAL) {
            if (f.text.equals(text)) {
                return f;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
