package dev.vex.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * The flags of a memory access, written between the opcode and the address:
 * {@code load.i64 notrap aligned v0+8}. Immutable; {@link #NONE} is a plain access.
 *
 * <p>Byte order: an access is little-endian unless flagged {@code big}; {@code little} says so
 * explicitly. Both are kept as written so that printing gives back the same words.
 */
public final class MemFlags {
    /** One flag word. The order here is the order the printer writes them in. */
    public enum Flag {
        /** The access cannot trap. */ NOTRAP("notrap"),
        /** The address is aligned to the access size. */ ALIGNED("aligned"),
        /** The memory is never written while the function runs. */ READONLY("readonly"),
        /** Little-endian access. */ LITTLE("little"),
        /** Big-endian access. */ BIG("big"),
        /** The access is bounds-checked by the front end (Cranelift's {@code checked}). */ CHECKED("checked"),
        /** The load may be moved across other instructions. */ CAN_MOVE("can_move"),
        /** Alias region: heap. */ HEAP("heap"),
        /** Alias region: table. */ TABLE("table"),
        /** Alias region: the VM context. */ VMCTX("vmctx");

        private final String text;

        Flag(String text) {
            this.text = text;
        }

        /** {@code values()} once: it copies the array on every call. */
        private static final Flag[] BY_ORDINAL = values();

        /** The flag spelled {@code text}, or null. */
        public static Flag fromText(String text) {
            for (Flag f : BY_ORDINAL) {
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

    /** No flags. */
    public static final MemFlags NONE = new MemFlags(0);

    private final int bits;

    private MemFlags(int bits) {
        this.bits = bits;
    }

    /** The set of {@code flags}. */
    public static MemFlags of(Flag... flags) {
        int bits = 0;
        for (Flag f : flags) {
            bits |= 1 << f.ordinal();
        }
        return new MemFlags(bits);
    }

    /** These flags plus {@code flag}. */
    public MemFlags with(Flag flag) {
        return new MemFlags(bits | 1 << flag.ordinal());
    }

    /** Whether {@code flag} is set. */
    public boolean has(Flag flag) {
        return (bits & 1 << flag.ordinal()) != 0;
    }

    /** The access cannot trap: the address is known to be valid. */
    public boolean isNotrap() {
        return has(Flag.NOTRAP);
    }

    /** Whether the access is big-endian ({@code big}). */
    public boolean isBigEndian() {
        return has(Flag.BIG);
    }

    /** Whether no flag is set. */
    public boolean isEmpty() {
        return bits == 0;
    }

    /** The flags set, in printing order. */
    public List<Flag> flags() {
        List<Flag> out = new ArrayList<>();
        for (Flag f : Flag.values()) {
            if (has(f)) {
                out.add(f);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemFlags m && m.bits == bits;
    }

    @Override
    public int hashCode() {
        return bits;
    }

    /** The flag words separated by spaces; empty for {@link #NONE}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Flag f : flags()) {
            sb.append(sb.length() == 0 ? "" : " ").append(f);
        }
        return sb.toString();
    }
}
