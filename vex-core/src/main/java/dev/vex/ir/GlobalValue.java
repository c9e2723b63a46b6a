package dev.vex.ir;

import java.util.Objects;

/**
 * A global value declaration of a function's preamble, in the two forms Vex reads:
 * {@code gv0 = vmctx} (the function's {@code vmctx} parameter) and
 * {@code gv1 = load.i64 notrap aligned gv0+8} (a value loaded through another global value).
 * No instruction of Vex's subset reads one yet ({@code global_value} is not supported); the
 * declarations are kept so that a function written with them reads, runs and prints back.
 */
public final class GlobalValue {
    /** How the value is obtained. */
    public enum Kind {
        /** The {@code vmctx} parameter itself. */
        VMCTX,
        /** A load through another global value, at an offset. */
        LOAD
    }

    private final int number;
    private final Kind kind;
    private final Type type;
    private final MemFlags flags;
    private final GlobalValue base;
    private final int offset;

    GlobalValue(int number, Kind kind, Type type, MemFlags flags, GlobalValue base, int offset) {
        this.number = number;
        this.kind = Objects.requireNonNull(kind);
        this.type = type;
        this.flags = flags;
        this.base = base;
        this.offset = offset;
    }

    /** N of {@code gvN}. */
    public int number() {
        return number;
    }

    /** How the value is obtained. */
    public Kind kind() {
        return kind;
    }

    /** The loaded type of a {@link Kind#LOAD}; null for {@link Kind#VMCTX}. */
    public Type type() {
        return type;
    }

    /** The flags of a {@link Kind#LOAD}; null for {@link Kind#VMCTX}. */
    public MemFlags flags() {
        return flags;
    }

    /** The global value loaded through; null for {@link Kind#VMCTX}. */
    public GlobalValue base() {
        return base;
    }

    /** The byte offset of a {@link Kind#LOAD} from its base. */
    public int offset() {
        return offset;
    }

    /** The right-hand side as CLIF writes it: {@code vmctx}, {@code load.i64 notrap gv0+8}. */
    public String definition() {
        if (kind == Kind.VMCTX) {
            return "vmctx";
        }
        String f = flags.isEmpty() ? "" : " " + flags;
        return "load." + type + f + " " + base + (offset >= 0 ? "+" : "") + offset;
    }

    @Override
    public String toString() {
        return "gv" + number;
    }
}
