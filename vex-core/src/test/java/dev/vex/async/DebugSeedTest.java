package dev.vex.async;

import org.junit.jupiter.api.Test;

class DebugSeedTest {
    @Test
    void debug() {
        int seed = Integer.getInteger("seed", 151);
        RandomAsyncModule.Program p = RandomAsyncModule.generate(seed);
        System.out.println(p.module());
        dev.vex.interp.RunReport r = new dev.vex.interp.Interpreter(p.module()).runWithReport("f0", p.args());
        System.out.println(r);
        LoweredModule l = AsyncLowering.lower(p.module(), PollingScheduler.RUNTIME_LEAVES);
        for (int s : new int[] {0, 1, 2}) {
            System.out.println(s + ": " + new PollingScheduler(l, s, 2_000_000).blockOn("f0", p.args()));
        }
    }
}
