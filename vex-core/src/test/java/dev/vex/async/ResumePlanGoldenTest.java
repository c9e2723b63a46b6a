package dev.vex.async;

import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.testing.GoldenFile;
import dev.vex.text.ClifReader;
import dev.vex.verify.Verifier;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files in {@code src/test/resources/dev/vex/async/plan}: a module, then, after a marker
 * line, the {@link ResumePlan} of each of its async functions as comments (the frame layout, the
 * pieces with their predecessors and awaits, and the merges), so that a change in what the
 * lowering plans shows up in review on its own, before any IR is written.
 * {@code VEX_TEST_BLESS=1} rewrites the expected part.
 */
class ResumePlanGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/dev/vex/async/plan");
    private static final String MARKER = "; ---- plan";

    @TestFactory
    Stream<DynamicTest> goldenFiles() {
        return GoldenFile.tests(DIR, ".clif", MARKER, ResumePlanGoldenTest::plans);
    }

    private static String plans(String input) {
        Module module = ClifReader.readModule(input, "plan.clif");
        Verifier.check(module);
        Map<String, AsyncFrameLayout> layouts = FrameLayoutPlanner.plan(module, PollingScheduler.RUNTIME_LEAVES);
        StringBuilder out = new StringBuilder();
        for (Function f : module.functions()) {
            if (f.isAsync()) {
                out.append(ResumePlanner.plan(f, layouts.get(f.name()))).append('\n');
            }
        }
        return out.toString().stripTrailing();
    }
}
