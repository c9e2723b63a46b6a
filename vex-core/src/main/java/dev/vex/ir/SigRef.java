package dev.vex.ir;

/**
 * A signature declared in a function's preamble, {@code sig0 = (i64) -> i64}, used by
 * {@code call_indirect}. Declaring a callee with an inline signature also declares one.
 */
public final class SigRef {
    private final int number;
    private final Signature signature;

    SigRef(int number, Signature signature) {
        this.number = number;
        this.signature = signature;
    }

    /** N in {@code sigN}. */
    public int number() {
        return number;
    }

    /** The signature referred to. */
    public Signature signature() {
        return signature;
    }

    @Override
    public String toString() {
        return "sig" + number;
    }
}
