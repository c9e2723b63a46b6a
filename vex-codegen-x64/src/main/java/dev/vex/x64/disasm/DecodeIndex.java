package dev.vex.x64.disasm;

import dev.vex.x64.asm.Encoding;
import dev.vex.x64.asm.EncodingTable;
import dev.vex.x64.asm.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * The assembler's {@link EncodingTable} rows arranged for decoding: by opcode space (one-byte,
 * 0F, 0F 38, 0F 3A; VEX maps 0F, 0F 38, 0F 3A) and last opcode byte, the rows that may match,
 * in table order. An O form (register in the opcode's low bits) is filed under all eight bytes.
 */
final class DecodeIndex {
    /** Spaces 0..3 are the legacy maps, 4 + mmmmm the VEX maps. */
    static final int SPACES = 8;
    private static final Encoding[] NONE = new Encoding[0];
    private static final Encoding[][] BY_KEY = build();

    private DecodeIndex() {
    }

    static int key(int space, int opcodeByte) {
        return space << 8 | opcodeByte;
    }

    private static Encoding[][] build() {
        List<List<Encoding>> lists = new ArrayList<>();
        for (int i = 0; i < SPACES * 256; i++) {
            lists.add(new ArrayList<>());
        }
        for (Encoding f : EncodingTable.all()) {
            int space = f.vex() ? 4 + f.map() : f.map();
            boolean opcodeReg = f.format().slots.contains(Format.Slot.OPCODE_REG);
            for (int r = 0; r < (opcodeReg ? 8 : 1); r++) {
                lists.get(key(space, f.decodeByte() + r)).add(f);
            }
        }
        Encoding[][] index = new Encoding[lists.size()][];
        for (int i = 0; i < index.length; i++) {
            index[i] = lists.get(i).isEmpty() ? NONE : lists.get(i).toArray(NONE);
        }
        return index;
    }

    /** The rows filed under this space and opcode byte. */
    static Encoding[] candidates(int space, int opcodeByte) {
        return BY_KEY[key(space, opcodeByte)];
    }
}
