package dev.vex.verify;

import static dev.vex.analysis.AsyncSamples.sig;
import static dev.vex.ir.Type.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vex.ir.Block;
import dev.vex.ir.FuncRef;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.ModuleBuilder;
import dev.vex.ir.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwaitCycleRuleTest {

    /** {@code name} awaits (or await_boxes, or calls when sync) {@code next}. */
    private static void link(ModuleBuilder mb, String name, String next, String how) {
        boolean isAsync = !how.equals("call");
        FunctionBuilder b = isAsync ? mb.asyncFunction(name, sig(List.of(I64), List.of(I64)))
                : mb.function(name, sig(List.of(I64), List.of(I64)));
        FuncRef r = isAsync ? b.importAsyncFunction(next, sig(List.of(I64), List.of(I64)))
                : b.importFunction(next, sig(List.of(I64), List.of(I64)));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        Value v = switch (how) {
            case "await" -> b.await_(r, e.param(0)).result();
            case "boxed" -> b.awaitBoxed(r, e.param(0)).result();
            default -> b.call(r, e.param(0)).result();
        };
        b.return_(v);
    }

    @Test
    void mutualAwaitsAreACycleReportedOnce() {
        ModuleBuilder mb = new ModuleBuilder();
        link(mb, "ping", "pong", "await");
        link(mb, "pong", "ping", "await");
        VerifierError e = Verify.assertOneError(mb.build(), Rule.AWAIT_CYCLE, "await cycle %ping -> %pong -> %ping",
                "one of these awaits await_boxed");
        assertEquals("ping", e.function());
        assertEquals("v1 = await fn0(v0)", e.instruction());
    }

    @Test
    void oneBoxedAwaitBreaksTheCycle() {
        ModuleBuilder mb = new ModuleBuilder();
        link(mb, "ping", "pong", "await");
        link(mb, "pong", "ping", "boxed");
        Verify.assertClean(mb.build());
    }

    @Test
    void syncRecursionIsNotAnAwaitCycle() {
        ModuleBuilder mb = new ModuleBuilder();
        link(mb, "even", "odd", "call");
        link(mb, "odd", "even", "call");
        Verify.assertClean(mb.build());
    }
}
