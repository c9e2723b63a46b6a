package dev.vex.x64.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vex.backend.CompileOptions;
import dev.vex.ir.Module;
import dev.vex.text.ClifReader;
import dev.vex.x64.X64Target;
import dev.vex.x64.X64CpuFeatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Golden listings in the style of Cranelift's compile filetests: each file under
 * {@code src/test/resources/x64-golden} holds CLIF functions followed by the listing the target
 * makes for them (with every optional CPU feature), as {@code ;} comment lines after a
 * {@code ; listing:} marker. {@code VEX_TEST_BLESS=1} rewrites the expected listings.
 */
class ListingGoldenTest {
    private static final String MARKER = "; listing:";

    @Test
    void listingsMatchTheGoldenFiles() throws IOException {
        Path dir = Path.of("src", "test", "resources", "x64-golden");
        boolean bless = "1".equals(System.getenv("VEX_TEST_BLESS"));
        int files = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path file : s.filter(p -> p.toString().endsWith(".clif")).sorted().toList()) {
                files++;
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int at = text.indexOf(MARKER);
                String source = at < 0 ? text : text.substring(0, at);
                Module module = ClifReader.readModule(source, file.toString());
                String listing = new X64Target()
                        .compile(module, CompileOptions.DEFAULT.withCpu(X64CpuFeatures.all()).withListing(true)).listing();
                StringBuilder expected = new StringBuilder(source.stripTrailing()).append("\n\n").append(MARKER)
                        .append('\n');
                for (String line : listing.strip().split("\n")) {
                    expected.append(line.isEmpty() ? ";" : "; " + line).append('\n');
                }
                if (bless) {
                    Files.writeString(file, expected.toString(), StandardCharsets.UTF_8);
                } else {
                    assertEquals(text, expected.toString(), file + " (VEX_TEST_BLESS=1 rewrites it)");
                }
            }
        }
        assertEquals(true, files > 0, "no golden files in " + dir);
    }
}
