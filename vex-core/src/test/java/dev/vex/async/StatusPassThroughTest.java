package dev.vex.async;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vex.exec.Outcome;
import dev.vex.interp.InterpreterOptions;
import dev.vex.interp.InterpreterSession;
import dev.vex.ir.Module;
import dev.vex.text.ClifReader;
import dev.vex.verify.Verifier;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A status other than READY passes up the chain of awaiting resume functions unchanged, with its
 * value word: PENDING, and the runtime's proposed FAILED (2, trap code), which needs no support
 * of its own. The leaf is a user C future ({@code %my_future}, frame size from {@link FrameSizes}).
 */
class StatusPassThroughTest {
    @Test
    void aFailedLeafFailsEveryAwaitingFrame() {
        Module m = ClifReader.readModule("""
                async function %inner(i64) -> i64 {
                    fn0 = async %my_future(i64) -> i64
                block0(v0: i64):
                    v1 = await fn0(v0)
                    v2 = iadd_imm v1, 1
                    return v2
                }
                async function %outer(i64) -> i64 {
                    fn0 = async %inner(i64) -> i64
                block0(v0: i64):
                    v1 = await fn0(v0)
                    v2 = imul v1, v0
                    return v2
                }
                """, "t.clif");
        Verifier.check(m);
        LoweredModule lm = AsyncLowering.lower(m, FrameSizes.of(Map.of("my_future", new FrameSize(24, 8))));
        long[] leafStatus = {1};
        InterpreterSession s = new InterpreterSession(lm.module(), InterpreterOptions.DEFAULTS, Map.of(
                "my_future$resume", a -> leafStatus[0] == 0 ? new long[] {0, 40} : new long[] {leafStatus[0], 77}));
        long frame = s.alloc(lm.layout("outer").size());
        s.store64(frame + AsyncFrameLayout.paramOffset(0), 3);
        assertEquals(new Outcome.Returned(new long[] {1, 77}), s.call("outer$resume", new long[] {frame, 1}));
        assertEquals(1, s.load64(frame), "suspended at its first await");
        assertEquals(new Outcome.Returned(new long[] {1, 77}), s.call("outer$resume", new long[] {frame, 1}));
        leafStatus[0] = 2;
        assertEquals(new Outcome.Returned(new long[] {2, 77}), s.call("outer$resume", new long[] {frame, 1}));
        leafStatus[0] = 0;
        assertEquals(new Outcome.Returned(new long[] {0, 123}), s.call("outer$resume", new long[] {frame, 1}));
    }
}
