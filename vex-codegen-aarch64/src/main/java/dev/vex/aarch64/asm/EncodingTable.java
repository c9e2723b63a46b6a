package dev.vex.aarch64.asm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every row of every instruction family, in one list: what the disassembler matches words
 * against and what the encoding matrix walks. Families whose rows are access kinds (loads and
 * stores) contribute one row per addressing form.
 */
public final class EncodingTable {
    /** The single-form families, each an enum of rows. */
    public static final List<Class<? extends Row>> FAMILIES = List.of(AddSub.class, Logical.class, MoveWide.class,
            Bitfield.class, CondSelect.class, CondCompare.class, DataProc2.class, DataProc1.class, Multiply.class, Branch.class,
            LoadLiteral.class, Ordered.class, Atomic.class, FpArith.class, FpCompare.class, FpConvert.class, Simd.class, SystemOp.class);

    private static final List<Encoding> ALL = build();

    private EncodingTable() {
    }

    private static List<Encoding> build() {
        List<Encoding> all = new ArrayList<>();
        for (Class<? extends Row> family : FAMILIES) {
            for (Row r : family.getEnumConstants()) {
                all.add(r.encoding());
            }
        }
        for (LoadStore k : LoadStore.values()) {
            Collections.addAll(all, k.encodings());
        }
        for (LoadStorePair k : LoadStorePair.values()) {
            Collections.addAll(all, k.encodings());
        }
        return Collections.unmodifiableList(all);
    }

    /** Every row. */
    public static List<Encoding> all() {
        return ALL;
    }
}
