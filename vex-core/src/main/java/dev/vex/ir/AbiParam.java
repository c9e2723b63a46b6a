package dev.vex.ir;

import java.util.EnumSet;
import java.util.Set;

/** One parameter or result of a {@link Signature}: a type and its {@link ParamFlag}s. Immutable. */
public final class AbiParam {
    private final Type type;
    private final int flags;

    private AbiParam(Type type, int flags) {
        if (type == null) {
            throw new IrBuildException("an AbiParam needs a type");
        }
        this.type = type;
        this.flags = flags;
    }

    /** A parameter of {@code type} with no flags. */
    public static AbiParam of(Type type) {
        return new AbiParam(type, 0);
    }

    /** A parameter of {@code type} with the given flags. */
    public static AbiParam of(Type type, ParamFlag... flags) {
        int bits = 0;
        for (ParamFlag f : flags) {
            bits |= 1 << f.ordinal();
        }
        return new AbiParam(type, bits);
    }

    /** This parameter with {@code flag} added. */
    public AbiParam with(ParamFlag flag) {
        return new AbiParam(type, flags | 1 << flag.ordinal());
    }

    /** The value type. */
    public Type type() {
        return type;
    }

    /** Whether the parameter carries {@code flag}. */
    public boolean has(ParamFlag flag) {
        return (flags & 1 << flag.ordinal()) != 0;
    }

    /** Whether this is a borrowed pointer, shared or mutable. */
    public boolean isBorrow() {
        return has(ParamFlag.BORROW) || has(ParamFlag.BORROW_MUT);
    }

    /** The flags, in declaration order of {@link ParamFlag}. */
    public Set<ParamFlag> flags() {
        EnumSet<ParamFlag> set = EnumSet.noneOf(ParamFlag.class);
        for (ParamFlag f : ParamFlag.values()) {
            if (has(f)) {
                set.add(f);
            }
        }
        return set;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AbiParam p && p.type == type && p.flags == flags;
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + flags;
    }

    /** As written in CLIF: {@code i64 borrow}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(type.toString());
        for (ParamFlag f : ParamFlag.values()) {
            if (has(f)) {
                sb.append(' ').append(f);
            }
        }
        return sb.toString();
    }
}
