package dev.vex.x64.asm.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.x64.asm.X64Assembler;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares every encoding of the generated matrix with the GNU as bytes in the committed golden
 * files. Runs everywhere; {@link EncodingMatrixGnuAsTest} regenerates the golden bytes with as.
 */
class EncodingMatrixGoldenTest {
    private static List<MatrixRow> rows;

    @BeforeAll
    static void generate() {
        rows = EncodingMatrix.generate();
    }

    static Map<String, List<MatrixRow>> byShard(List<MatrixRow> all) {
        Map<String, List<MatrixRow>> shards = new LinkedHashMap<>();
        for (MatrixRow r : all) {
            shards.computeIfAbsent(r.shard(), k -> new ArrayList<>()).add(r);
        }
        return shards;
    }

    @Test
    void matrixIsLargeAndHasNoDuplicateRows() {
        assertTrue(rows.size() >= 20_000, "matrix has only " + rows.size() + " rows");
        Set<String> seen = new HashSet<>();
        for (MatrixRow r : rows) {
            assertTrue(seen.add(r.text()), "duplicate row: " + r.text());
        }
    }

    @Test
    void everyEncodingMatchesGnuAsGolden() throws IOException {
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, List<MatrixRow>> e : byShard(rows).entrySet()) {
            Map<String, String> golden = GoldenFiles.read(e.getKey());
            assertNotNull(golden, "no golden file for shard " + e.getKey() + "; run the tests with VEX_TEST_BLESS=1 and as on the PATH");
            Set<String> generated = new HashSet<>();
            for (MatrixRow r : e.getValue()) {
                generated.add(r.text());
                String expected = golden.get(r.text());
                if (expected == null) {
                    problems.add("not in golden file " + e.getKey() + ": " + r.text());
                } else {
                    compared++;
                    if (!expected.equals(r.hex())) {
                        problems.add(r.text() + ": GNU as " + expected + ", ours " + r.hex());
                    }
                }
            }
            for (String text : golden.keySet()) {
                if (!generated.contains(text)) {
                    problems.add("golden row no longer generated (" + e.getKey() + "): " + text);
                }
            }
        }
        System.out.println("x64 encoding matrix vs committed GNU as golden files: " + compared + " rows compared, "
            + problems.size() + " differences");
        assertEquals(List.of(), problems.subList(0, Math.min(50, problems.size())),
            problems.size() + " differences (first 50 shown)");
    }

    /** The mnemonic of a matrix text: its first word, or two for a lock-prefixed instruction. */
    static String mnemonicOf(String text) {
        String[] words = text.replace("{disp32} ", "").replace("{disp8} ", "").split(" ", 3);
        return words[0].equals("lock") && words.length > 1 ? "lock " + words[1] : words[0];
    }

    /**
     * Every mnemonic method of the assembler appears in the matrix, so a new instruction cannot
     * be added without its rows. Generic entry points (alu, sse, ...) are covered through the
     * encoding table, whose mnemonics all appear ({@link EncodingTableTest} checks the rows one
     * by one).
     */
    @Test
    void everyInstructionMethodHasRows() {
        Set<String> mnemonics = new HashSet<>();
        for (MatrixRow r : rows) {
            String mnemonic = mnemonicOf(r.text());
            mnemonics.add(mnemonic);
            if (mnemonic.startsWith("lock ")) { // the assembler's lockXadd is the row "lock xadd"
                mnemonics.add("lock" + Character.toUpperCase(mnemonic.charAt(5)) + mnemonic.substring(6));
            }
        }
        Set<String> notMnemonics = Set.of("buffer", "features", "position", "newLabel", "bind", "defineSymbol", "align",
            "alu", "unary", "shift", "shiftByCl", "extend", "bitTest", "bitCount", "bmi", "sse", "convert", "fma",
            "jcc", "jccShort", "jmpShort", "setcc", "cmov", "movabsLoad", "movabsStore");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Method m : X64Assembler.class.getMethods()) {
            if (m.getDeclaringClass().getPackage() != X64Assembler.class.getPackage()
                    || !Modifier.isPublic(m.getModifiers()) || notMnemonics.contains(m.getName())) {
                continue;
            }
            String name = m.getName().endsWith("Cl") ? m.getName().substring(0, m.getName().length() - 2) : m.getName();
            boolean fs = name.endsWith("Fs");
            if (fs) {
                name = name.substring(0, name.length() - 2);
            }
            checked++;
            String prefix = name + " ";
            if (fs ? rows.stream().noneMatch(r -> r.text().startsWith(prefix) && r.text().contains("fs:["))
                    : !mnemonics.contains(name)) {
                missing.add(name);
            }
        }
        assertTrue(checked > 200, "only " + checked + " mnemonic methods found");
        for (dev.vex.x64.asm.Encoding row : dev.vex.x64.asm.EncodingTable.all()) {
            if (!mnemonics.contains(row.mnemonic()) && !missing.contains(row.mnemonic())) {
                missing.add(row.mnemonic());
            }
        }
        for (dev.vex.x64.asm.Cond cc : dev.vex.x64.asm.Cond.values()) {
            for (String prefix : new String[] {"j", "set", "cmov"}) {
                if (!mnemonics.contains(prefix + cc.suffix())) {
                    missing.add(prefix + cc.suffix());
                }
            }
        }
        assertEquals(List.of(), missing, "instructions without matrix rows");
    }
}
