package dev.vex.ir;

import java.util.HashMap;
import java.util.Map;

/** The read-modify-write operations of {@code atomic_rmw}, as CLIF spells them. */
public enum AtomicRmwOp {
    /** Adds the operand; the result is the old value. */
    ADD("add"),
    /** Subtracts the operand; the result is the old value. */
    SUB("sub"),
    /** Ands the operand in; the result is the old value. */
    AND("and"),
    /** Stores the complement of the and; the result is the old value. */
    NAND("nand"),
    /** Ors the operand in; the result is the old value. */
    OR("or"),
    /** Exclusive-ors the operand in; the result is the old value. */
    XOR("xor"),
    /** Stores the operand; the result is the old value. */
    XCHG("xchg"),
    /** Stores the unsigned minimum; the result is the old value. */
    UMIN("umin"),
    /** Stores the unsigned maximum; the result is the old value. */
    UMAX("umax"),
    /** Stores the signed minimum; the result is the old value. */
    SMIN("smin"),
    /** Stores the signed maximum; the result is the old value. */
    SMAX("smax");

    private static final Map<String, AtomicRmwOp> BY_NAME = new HashMap<>();

    static {
        for (AtomicRmwOp op : values()) {
            BY_NAME.put(op.text, op);
        }
    }

    private final String text;

    AtomicRmwOp(String text) {
        this.text = text;
    }

    /** The operation spelled {@code text}, or null. */
    public static AtomicRmwOp fromText(String text) {
        return BY_NAME.get(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
