package dev.vex.x64.asm;

import java.util.ArrayList;
import java.util.List;

/** Gathers a family's rows into one list for {@link EncodingTable}. */
final class Rows {
    private Rows() {
    }

    /** The rows of {@code groups} in order. */
    static List<Encoding> concat(Widths... groups) {
        List<Encoding> all = new ArrayList<>();
        for (Widths g : groups) {
            all.addAll(g.rows());
        }
        return all;
    }

    /** The rows of {@code rows} in order, skipping nulls. */
    static List<Encoding> of(Encoding... rows) {
        List<Encoding> all = new ArrayList<>();
        for (Encoding f : rows) {
            if (f != null) {
                all.add(f);
            }
        }
        return all;
    }
}
