package dev.vex.verify;

import static dev.vex.analysis.AsyncSamples.sig;
import static dev.vex.ir.Type.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.analysis.AsyncSamples;
import dev.vex.ir.AbiParam;
import dev.vex.ir.Block;
import dev.vex.ir.FuncRef;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.MemFlags;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import dev.vex.ir.ParamFlag;
import dev.vex.ir.Signature;
import dev.vex.ir.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The functions of conformance/async/errors.clif, rebuilt with the builder in the file's order:
 * the three marked {@code ; error: TEXT} fail with TEXT in the message, the others verify.
 */
class ConformanceErrorsTest {

    static Module errorsClif() {
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder leaf = mb.asyncFunction("leaf", sig(List.of(I64), List.of(I64)));
        Block l0 = leaf.createEntryBlock();
        leaf.switchToBlock(l0);
        leaf.return_(l0.param(0));

        FunctionBuilder calls = mb.function("calls_async", sig(List.of(I64), List.of(I64)));
        FuncRef fn0 = calls.importAsyncFunction("leaf", sig(List.of(I64), List.of(I64)));
        Block c0 = calls.createEntryBlock();
        calls.switchToBlock(c0);
        calls.return_(calls.call(fn0, c0.param(0)).result());

        countDown(mb, "count_down", false);
        countDown(mb, "count_down_boxed", true);

        Signature borrowSig = new Signature(List.of(AbiParam.of(I64, ParamFlag.BORROW)), List.of(AbiParam.of(I64)), null);
        FunctionBuilder ba = mb.asyncFunction("borrow_across", borrowSig);
        FuncRef yield = ba.importAsyncFunction("vex_yield", sig(List.of(), List.of()));
        Block b0 = ba.createEntryBlock();
        ba.switchToBlock(b0);
        ba.await_(yield);
        Value v1 = ba.load(I64, MemFlags.NONE, b0.param(0), 0);
        ba.return_(v1);
        return mb.build();
    }

    private static void countDown(ModuleBuilder mb, String name, boolean boxed) {
        FunctionBuilder b = mb.asyncFunction(name, sig(List.of(I64), List.of(I64)));
        FuncRef self = b.importAsyncFunction(name, sig(List.of(I64), List.of(I64)));
        Block b0 = b.createEntryBlock();
        Block b1 = b.createBlock();
        Block b2 = b.createBlock();
        b.switchToBlock(b0);
        b.brif(b0.param(0), b1, b2);
        b.switchToBlock(b1);
        Value v1 = b.iaddImm(b0.param(0), -1);
        Value v2 = boxed ? b.awaitBoxed(self, v1).result() : b.await_(self, v1).result();
        b.return_(b.iaddImm(v2, 1));
        b.switchToBlock(b2);
        b.return_(b0.param(0));
    }

    @Test
    void eachErrorDirectiveIsMetAndTheRestVerifies() {
        List<VerifierError> errors = Verifier.verify(errorsClif());
        assertEquals(List.of("calls_async", "count_down", "borrow_across"),
                errors.stream().map(VerifierError::function).toList(), () -> Verify.lines(errors));
        assertTrue(errors.get(0).message().contains("async"), errors.get(0)::toString);
        assertTrue(errors.get(1).message().contains("await_boxed"), errors.get(1)::toString);
        assertTrue(errors.get(2).message().contains("borrow"), errors.get(2)::toString);
    }

    @Test
    void errorsNameTheirPlace() {
        List<VerifierError> errors = Verifier.verify(errorsClif());
        assertEquals("function %calls_async, block0, inst \"v1 = call fn0(v0)\": [async] call of the async function"
                + " %leaf: an async callee must be awaited (await, await_boxed) or spawned, not called",
                errors.get(0).toString());
        VerifierError cycle = errors.get(1);
        assertEquals("await-cycle", cycle.rule());
        assertEquals("block1", cycle.block());
        assertEquals("v2 = await fn0(v1)", cycle.instruction());
        assertTrue(cycle.message().startsWith("await cycle %count_down -> %count_down:"), cycle::toString);
        VerifierError borrow = errors.get(2);
        assertEquals("borrow", borrow.rule());
        assertEquals("await fn0()", borrow.instruction());
        assertTrue(borrow.message().contains("v0") && borrow.message().contains("i64 borrow")
                && borrow.message().contains("\"await fn0()\""), borrow::toString);
    }

    @Test
    void checkThrowsAVexExceptionListingEveryError() {
        VerifyException e = org.junit.jupiter.api.Assertions.assertThrows(VerifyException.class,
                () -> Verifier.check(errorsClif()));
        assertEquals(3, e.errors().size());
        assertTrue(e.getMessage().startsWith("3 verifier errors\n  function %calls_async"), e.getMessage());
        assertTrue(e instanceof dev.vex.diag.VexException);
    }

    @Test
    void theOtherAsyncConformanceFunctionsVerify() {
        Verify.assertClean(AsyncSamples.yieldLoop());
        Verify.assertClean(AsyncSamples.readyChain());
        Verify.assertClean(AsyncSamples.fetchAndProcess());
        Verifier.check(AsyncSamples.readyChain());
    }
}
