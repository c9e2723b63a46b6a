package dev.vex.aarch64.asm.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.aarch64.asm.Branch;
import dev.vex.aarch64.asm.Encoding;
import dev.vex.aarch64.asm.EncodingTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares every encoding of the generated A64 matrix with the GNU as bytes in the committed
 * golden files. Runs everywhere; {@link EncodingMatrixGnuAsTest} regenerates the golden bytes.
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
            assertNotNull(golden, "no golden file for shard " + e.getKey()
                + "; run the tests with VEX_TEST_BLESS=1 and aarch64-linux-gnu-as installed");
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
        System.out.println("A64 encoding matrix vs committed GNU as golden files: " + compared + " rows compared, "
            + problems.size() + " differences");
        assertEquals(List.of(), problems.subList(0, Math.min(50, problems.size())),
            problems.size() + " differences (first 50 shown)");
    }

    /**
     * Every row of the encoding table is hit by at least one matrix row (a word whose fixed bits
     * are the row's), so a form cannot be added to the table without being checked against as.
     * ADRP is the exception: as emits a relocation for it, and PcRelativeTest checks it.
     */
    @Test
    void everyTableRowHasMatrixRows() {
        List<String> missing = new ArrayList<>();
        for (Encoding e : EncodingTable.all()) {
            if (e == Branch.ADRP.encoding()) {
                continue;
            }
            boolean hit = false;
            for (MatrixRow r : rows) {
                byte[] b = r.bytes();
                for (int i = 0; i + 4 <= b.length && !hit; i += 4) {
                    int word = (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
                    hit = e.matches(word);
                }
                if (hit) {
                    break;
                }
            }
            if (!hit) {
                missing.add(e.mnemonic() + " " + Integer.toHexString(e.bits()) + " " + e.form());
            }
        }
        assertEquals(List.of(), missing, "table rows without matrix rows");
    }
}
