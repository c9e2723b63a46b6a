package dev.vex.backend.regalloc;


import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import dev.vex.testing.GoldenFile;

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
    Stream<DynamicTest> goldenFiles() {
        return GoldenFile.tests(DIR, ".mach", MARKER, input -> Allocated.of(input).toString());
    }
}
