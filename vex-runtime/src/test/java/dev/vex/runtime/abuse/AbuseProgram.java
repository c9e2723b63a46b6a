package dev.vex.runtime.abuse;

import dev.vex.runtime.NativeModule;
import dev.vex.runtime.Vex;
import dev.vex.text.ClifReader;

/** The IR the abuse cases run: each function misuses, or lets a test misuse, one thing. */
final class AbuseProgram {
    static final String SOURCE = """
            ; a load through whatever pointer it is given
            function %load(i64) -> i64 {
            block0(v0: i64):
                v1 = load.i64 v0
                return v1
            }

            async function %load_async(i64) -> i64 {
                fn0 = async %vex_yield()
            block0(v0: i64):
                await fn0()
                v1 = load.i64 v0
                return v1
            }

            async function %sleep_ns(i64) -> i64 {
                fn0 = async %vex_sleep(i64)
            block0(v0: i64):
                await fn0(v0)
                return v0
            }

            ; never reaches a suspension point while v0 != 0
            async function %spin(i64) -> i64 {
            block0(v0: i64):
                jump block1(v0)
            block1(v1: i64):
                brif v1, block1(v1), block2
            block2:
                return v1
            }

            ; sleeps 1 ms, v0 times
            async function %ticks(i64) -> i64 {
                fn0 = async %vex_sleep(i64)
            block0(v0: i64):
                jump block1(v0)
            block1(v1: i64):
                brif v1, block2, block3
            block2:
                v2 = iconst.i64 1000000
                await fn0(v2)
                v3 = iadd_imm v1, -1
                jump block1(v3)
            block3:
                return v1
            }

            ; spawns %ticks(v0) and detaches it
            async function %spawn_detached(i64) -> i64 {
                fn0 = async %ticks(i64) -> i64
                fn1 = %vex_detach(i64)
            block0(v0: i64):
                v1 = spawn fn0(v0)
                call fn1(v1)
                return v0
            }

            async function %forever() -> i64 {
                fn0 = async %vex_sleep(i64)
            block0:
                v0 = iconst.i64 0x7fffffffffffffff
                await fn0(v0)
                return v0
            }

            ; spawns v0 %forever children, keeps their handles, then sleeps for ever
            async function %parent(i64) -> i64 {
                fn0 = async %forever() -> i64
                fn1 = async %vex_sleep(i64)
            block0(v0: i64):
                jump block1(v0)
            block1(v1: i64):
                brif v1, block2, block3
            block2:
                v2 = spawn fn0()
                v3 = iadd_imm v1, -1
                jump block1(v3)
            block3:
                v4 = iconst.i64 0x7fffffffffffffff
                await fn1(v4)
                return v4
            }

            async function %join(i64) -> i64 {
                fn0 = async %vex_join(i64) -> i64
            block0(v0: i64):
                v1 = await fn0(v0)
                return v1
            }

            async function %join_twice() -> i64 {
                fn0 = async %sleep_ns(i64) -> i64
                fn1 = async %vex_join(i64) -> i64
            block0:
                v0 = iconst.i64 5
                v1 = spawn fn0(v0)
                v2 = await fn1(v1)
                v3 = await fn1(v1)
                return v3
            }

            async function %send(i64, i64) -> i64 {
                fn0 = async %vex_chan_send(i64, i64) -> i64
            block0(v0: i64, v1: i64):
                v2 = await fn0(v0, v1)
                return v2
            }

            async function %recv(i64) -> i64, i64 {
                fn0 = async %vex_chan_recv(i64) -> i64, i64
            block0(v0: i64):
                v1, v2 = await fn0(v0)
                return v1, v2
            }

            ; a channel of capacity v0, then one send on it
            async function %new_and_send(i64) -> i64 {
                fn0 = %vex_chan_new(i64) -> i64
                fn1 = async %vex_chan_send(i64, i64) -> i64
            block0(v0: i64):
                v1 = call fn0(v0)
                v2 = iconst.i64 7
                v3 = await fn1(v1, v2)
                return v3
            }

            function %detach(i64) {
                fn0 = %vex_detach(i64)
            block0(v0: i64):
                call fn0(v0)
                return
            }

            function %chan_close(i64) {
                fn0 = %vex_chan_close(i64)
            block0(v0: i64):
                call fn0(v0)
                return
            }

            function %free(i64) {
                fn0 = %vex_free(i64)
            block0(v0: i64):
                call fn0(v0)
                return
            }

            function %alloc(i64) -> i64 {
                fn0 = %vex_alloc(i64) -> i64
            block0(v0: i64):
                v1 = call fn0(v0)
                return v1
            }
            """;

    private AbuseProgram() {
    }

    static NativeModule compile() {
        return Vex.compile(ClifReader.readModule(SOURCE, "abuse.clif"));
    }

    /**
     * Without the preemption checks, so that {@code %spin} really never suspends (with them it
     * yields and can be cancelled, which {@code PreemptionTest} covers): the teardown cases for a
     * stuck task need one.
     */
    static NativeModule compileWithoutPreemption() {
        return Vex.compile(ClifReader.readModule(SOURCE, "abuse.clif"), dev.vex.runtime.jit.Targets.host(),
                dev.vex.backend.CompileOptions.DEFAULT.withPreemption(false));
    }
}
