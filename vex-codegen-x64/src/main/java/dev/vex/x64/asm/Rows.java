package dev.vex.x64.asm;

import java.util.ArrayList;
import java.util.List;

/** Gathers a family's row arrays into one list for {@link EncodingTable}. */
final class Rows {
    private Rows() {
    }

    /** The rows of {@code groups} in order, skipping the holes of per-width arrays. */
    static List<Encoding> concat(Encoding[]... groups) {
        List<Encoding> all = new ArrayList<>();
        for (Encoding[] g : groups) {
            for (Encoding f : g) {
                if (f != null) {
                    all.add(f);
                }
            }
        }
        return all;
    }
}
