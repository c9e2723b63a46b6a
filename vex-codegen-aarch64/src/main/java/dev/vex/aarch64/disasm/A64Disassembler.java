package dev.vex.aarch64.disasm;

import dev.vex.aarch64.asm.Encoding;
import dev.vex.aarch64.asm.EncodingTable;
import dev.vex.aarch64.asm.LoadStore;
import dev.vex.aarch64.asm.LoadStorePair;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes A64 instruction words into objdump-style text. A word is matched against the rows of
 * the encoding table (the first row whose fixed bits it has) and printed by {@link FormPrinter}
 * according to the row's form; a word no row matches prints as {@code .inst 0x........}.
 */
public final class A64Disassembler {
    private static final List<Encoding> ROWS = EncodingTable.all();
    private static final Map<Encoding, LoadStore> LOAD_STORE_KIND = new IdentityHashMap<>();
    private static final Map<Encoding, LoadStorePair> PAIR_KIND = new IdentityHashMap<>();

    static {
        for (LoadStore k : LoadStore.values()) {
            for (Encoding e : k.encodings()) {
                LOAD_STORE_KIND.put(e, k);
            }
        }
        for (LoadStorePair k : LoadStorePair.values()) {
            for (Encoding e : k.encodings()) {
                PAIR_KIND.put(e, k);
            }
        }
    }

    private A64Disassembler() {
    }

    /** The row {@code word} is an instance of, or null. */
    public static Encoding rowOf(int word) {
        for (Encoding e : ROWS) {
            if (e.matches(word) && FormPrinter.valid(e, word)) {
                return e;
            }
        }
        return null;
    }

    /** Appends the text of the instruction {@code word} found at address {@code pc}. */
    public static void decode(int word, long pc, StringBuilder out) {
        Encoding e = rowOf(word);
        if (e == null) {
            out.append(".inst 0x").append(String.format("%08x", word));
            return;
        }
        FormPrinter.print(e, word, pc, LOAD_STORE_KIND.get(e), PAIR_KIND.get(e), out);
    }

    /** The text of one instruction. */
    public static String decode(int word, long pc) {
        StringBuilder b = new StringBuilder(32);
        decode(word, pc, b);
        return b.toString();
    }

    /** A listing of {@code code}: one line per word, "offset: word  text". */
    public static String listing(byte[] code, long base) {
        StringBuilder b = new StringBuilder(code.length * 10);
        for (int i = 0; i + 4 <= code.length; i += 4) {
            int word = (code[i] & 0xFF) | (code[i + 1] & 0xFF) << 8 | (code[i + 2] & 0xFF) << 16 | (code[i + 3] & 0xFF) << 24;
            b.append(String.format("%8x:  %08x  ", base + i, word));
            decode(word, base + i, b);
            b.append('\n');
        }
        return b.toString();
    }
}
