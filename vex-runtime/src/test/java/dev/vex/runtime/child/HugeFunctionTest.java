package dev.vex.runtime.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function of 100,000 blocks (and an async one of as many, with 100 awaits) verifies,
 * compiles and runs in a 512 MB heap: liveness, the await live-across sets and the register
 * allocator's lifetimes take memory linear in the function. (A bit set per block over all
 * values, as before, needed about 2.5 GB for each of these.)
 */
class HugeFunctionTest {
    @TempDir
    Path dir;

    @Test
    void hundredThousandBlocksCompileAndRunInA512MbHeap() throws Exception {
        ChildJvm.Result r = new ChildJvm(dir, "512m").run(HugeFunctionMain.class.getName(), List.of("100000"), 300);
        assertFalse(r.timedOut(), "timed out");
        assertEquals(List.of(), r.errorFiles(), "hs_err files");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("ok 200000 200000", r.output().strip());
    }
}
