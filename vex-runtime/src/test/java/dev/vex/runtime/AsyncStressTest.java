package dev.vex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.runtime.jit.Targets;
import dev.vex.text.ClifReader;
import org.junit.jupiter.api.Test;

/**
 * A million compiled tasks on 2 workers: each yields three times and sleeps twice; a root task
 * spawns groups, each group spawns its leaves and joins them. The sum must be exact and every
 * task freed afterwards. {@code -Dvex.stress.tasks=N} changes the number of leaves (default
 * 1,000,000; rounded to whole groups of 1,000).
 */
class AsyncStressTest {
    static final String SOURCE = """
            async function %leaf(i64) -> i64 {
                fn0 = async %vex_yield()
                fn1 = async %vex_sleep(i64)
            block0(v0: i64):
                v1 = iconst.i64 1000
                await fn0()
                await fn1(v1)
                await fn0()
                await fn1(v1)
                await fn0()
                v2 = imul_imm v0, 3
                v3 = iadd_imm v2, 1
                return v3
            }

            ; spawns %leaf(base + i) (kind 0) or %group(base + i * per, per) (kind 1) for i < count,
            ; joins them in order and returns the sum of their results
            async function %fan(i64, i64, i64, i64) -> i64 {
                fn0 = async %leaf(i64) -> i64
                fn1 = async %group(i64, i64) -> i64
                fn2 = async %vex_join(i64) -> i64
                fn3 = %vex_alloc(i64) -> i64
                fn4 = %vex_free(i64)
            block0(v0: i64, v1: i64, v2: i64, v3: i64):   ; kind, base, count, per
                v4 = ishl_imm v2, 3
                v5 = call fn3(v4)
                v6 = iconst.i64 0
                jump block1(v6)
            block1(v7: i64):
                v8 = icmp slt v7, v2
                brif v8, block2, block5(v6, v6)
            block2:
                brif v0, block3, block4
            block3:
                v9 = imul v7, v3
                v10 = iadd v1, v9
                v11 = spawn fn1(v10, v3)
                jump block6(v11)
            block4:
                v12 = iadd v1, v7
                v13 = spawn fn0(v12)
                jump block6(v13)
            block6(v14: i64):
                v15 = ishl_imm v7, 3
                v16 = iadd v5, v15
                store v14, v16
                v17 = iadd_imm v7, 1
                jump block1(v17)
            block5(v18: i64, v19: i64):                 ; i, sum
                v20 = icmp slt v18, v2
                brif v20, block7, block8
            block7:
                v21 = ishl_imm v18, 3
                v22 = iadd v5, v21
                v23 = load.i64 v22
                v24 = await fn2(v23)
                v25 = iadd v19, v24
                v26 = iadd_imm v18, 1
                jump block5(v26, v25)
            block8:
                call fn4(v5)
                return v19
            }

            async function %group(i64, i64) -> i64 {
                fn0 = async %fan(i64, i64, i64, i64) -> i64
            block0(v0: i64, v1: i64):
                v2 = iconst.i64 0
                v3 = await_boxed fn0(v2, v0, v1, v2)
                return v3
            }

            async function %stress(i64, i64) -> i64 {      ; groups, leaves per group
                fn0 = async %fan(i64, i64, i64, i64) -> i64
            block0(v0: i64, v1: i64):
                v2 = iconst.i64 1
                v3 = iconst.i64 0
                v4 = await_boxed fn0(v2, v3, v0, v1)
                return v4
            }
            """;

    @Test
    void aMillionTasksOnTwoWorkers() throws InterruptedException {
        assumeTrue("x64".equals(Targets.hostName()), "x64 code runs on an x86-64 host only");
        long leaves = Long.getLong("vex.stress.tasks", 1_000_000L);
        long per = 1000;
        long groups = Math.max(1, leaves / per);
        long n = groups * per;
        long expected = 0;
        for (long i = 0; i < n; i++) {
            expected += 3 * i + 1;
        }
        try (NativeModule m = Vex.compile(ClifReader.readModule(SOURCE, "stress.clif"));
             VexRuntime rt = VexRuntime.create(2)) {
            long t0 = System.nanoTime();
            Object sum = rt.blockOn(m.function("stress"), groups, per);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(expected, sum);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (rt.liveTasks() != 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            long live = rt.liveTasks();
            System.out.printf("async stress: %d leaf tasks + %d groups (5 awaits each leaf) in %d ms on 2 workers; "
                    + "live tasks after: %d%n", n, groups, ms, live);
            assertEquals(0, live);
        }
    }
}
