package dev.vex.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.ir.StructuralEquality;
import dev.vex.text.ClifReader;
import dev.vex.verify.Verifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files in {@code src/test/resources/dev/vex/async/golden}: a module, then, after a marker
 * line, its lowered form and frame layouts as comments, so that a change in the shape of the
 * state machines shows up in review. {@code VEX_TEST_BLESS=1} rewrites the expected part. Each
 * lowered module must also verify, and read back from its own text to the same functions.
 */
class GoldenLoweringTest {
    private static final Path DIR = Path.of("src/test/resources/dev/vex/async/golden");
    private static final String MARKER = "; ---- lowered";

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".clif")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int at = text.indexOf(MARKER);
        String input = at < 0 ? text : text.substring(0, at);
        Module module = ClifReader.readModule(input, file.getFileName().toString());
        Verifier.check(module);
        LoweredModule lowered = AsyncLowering.lower(module, PollingScheduler.RUNTIME_LEAVES);
        assertEquals(List.of(), Verifier.verify(lowered.module()), "the lowered module verifies");
        Module reread = ClifReader.readModule(lowered.module().toString(), "lowered");
        for (Function f : lowered.module().functions()) {
            assertTrue(StructuralEquality.equal(f, reread.function(f.name())), f.name() + " reads back the same");
        }
        StringBuilder out = new StringBuilder();
        for (AsyncFrameLayout l : lowered.layouts().values()) {
            out.append(l.describe()).append('\n');
        }
        out.append(lowered.module());
        StringBuilder expected = new StringBuilder();
        for (String line : out.toString().split("\n")) {
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
