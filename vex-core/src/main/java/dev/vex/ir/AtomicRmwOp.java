package dev.vex.ir;

import java.util.HashMap;
import java.util.Map;

/** The read-modify-write operations of {@code atomic_rmw}, as CLIF spells them. */
public enum AtomicRmwOp {
    ADD("add"),
    SUB("sub"),
    AND("and"),
    NAND("nand"),
    OR("or"),
    XOR("xor"),
    /** Stores the operand; the result is the old value. */
    XCHG("xchg"),
    UMIN("umin"),
    UMAX("umax"),
    SMIN("smin"),
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
