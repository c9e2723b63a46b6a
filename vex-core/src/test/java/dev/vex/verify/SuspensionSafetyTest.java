package dev.vex.verify;

import static dev.vex.analysis.AsyncSamples.sig;
import static dev.vex.ir.Type.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.ir.AbiParam;
import dev.vex.ir.Block;
import dev.vex.ir.FuncRef;
import dev.vex.ir.Function;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.MemFlags;
import dev.vex.ir.ParamFlag;
import dev.vex.ir.Signature;
import dev.vex.ir.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The suspension-safety table of ASYNC-IR.md, row by row, both ways. */
class SuspensionSafetyTest {

    private static final Signature BORROWS = new Signature(
            List.of(AbiParam.of(I64, ParamFlag.BORROW), AbiParam.of(I64, ParamFlag.BORROW_MUT), AbiParam.of(I64)),
            List.of(AbiParam.of(I64)), null);

    private FunctionBuilder b;
    private FuncRef yield;
    private Block entry;

    /** An async %f(i64 borrow, i64 borrow_mut, i64) -> i64, positioned in its entry block. */
    private void begin(boolean isAsync) {
        b = new FunctionBuilder("f", BORROWS, isAsync);
        yield = b.importAsyncFunction("vex_yield", sig(List.of(), List.of()));
        entry = b.createEntryBlock();
        b.switchToBlock(entry);
    }

    private Value param(int i) {
        return entry.param(i);
    }

    @Test
    void borrowedParameterLiveAcrossAwait() {
        begin(true);
        b.await_(yield);
        b.return_(b.load(I64, MemFlags.NONE, param(0), 0));
        VerifierError e = Verify.assertOneError(b.build(), Rule.BORROW, "the borrowed parameter v0 (parameter 0: i64 borrow)",
                "is live across \"await fn0()\"");
        assertEquals("await fn0()", e.instruction());
    }

    @Test
    void mutableBorrowToo() {
        begin(true);
        b.await_(yield);
        b.store(MemFlags.NONE, param(2), param(1), 0);
        b.return_(param(2));
        Verify.assertOneError(b.build(), Rule.BORROW, "v1 (parameter 1: i64 borrow_mut)");
    }

    @Test
    void valueLoadedThroughABorrowIsACopy() {
        begin(true);
        Value copy = b.load(I64, MemFlags.NONE, param(0), 8);
        b.await_(yield);
        b.return_(b.iadd(copy, param(2)));
        Verify.assertClean(b.build());
    }

    @Test
    void borrowUsedOnlyBeforeTheAwaitIsFine() {
        begin(true);
        Value p = b.iaddImm(param(0), 16);
        Value x = b.load(I64, MemFlags.NONE, p, 0);
        b.await_(yield);
        b.return_(x);
        Verify.assertClean(b.build());
    }

    @Test
    void pointerArithmeticOnABorrowIsStillABorrow() {
        begin(true);
        Value field = b.iaddImm(param(0), 8);
        Value elem = b.iadd(param(2), field);
        b.await_(yield);
        b.return_(b.load(I64, MemFlags.NONE, elem, 0));
        Function f = b.build();
        VerifierError e = Verify.assertOneError(f, Rule.BORROW,
                "v4, derived from the borrowed parameter v0 (parameter 0: i64 borrow), is live across \"await fn0()\"");
        assertTrue(e.message().contains("load what is needed before the await"), e::toString);
    }

    @Test
    void selectAndBlockParametersCarryTheBorrow() {
        begin(true);
        Block next = b.createBlock(I64);
        Value chosen = b.select(param(2), param(1), param(2));
        b.jump(next, chosen);
        b.switchToBlock(next);
        b.await_(yield);
        b.return_(b.load(I64, MemFlags.NONE, next.param(0), 0));
        Verify.assertOneError(b.build(), Rule.BORROW, "v3, derived from the borrowed parameter v1");
    }

    @Test
    void borrowCarriedAroundALoop() {
        begin(true);
        Block head = b.createBlock(I64, I64);
        Block body = b.createBlock();
        Block exit = b.createBlock();
        Value field = b.iaddImm(param(0), 8);
        b.jump(head, param(2), field);
        b.switchToBlock(head);
        b.brif(head.param(0), body, exit);
        b.switchToBlock(body);
        b.await_(yield);
        b.jump(head, b.iaddImm(head.param(0), -1), head.param(1));
        b.switchToBlock(exit);
        b.return_(b.load(I64, MemFlags.NONE, head.param(1), 0));
        // v0 is dead after the entry; head's second parameter v4 carries v0 + 8 around the loop.
        Verify.assertOneError(b.build(), Rule.BORROW, "v4, derived from the borrowed parameter v0");
    }

    @Test
    void ownStackSlotAddressIsFine() {
        begin(true);
        Value addr = b.stackAddr(I64, b.createStackSlot(16, 8), 0);
        b.store(MemFlags.NONE, param(2), addr, 0);
        b.await_(yield);
        b.return_(b.load(I64, MemFlags.NONE, addr, 0));
        Verify.assertClean(b.build());
    }

    @Test
    void syncFunctionsMayHoldBorrowsOverCalls() {
        begin(false);
        Value x = b.call(b.importFunction("g", sig(List.of(I64), List.of(I64))), param(2)).result();
        b.return_(b.load(I64, MemFlags.NONE, b.iadd(param(0), x), 0));
        Verify.assertClean(b.build());
    }

    private FuncRef lock() {
        return b.importFunction("lock", new Signature(List.of(AbiParam.of(I64)), List.of(AbiParam.of(I64, ParamFlag.GUARD)), null));
    }

    @Test
    void lockGuardLiveAcrossAwait() {
        begin(true);
        FuncRef unlock = b.importFunction("unlock", sig(List.of(I64), List.of()));
        Value guard = b.call(lock(), param(2)).result();
        b.await_(yield);
        b.call(unlock, guard);
        b.return_(param(2));
        VerifierError e = Verify.assertOneError(b.build(), Rule.GUARD, "lock held across await",
                "the guard v3, returned by \"v3 = call fn2(v2)\", is live across \"await fn0()\"");
        assertEquals("await fn0()", e.instruction());
    }

    @Test
    void lockReleasedBeforeAwaitIsFine() {
        begin(true);
        FuncRef unlock = b.importFunction("unlock", sig(List.of(I64), List.of()));
        Value guard = b.call(lock(), param(2)).result();
        b.call(unlock, guard);
        b.await_(yield);
        b.return_(param(2));
        Verify.assertClean(b.build());
    }

    @Test
    void guardPassedThroughABlockParameter() {
        begin(true);
        FuncRef unlock = b.importFunction("unlock", sig(List.of(I64), List.of()));
        Block held = b.createBlock(I64);
        Value guard = b.call(lock(), param(2)).result();
        b.jump(held, guard);
        b.switchToBlock(held);
        b.await_(yield);
        b.call(unlock, held.param(0));
        b.return_(param(2));
        Verify.assertOneError(b.build(), Rule.GUARD, "the guard v3 (from v4)");
    }
}
