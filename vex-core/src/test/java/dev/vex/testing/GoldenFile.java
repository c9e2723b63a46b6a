package dev.vex.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Golden files in the style of Cranelift's compile filetests: an input, then a marker line, then
 * the expected output of a stage as comments, so that a change in that output shows up in review.
 * {@code VEX_TEST_BLESS=1} rewrites the expected part from the current output.
 */
public final class GoldenFile {
    private GoldenFile() {
    }

    /**
     * One dynamic test per file ending in {@code extension} in {@code dir}: {@code stage} turns the
     * input part of the file into its printed output, which must equal the commented part after
     * {@code marker}.
     */
    public static Stream<DynamicTest> tests(Path dir, String extension, String marker, Function<String, String> stage) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(extension)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(files.isEmpty(), "no golden files in " + dir);
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p, marker, stage)));
    }

    private static void check(Path file, String marker, Function<String, String> stage) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int at = text.indexOf(marker);
        String input = at < 0 ? text : text.substring(0, at);
        StringBuilder expected = new StringBuilder();
        for (String line : stage.apply(input).split("\n")) {
            expected.append(line.isEmpty() ? ";" : "; " + line).append('\n');
        }
        if ("1".equals(System.getenv("VEX_TEST_BLESS"))) {
            Files.writeString(file, input.stripTrailing() + "\n\n" + marker + "\n" + expected, StandardCharsets.UTF_8);
            return;
        }
        String actual = at < 0 ? "(no expected output; run with VEX_TEST_BLESS=1)" : text.substring(at + marker.length() + 1);
        assertEquals(expected.toString(), actual, file + " (VEX_TEST_BLESS=1 accepts the new output)");
    }
}
