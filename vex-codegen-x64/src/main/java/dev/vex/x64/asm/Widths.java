package dev.vex.x64.asm;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one form at each operand width (8, 16, 32 and 64 bits; null where the form has no
 * such width), and the choice among them. A record, so that the JIT may treat a constant one's
 * rows as constants: picking a row costs a compare, not an array lookup.
 */
record Widths(Encoding b, Encoding w, Encoding d, Encoding q) {
    /** The row for operands of {@code bits}. */
    Encoding of(int bits) {
        return bits == 64 ? q : bits == 32 ? d : bits == 16 ? w : b;
    }

    /** The rows, narrowest first. */
    List<Encoding> rows() {
        List<Encoding> all = new ArrayList<>(4);
        for (Encoding e : new Encoding[] {b, w, d, q}) {
            if (e != null) {
                all.add(e);
            }
        }
        return all;
    }
}
