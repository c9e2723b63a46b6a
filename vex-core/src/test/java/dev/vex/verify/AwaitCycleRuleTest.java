package dev.vex.verify;

import static dev.vex.analysis.AsyncSamples.sig;
import static dev.vex.ir.Type.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void everyFunctionOfAMutualAwaitCycleReportsIt() {
        ModuleBuilder mb = new ModuleBuilder();
        link(mb, "ping", "pong", "await");
        link(mb, "pong", "ping", "await");
        List<VerifierError> errors = Verifier.verify(mb.build());
        assertEquals(List.of("ping", "pong"), errors.stream().map(VerifierError::function).toList(),
                () -> Verify.lines(errors));
        for (VerifierError e : errors) {
            assertEquals(Rule.AWAIT_CYCLE.text(), e.rule(), e::toString);
            assertEquals("v1 = await fn0(v0)", e.instruction());
            assertTrue(e.message().contains("one of these awaits await_boxed"), e::toString);
        }
        assertTrue(errors.get(0).message().startsWith("await cycle %ping -> %pong -> %ping:"), errors.get(0)::toString);
        assertTrue(errors.get(1).message().startsWith("await cycle %pong -> %ping -> %pong:"), errors.get(1)::toString);
    }

    @Test
    void everyFunctionOfALongCycleReportsItButNotItsCallers() {
        ModuleBuilder mb = new ModuleBuilder();
        link(mb, "outside", "a", "await"); // awaits into the cycle but is not on it
        link(mb, "a", "b", "await");
        link(mb, "b", "c", "await");
        link(mb, "c", "a", "await");
        List<VerifierError> errors = Verifier.verify(mb.build());
        assertEquals(List.of("a", "b", "c"), errors.stream().map(VerifierError::function).toList(),
                () -> Verify.lines(errors));
        assertTrue(errors.get(1).message().startsWith("await cycle %b -> %c -> %a -> %b:"), errors.get(1)::toString);
        assertTrue(errors.get(2).message().startsWith("await cycle %c -> %a -> %b -> %c:"), errors.get(2)::toString);
    }

    @Test
    void aSelfAwaitReportsOnceInItsFunction() {
        ModuleBuilder mb = new ModuleBuilder();
        link(mb, "again", "again", "await");
        VerifierError e = Verify.assertOneError(mb.build(), Rule.AWAIT_CYCLE, "await cycle %again -> %again:", "this await");
        assertEquals("again", e.function());
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
