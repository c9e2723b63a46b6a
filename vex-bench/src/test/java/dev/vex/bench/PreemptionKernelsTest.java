package dev.vex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.async.PreemptionChecks;
import dev.vex.backend.CompileOptions;
import dev.vex.ir.Module;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.TaskResult;
import dev.vex.runtime.Vex;
import dev.vex.runtime.VexRuntime;
import dev.vex.runtime.jit.Targets;
import dev.vex.text.ClifReader;
import dev.vex.verify.Verifier;
import org.junit.jupiter.api.Test;

/**
 * What {@link PreemptionOverheadBenchmark} times: the loop kernels as async functions, which get
 * the checks, and give the same answers with and without them as the sync kernels do.
 */
class PreemptionKernelsTest {
    @Test
    void theLoopKernelsAreAsyncAndGetChecks() {
        Module m = ClifReader.readModule(PreemptionOverheadBenchmark.asyncKernels(), "async-kernels.clif");
        Verifier.check(m);
        Module checked = PreemptionChecks.insert(m);
        for (String k : PreemptionOverheadBenchmark.KERNELS) {
            assertTrue(m.function(k).isAsync(), k);
            assertTrue(checked.function(k).toString().contains("vex_yield"), k + " has a check");
        }
        assertFalse(m.function("fib").isAsync(), "fib stays a sync function: it has no loop");
    }

    @Test
    void checkedAndUncheckedTasksAgreeWithTheSyncKernels() {
        assumeTrue("x64".equals(Targets.hostName()), "x64 code runs on an x86-64 host only");
        Module m = ClifReader.readModule(PreemptionOverheadBenchmark.asyncKernels(), "async-kernels.clif");
        try (NativeModule with = Vex.compile(m, Targets.host(), CompileOptions.DEFAULT.withPreemption(true));
             NativeModule without = Vex.compile(m, Targets.host(), CompileOptions.DEFAULT.withPreemption(false));
             NativeModule sync = Vex.compile(KernelsTest.IR);
             VexRuntime rt = VexRuntime.create(1)) {
            // loop_sum past the budget, so that the checked version yields on the way.
            long[][] cases = {{200_000}, {10_000}, {5_000, 3}, {40}};
            String[] names = {"loop_sum", "sieve", "checksum", "mandel"};
            for (int i = 0; i < names.length; i++) {
                long[] args = cases[i];
                long want = sync.function(names[i]).invokeLong(args);
                TaskResult a = rt.blockOn(with.function(names[i]).descriptor(), args);
                TaskResult b = rt.blockOn(without.function(names[i]).descriptor(), args);
                assertEquals(want, a.values()[0], names[i] + " with the checks");
                assertEquals(want, b.values()[0], names[i] + " without");
            }
        }
    }
}
