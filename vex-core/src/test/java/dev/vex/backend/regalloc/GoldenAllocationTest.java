package dev.vex.backend.regalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files in {@code src/test/resources/dev/vex/backend/regalloc/golden}: a function in the
 * {@link MachDsl} form, then, after a marker line, the printed allocation as comments, so that a
 * change in the allocator's output shows up in review. Each allocation is also proved by the
 * checker and the toy machine. {@code VEX_TEST_BLESS=1} rewrites the expected part.
 */
class GoldenAllocationTest {
    private static final Path DIR = Path.of("src/test/resources/dev/vex/backend/regalloc/golden");
    private static final String MARKER = "; ---- allocation";

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".mach")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int at = text.indexOf(MARKER);
        String input = at < 0 ? text : text.substring(0, at);
        Allocation a = Allocated.of(input);
        StringBuilder expected = new StringBuilder();
        for (String line : a.toString().split("\n")) {
            expected.append(line.isEmpty() ? ";" : "; " + line).append('\n');
        }
        if ("1".equals(System.getenv("VEX_TEST_BLESS"))) {
            Files.writeString(file, input.stripTrailing() + "\n\n" + MARKER + "\n" + expected, StandardCharsets.UTF_8);
            return;
        }
        String actual = at < 0 ? "(no expected output; run with VEX_TEST_BLESS=1)" : text.substring(at + MARKER.length() + 1);
        assertEquals(expected.toString(), actual, file + " (VEX_TEST_BLESS=1 accepts the new output)");
    }
}
