package dev.vex.x64.emit;

import dev.vex.code.CodeBuffer;

/**
 * A readable listing of emitted code: per line the offset, the bytes, and what they are. Lines
 * are per machine instruction (the allocator's moves, the prologue and trap stubs each have their
 * own), with the operation and its operands at their allocated locations; block labels and
 * function names on lines of their own. Only built when asked for.
 */
public final class Listing {
    private final StringBuilder out = new StringBuilder();

    public void function(String name) {
        out.append('\n').append(name).append(":\n");
    }

    public void label(String name) {
        out.append("  ").append(name).append(":\n");
    }

    void line(CodeBuffer buf, int from, int to, String text) {
        if (from == to) {
            return;
        }
        out.append(String.format("    %06x: ", from));
        StringBuilder hex = new StringBuilder();
        for (int i = from; i < to; i++) {
            hex.append(String.format("%02x", buf.byteAt(i)));
            if (i + 1 < to) {
                hex.append(' ');
            }
        }
        out.append(String.format("%-45s ", hex)).append(text).append('\n');
    }

    public void lineOf(CodeBuffer buf, int from, int to, String text) {
        line(buf, from, to, text);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
