package dev.vex.x64.asm.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.x64.asm.Encoding;
import dev.vex.x64.asm.EncodingTable;
import dev.vex.x64.disasm.X64Disassembler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ties the encoding table to the matrix and the disassembler: every instruction of the matrix
 * (whose bytes are checked against GNU as) decodes, with the table, to a row of the same
 * mnemonic, and every row of the table is emitted by some matrix instruction. The table itself is
 * printed to a committed golden file, one line per row in the Intel manual's layout, so that a
 * change to an encoding fact shows up in review ({@code VEX_TEST_BLESS=1} rewrites it).
 */
class EncodingTableTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "x64-encodings.txt");
    private static List<MatrixRow> rows;

    @BeforeAll
    static void generate() {
        rows = EncodingMatrix.generate();
    }

    @Test
    void everyMatrixInstructionDecodesToARowAndEveryRowIsEmitted() {
        Set<Encoding> hit = Collections.newSetFromMap(new IdentityHashMap<>());
        List<String> problems = new ArrayList<>();
        int instructions = 0;
        for (MatrixRow row : rows) {
            byte[] bytes = row.bytes();
            List<Encoding> decoded = new ArrayList<>();
            for (int at = 0; at < bytes.length; ) {
                Encoding f = X64Disassembler.form(bytes, at);
                if (f == null) {
                    problems.add(row.text() + ": no row decodes " + row.hex() + " at byte " + at);
                    break;
                }
                decoded.add(f);
                hit.add(f);
                instructions++;
                at += X64Disassembler.decode(bytes, at, new StringBuilder());
            }
            String mnemonic = EncodingMatrixGoldenTest.mnemonicOf(row.text());
            if (decoded.size() == 1 && !decoded.get(0).mnemonic().equals(mnemonic) && !alias(mnemonic, decoded.get(0).mnemonic())) {
                problems.add(row.text() + " decodes as the row " + decoded.get(0));
            }
        }
        for (Encoding f : EncodingTable.all()) {
            if (!hit.contains(f)) {
                problems.add("no matrix instruction uses the row " + f);
            }
        }
        System.out.println("x64 encoding table: " + EncodingTable.all().size() + " rows, " + hit.size()
            + " used by the " + instructions + " matrix instructions, " + problems.size() + " problems");
        assertEquals(List.of(), problems.subList(0, Math.min(40, problems.size())), problems.size() + " problems (first 40 shown)");
    }

    /**
     * The two spellings where GNU as input and the row differ: xchg rax, rax is the one-byte nop,
     * and a mov of a 64-bit immediate is the row objdump calls movabs.
     */
    private static boolean alias(String asText, String row) {
        return asText.equals("xchg") && row.equals("nop") || asText.equals("mov") && row.equals("movabs");
    }

    @Test
    void tableMatchesTheGoldenFile() throws IOException {
        StringBuilder text = new StringBuilder("# The x86-64 encoding table (EncodingTable), one row per form:\n"
            + "# opcode, instruction, operand placement (Op/En), CPU feature. Written by EncodingTableTest with VEX_TEST_BLESS=1.\n");
        for (Map.Entry<String, List<Encoding>> family : EncodingTable.families().entrySet()) {
            text.append("\n# ").append(family.getKey()).append('\n');
            for (Encoding f : family.getValue()) {
                text.append(f).append('\n');
            }
        }
        if ("1".equals(System.getenv("VEX_TEST_BLESS"))) {
            Files.writeString(GOLDEN, text, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(GOLDEN), GOLDEN + " is missing; run with VEX_TEST_BLESS=1");
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), text.toString(), GOLDEN + " (VEX_TEST_BLESS=1 rewrites it)");
    }
}
