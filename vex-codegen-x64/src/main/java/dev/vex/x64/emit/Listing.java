package dev.vex.x64.emit;

import java.util.ArrayList;
import java.util.List;

/**
 * A readable listing of emitted code: per line the offset, the bytes, and what they are. Lines
 * are per machine instruction (the allocator's moves, the prologue and trap stubs each have their
 * own), with the operation and its operands at their allocated locations; block labels and
 * function names on lines of their own. Lines are collected while emitting and rendered from
 * the finished code, so branch displacements show their final values. Only built when asked for.
 */
public final class Listing {
    private final List<Object> entries = new ArrayList<>();

    private record Line(int from, int to, String text) {}

    public void function(String name) {
        entries.add("\n" + name + ":");
    }

    public void label(String name) {
        entries.add("  " + name + ":");
    }

    /** A line for the bytes {@code [from, to)}; nothing if the range is empty. */
    public void line(int from, int to, String text) {
        if (from != to) {
            entries.add(new Line(from, to, text));
        }
    }

    /** The listing, with bytes from the finished {@code code}. */
    public String render(byte[] code) {
        StringBuilder out = new StringBuilder();
        for (Object e : entries) {
            if (e instanceof Line l) {
                StringBuilder hex = new StringBuilder();
                for (int i = l.from(); i < l.to(); i++) {
                    hex.append(String.format("%02x", code[i] & 0xff));
                    if (i + 1 < l.to()) {
                        hex.append(' ');
                    }
                }
                out.append(String.format("    %06x: %-45s %s%n", l.from(), hex, l.text()));
            } else {
                out.append(e).append('\n');
            }
        }
        return out.toString();
    }
}
