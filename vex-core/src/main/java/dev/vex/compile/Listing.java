package dev.vex.compile;

import java.util.ArrayList;
import java.util.List;

/**
 * A readable listing of emitted code: one line per machine instruction with its offset, bytes
 * and text (from the target's {@link Disassembler}), data (descriptors) as bytes; the first instruction of each machine
 * instruction (or allocator move, prologue, stub) carries a comment with its operands at their
 * allocated locations; block labels and function names on lines of their own. Lines are
 * collected while emitting and rendered from the finished code, so branch displacements show
 * their final values. Only built when asked for.
 */
public final class Listing {
    private final List<Object> entries = new ArrayList<>();

    private record Line(int from, int to, String text, boolean data) {}

    /** Bytes per line of a data entry. */
    private static final int DATA_BYTES_PER_LINE = 8;

    public void function(String name) {
        entries.add("\n" + name + ":");
    }

    public void label(String name) {
        entries.add("  " + name + ":");
    }

    /** A line for the bytes {@code [from, to)}; nothing if the range is empty. */
    public void line(int from, int to, String text) {
        if (from != to) {
            entries.add(new Line(from, to, text, false));
        }
    }

    /** A line for data in {@code [from, to)}: shown as bytes, never decoded as instructions. */
    public void data(int from, int to, String text) {
        if (from != to) {
            entries.add(new Line(from, to, text, true));
        }
    }

    /** The listing, with bytes from the finished {@code code}. */
    public String render(byte[] code, Disassembler disassembler) {
        StringBuilder out = new StringBuilder();
        for (Object e : entries) {
            if (e instanceof Line l) {
                boolean first = true;
                for (int at = l.from(); at < l.to(); ) {
                    StringBuilder text = new StringBuilder();
                    int n;
                    if (l.data()) {
                        n = Math.min(DATA_BYTES_PER_LINE, l.to() - at);
                        text.append(".data");
                    } else {
                        n = Math.min(Math.max(1, disassembler.decode(code, at, text)), l.to() - at);
                    }
                    StringBuilder hex = new StringBuilder();
                    for (int i = at; i < at + n; i++) {
                        hex.append(String.format("%02x", code[i] & 0xff));
                        if (i + 1 < at + n) {
                            hex.append(' ');
                        }
                    }
                    String line = String.format("    %06x: %-30s %-40s", at, hex, text);
                    out.append(first ? line + " ; " + l.text() : line.stripTrailing()).append('\n');
                    first = false;
                    at += n;
                }
            } else {
                out.append(e).append('\n');
            }
        }
        return out.toString();
    }
}
