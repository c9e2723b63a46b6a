package dev.vex.aarch64.asm.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Regenerates the A64 encoding matrix, assembles all of it with {@code aarch64-linux-gnu-as} in
 * one batch and compares byte for byte. Runs whenever the cross binutils are installed (CI
 * installs them) and says so loudly when they are not. With {@code VEX_TEST_BLESS=1} it also
 * rewrites the golden files from as's output.
 */
class EncodingMatrixGnuAsTest {
    @Test
    void everyEncodingMatchesGnuAs() throws IOException {
        if (!GnuAs.available(GnuAs.AS)) {
            System.out.println("NOT RUN: EncodingMatrixGnuAsTest needs " + GnuAs.AS + " (binutils-aarch64-linux-gnu);"
                + " the matrix was checked against the committed golden files only.");
            Assumptions.abort(GnuAs.AS + " not installed");
        }
        List<MatrixRow> rows = EncodingMatrix.generate();
        List<String> texts = new ArrayList<>(rows.size());
        for (MatrixRow r : rows) {
            texts.add(r.text());
        }
        List<byte[]> gnu = GnuAs.assemble(texts);
        HexFormat hex = HexFormat.of();
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String expected = hex.formatHex(gnu.get(i));
            if (!expected.equals(rows.get(i).hex())) {
                differences.add(rows.get(i).text() + ": GNU as " + expected + ", ours " + rows.get(i).hex());
            }
        }
        if ("1".equals(System.getenv("VEX_TEST_BLESS"))) {
            Path resources = Path.of(System.getProperty("vex.root", "..")).resolve("vex-codegen-aarch64/src/test/resources");
            int start = 0;
            for (Map.Entry<String, List<MatrixRow>> e : EncodingMatrixGoldenTest.byShard(rows).entrySet()) {
                int n = e.getValue().size();
                GoldenFiles.write(resources, e.getKey(), e.getValue(), gnu.subList(start, start + n));
                start += n;
            }
            System.out.println("VEX_TEST_BLESS=1: rewrote the golden files under " + resources);
        }
        System.out.println("A64 encoding matrix vs GNU as (run now): " + rows.size() + " rows, "
            + differences.size() + " differences");
        assertEquals(List.of(), differences.subList(0, Math.min(50, differences.size())),
            differences.size() + " differences (first 50 shown)");
    }
}
