package dev.vex.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.ir.StructuralEquality;
import dev.vex.text.ClifReader;
import dev.vex.verify.Verifier;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import dev.vex.testing.GoldenFile;

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
    Stream<DynamicTest> goldenFiles() {
        return GoldenFile.tests(DIR, ".clif", MARKER, GoldenLoweringTest::lowered);
    }

    /** The lowered module and its frame layouts, after checking that it verifies and reads back. */
    private static String lowered(String input) {
        Module module = ClifReader.readModule(input, "golden.clif");
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
        return out.append(lowered.module()).toString();
    }
}
