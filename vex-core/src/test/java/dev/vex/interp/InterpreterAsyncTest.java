package dev.vex.interp;

import static dev.vex.interp.Ir.args;
import static dev.vex.interp.Ir.assertFails;
import static dev.vex.interp.Ir.assertReturns;
import static dev.vex.interp.Ir.sig;
import static dev.vex.interp.Ir.sigTo;
import static dev.vex.ir.Type.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.exec.Outcome;
import dev.vex.ir.Block;
import dev.vex.ir.FuncRef;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Instruction;
import dev.vex.ir.IntCC;
import dev.vex.ir.MemFlags;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import dev.vex.ir.Opcode;
import dev.vex.ir.StackSlot;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterpreterAsyncTest {

    /** async %triple(x) = 3x, no suspension. */
    private static void addTriple(ModuleBuilder mb) {
        FunctionBuilder b = mb.asyncFunction("triple", sigTo(I64, I64));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        b.return_(b.binaryImm(Opcode.IMUL_IMM, e.param(0), 3));
    }

    /** async %square_later(x): yields {@code x mod 3} times, then returns x*x + 1. */
    private static void addSquareLater(ModuleBuilder mb) {
        FunctionBuilder b = mb.asyncFunction("square_later", sigTo(I64, I64));
        FuncRef yield = Ir.yieldFn(b);
        Block e = b.createEntryBlock();
        Block loop = b.createBlock(I64);
        Block body = b.createBlock();
        Block done = b.createBlock();
        b.switchToBlock(e);
        b.jump(loop, b.binaryImm(Opcode.UREM_IMM, e.param(0), 3));
        b.switchToBlock(loop);
        b.brif(loop.param(0), body, done);
        b.switchToBlock(body);
        b.await_(yield);
        b.jump(loop, b.iaddImm(loop.param(0), -1));
        b.switchToBlock(done);
        b.return_(b.iaddImm(b.imul(e.param(0), e.param(0)), 1));
    }

    @Test
    void readyAwaitsRunInline() {
        ModuleBuilder mb = new ModuleBuilder();
        addTriple(mb);
        FunctionBuilder b = mb.asyncFunction("twice", sigTo(I64, I64));
        FuncRef triple = b.importAsyncFunction("triple", sigTo(I64, I64));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        Value v1 = b.await_(triple, e.param(0)).result();
        Value v2 = b.await_(triple, v1).result();
        b.return_(b.iadd(v1, v2));
        Interpreter interp = new Interpreter(mb.build());
        for (long x : new long[] {2, -1, 1000}) {
            long t1 = 3 * x;
            assertReturns(interp, "twice", args(x), t1 + 3 * t1);
        }
        assertEquals(0, interp.runWithReport("twice", args(5)).virtualNanos());
    }

    @Test
    void yieldLoopKeepsItsValues() {
        FunctionBuilder b = new FunctionBuilder("yield_sum", sigTo(I64, I64), true);
        FuncRef yield = Ir.yieldFn(b);
        Block e = b.createEntryBlock();
        Block head = b.createBlock(I64, I64);
        Block body = b.createBlock();
        Block exit = b.createBlock(I64);
        b.switchToBlock(e);
        b.jump(head, e.param(0), b.iconst(I64, 0));
        b.switchToBlock(head);
        b.brif(head.param(0), body, List.of(), exit, List.of(head.param(1)));
        b.switchToBlock(body);
        b.await_(yield);
        Value acc = b.iadd(head.param(1), head.param(0));
        b.jump(head, b.iaddImm(head.param(0), -1), acc);
        b.switchToBlock(exit);
        b.return_(exit.param(0));
        Module m = new ModuleBuilder().add(b.build()).build();
        assertReturns(m, "yield_sum", args(0), 0);
        assertReturns(m, "yield_sum", args(100), 5050);
    }

    /**
     * Four sleepers send their ids into a channel when they wake; the root reads them as digits.
     * Wake order is by deadline, ties in the order the timers were armed (spawn order here).
     */
    @Test
    void sleepersWakeInDeadlineOrder() {
        long[] durations = {300, 100, 200, 100};
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder s = mb.asyncFunction("sleeper", sig(I64, I64, I64));
        FuncRef sleep = Ir.sleepFn(s);
        FuncRef send = Ir.chanSendFn(s);
        Block se = s.createEntryBlock();
        s.switchToBlock(se);
        s.await_(sleep, se.param(1));
        s.await_(send, se.param(0), se.param(2));
        s.return_();

        FunctionBuilder r = mb.asyncFunction("root", sigTo(I64));
        FuncRef sleeper = r.importAsyncFunction("sleeper", sig(I64, I64, I64));
        FuncRef chanNew = Ir.chanNewFn(r);
        FuncRef recv = Ir.chanRecvFn(r);
        Block re = r.createEntryBlock();
        r.switchToBlock(re);
        Value ch = r.call(chanNew, r.iconst(I64, 8)).result();
        for (int i = 0; i < durations.length; i++) {
            r.spawn(sleeper, ch, r.iconst(I64, durations[i]), r.iconst(I64, i + 1));
        }
        Value acc = r.iconst(I64, 0);
        for (int i = 0; i < durations.length; i++) {
            Value v = r.await_(recv, ch).result(1);
            acc = r.iadd(r.binaryImm(Opcode.IMUL_IMM, acc, 10), v);
        }
        r.return_(acc);
        Interpreter interp = new Interpreter(mb.build());

        List<Integer> ids = new ArrayList<>(List.of(1, 2, 3, 4));
        ids.sort(Comparator.comparingLong(id -> durations[id - 1])); // stable: ties keep spawn order
        long expected = 0;
        for (int id : ids) {
            expected = expected * 10 + id;
        }
        RunReport report = interp.runWithReport("root", args());
        assertEquals(new Outcome.Returned(new long[] {expected}), report.outcome());
        assertEquals(300, report.virtualNanos());
        assertEquals(report, interp.runWithReport("root", args()), "runs are deterministic");
    }

    @Test
    void consecutiveSleepsAdvanceTheClock() {
        FunctionBuilder b = new FunctionBuilder("nap", sigTo(I64, I64, I64), true);
        FuncRef sleep = Ir.sleepFn(b);
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        b.await_(sleep, e.param(0));
        b.await_(sleep, e.param(1));
        b.return_(b.iconst(I64, 1));
        Interpreter interp = new Interpreter(new ModuleBuilder().add(b.build()).build());
        assertEquals(100 + 250, interp.runWithReport("nap", args(100, 250)).virtualNanos());
        assertEquals(250, interp.runWithReport("nap", args(-5, 250)).virtualNanos(), "a negative sleep waits 0");
    }

    @Test
    void spawnAndJoin() {
        ModuleBuilder mb = new ModuleBuilder();
        addSquareLater(mb);
        FunctionBuilder b = mb.asyncFunction("two_tasks", sigTo(I64, I64, I64));
        FuncRef sq = b.importAsyncFunction("square_later", sigTo(I64, I64));
        FuncRef join = Ir.joinFn(b);
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        Value h1 = b.spawn(sq, e.param(0));
        Value h2 = b.spawn(sq, e.param(1));
        Value r1 = b.await_(join, h1).result();
        Value r2 = b.await_(join, h2).result();
        b.return_(b.iadd(r1, r2));
        Module m = mb.build();
        assertReturns(m, "two_tasks", args(3, 4), (3 * 3 + 1) + (4 * 4 + 1));
        assertReturns(m, "two_tasks", args(5, 7), (5 * 5 + 1) + (7 * 7 + 1));
    }

    /** N tasks spawned in a loop (handles kept in a slot), joined in order: acc = acc * 31 + r. */
    @Test
    void fanOutJoinedInOrder() {
        int n = 12;
        ModuleBuilder mb = new ModuleBuilder();
        addSquareLater(mb);
        FunctionBuilder b = mb.asyncFunction("fan", sigTo(I64));
        FuncRef sq = b.importAsyncFunction("square_later", sigTo(I64, I64));
        FuncRef join = Ir.joinFn(b);
        StackSlot handles = b.createStackSlot(8 * n);
        Block e = b.createEntryBlock();
        Block spawnLoop = b.createBlock(I64);
        Block spawnBody = b.createBlock();
        Block joinLoop = b.createBlock(I64, I64);
        Block joinBody = b.createBlock();
        Block done = b.createBlock();
        b.switchToBlock(e);
        Value base = b.stackAddr(I64, handles, 0);
        b.jump(spawnLoop, b.iconst(I64, 0));
        b.switchToBlock(spawnLoop);
        Value i = spawnLoop.param(0);
        b.brif(b.icmpImm(IntCC.ULT, i, n), spawnBody, List.of(), joinLoop, List.of(b.iconst(I64, 0), b.iconst(I64, 0)));
        b.switchToBlock(spawnBody);
        Value h = b.spawn(sq, i);
        b.store(MemFlags.NONE, h, b.iadd(base, b.binaryImm(Opcode.ISHL_IMM, i, 3)), 0);
        b.jump(spawnLoop, b.iaddImm(i, 1));
        b.switchToBlock(joinLoop);
        Value j = joinLoop.param(0);
        Value acc = joinLoop.param(1);
        b.brif(b.icmpImm(IntCC.ULT, j, n), joinBody, done);
        b.switchToBlock(joinBody);
        Value hj = b.load(I64, MemFlags.NONE, b.iadd(base, b.binaryImm(Opcode.ISHL_IMM, j, 3)), 0);
        Value r = b.await_(join, hj).result();
        b.jump(joinLoop, b.iaddImm(j, 1), b.iadd(b.binaryImm(Opcode.IMUL_IMM, acc, 31), r));
        b.switchToBlock(done);
        b.return_(acc);
        long expected = 0;
        for (long k = 0; k < n; k++) {
            expected = expected * 31 + (k * k + 1);
        }
        assertReturns(mb.build(), "fan", args(), expected);
    }

    /**
     * A producer sends 1..n and closes; the root first sleeps (the producer runs ahead as far as
     * the capacity lets it, counting completed sends in heap memory), then drains the channel.
     * Returns (sends completed before the root read anything, order-sensitive checksum, the flag
     * and value of a receive after the drain, the result of a send after close).
     */
    private static Module producerConsumer() {
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder p = mb.asyncFunction("producer", sigTo(I64, I64, I64, I64));
        FuncRef send = Ir.chanSendFn(p);
        FuncRef close = Ir.chanCloseFn(p);
        Block pe = p.createEntryBlock();
        Block loop = p.createBlock(I64);
        Block body = p.createBlock();
        Block done = p.createBlock();
        p.switchToBlock(pe);
        Value ch = pe.param(0);
        p.jump(loop, p.iconst(I64, 1));
        p.switchToBlock(loop);
        Value i = loop.param(0);
        p.brif(p.icmp(IntCC.SLE, i, pe.param(1)), body, done);
        p.switchToBlock(body);
        p.await_(send, ch, i);
        p.store(MemFlags.NONE, i, pe.param(2), 0);
        p.jump(loop, p.iaddImm(i, 1));
        p.switchToBlock(done);
        p.call(close, ch);
        p.return_(p.iconst(I64, 0));

        FunctionBuilder c = mb.asyncFunction("consume", Ir.sig(List.of(I64, I64), List.of(I64, I64, I64, I64, I64)));
        FuncRef producer = c.importAsyncFunction("producer", sigTo(I64, I64, I64, I64));
        FuncRef chanNew = Ir.chanNewFn(c);
        FuncRef recv = Ir.chanRecvFn(c);
        FuncRef send2 = Ir.chanSendFn(c);
        FuncRef alloc = Ir.allocFn(c);
        FuncRef sleep = Ir.sleepFn(c);
        FuncRef join = Ir.joinFn(c);
        Block ce = c.createEntryBlock();
        Block rloop = c.createBlock(I64);
        Block got = c.createBlock();
        Block drained = c.createBlock();
        c.switchToBlock(ce);
        Value chan = c.call(chanNew, ce.param(0)).result();
        Value counter = c.call(alloc, c.iconst(I64, 8)).result();
        c.store(MemFlags.NONE, c.iconst(I64, 0), counter, 0);
        Value h = c.spawn(producer, chan, ce.param(1), counter);
        c.await_(sleep, c.iconst(I64, 1000));
        Value early = c.load(I64, MemFlags.NONE, counter, 0);
        c.jump(rloop, c.iconst(I64, 0));
        c.switchToBlock(rloop);
        Instruction r = c.await_(recv, chan);
        c.brif(r.result(0), drained, got);
        c.switchToBlock(got);
        Value acc = c.iadd(c.binaryImm(Opcode.IMUL_IMM, rloop.param(0), 7), r.result(1));
        c.jump(rloop, acc);
        c.switchToBlock(drained);
        Instruction again = c.await_(recv, chan);
        Value late = c.await_(send2, chan, c.iconst(I64, 99)).result();
        c.await_(join, h);
        c.return_(early, rloop.param(0), again.result(0), again.result(1), late);
        return mb.build();
    }

    @Test
    void producerConsumerWithCapacities() {
        Interpreter interp = new Interpreter(producerConsumer());
        long n = 10;
        long checksum = 0;
        for (long v = 1; v <= n; v++) {
            checksum = checksum * 7 + v;
        }
        for (long cap : new long[] {0, 1, 4}) {
            long early = Math.min(cap, n); // the producer runs ahead by at most the capacity
            assertReturns(interp, "consume", args(cap, n), early, checksum, 1, 0, 1);
        }
        // A capacity above n: the producer finishes before the root reads anything.
        assertReturns(interp, "consume", args(64, n), n, checksum, 1, 0, 1);
    }

    /** Closing wakes a blocked receiver with (1, 0) and a blocked sender with 1. */
    @Test
    void closeWakesWaiters() {
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder w = mb.asyncFunction("waiter", sigTo(I64, I64));
        FuncRef recv = Ir.chanRecvFn(w);
        Block we = w.createEntryBlock();
        w.switchToBlock(we);
        Instruction r = w.await_(recv, we.param(0));
        w.return_(w.iadd(w.binaryImm(Opcode.IMUL_IMM, r.result(0), 100), r.result(1)));
        FunctionBuilder s = mb.asyncFunction("sender", sigTo(I64, I64));
        FuncRef send = Ir.chanSendFn(s);
        Block se = s.createEntryBlock();
        s.switchToBlock(se);
        s.return_(s.iaddImm(s.await_(send, se.param(0), s.iconst(I64, 5)).result(), 10));

        FunctionBuilder root = mb.asyncFunction("closer", Ir.sig(List.of(), List.of(I64, I64)));
        FuncRef waiter = root.importAsyncFunction("waiter", sigTo(I64, I64));
        FuncRef sender = root.importAsyncFunction("sender", sigTo(I64, I64));
        FuncRef chanNew = Ir.chanNewFn(root);
        FuncRef close = Ir.chanCloseFn(root);
        FuncRef yield = Ir.yieldFn(root);
        FuncRef join = Ir.joinFn(root);
        Block re = root.createEntryBlock();
        root.switchToBlock(re);
        Value ch1 = root.call(chanNew, root.iconst(I64, 0)).result();
        Value ch2 = root.call(chanNew, root.iconst(I64, 0)).result();
        Value hw = root.spawn(waiter, ch1);
        Value hs = root.spawn(sender, ch2);
        root.await_(yield); // both run and block
        root.call(close, ch1);
        root.call(close, ch2);
        root.call(close, ch2); // closing twice is harmless
        Value rw = root.await_(join, hw).result();
        Value rs = root.await_(join, hs).result();
        root.return_(rw, rs);
        assertReturns(mb.build(), "closer", args(), 1 * 100 + 0, 1 + 10);
    }

    /** Recursion through await_boxed, suspending at every leaf. */
    @Test
    void awaitBoxedRecursion() {
        FunctionBuilder b = new FunctionBuilder("afib", sigTo(I64, I64), true);
        FuncRef self = b.importAsyncFunction("afib", sigTo(I64, I64));
        FuncRef yield = Ir.yieldFn(b);
        Block e = b.createEntryBlock();
        Block leaf = b.createBlock();
        Block rec = b.createBlock();
        b.switchToBlock(e);
        Value n = e.param(0);
        b.brif(b.icmpImm(IntCC.SLT, n, 2), leaf, rec);
        b.switchToBlock(leaf);
        b.await_(yield);
        b.return_(n);
        b.switchToBlock(rec);
        Value f1 = b.awaitBoxed(self, b.iaddImm(n, -1)).result();
        Value f2 = b.awaitBoxed(self, b.iaddImm(n, -2)).result();
        b.return_(b.iadd(f1, f2));
        Module m = new ModuleBuilder().add(b.build()).build();
        for (int k : new int[] {0, 1, 2, 10, 15}) {
            assertReturns(m, "afib", args(k), InterpreterControlFlowTest.javaFib(k));
        }
    }

    @Test
    void deadlockIsReported() {
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder w = mb.asyncFunction("waiter", sigTo(I64, I64));
        FuncRef recv = Ir.chanRecvFn(w);
        Block we = w.createEntryBlock();
        w.switchToBlock(we);
        w.return_(w.await_(recv, we.param(0)).result(1));
        // The root joins a task that waits on a channel nobody sends to or closes.
        FunctionBuilder r = mb.asyncFunction("stuck", sigTo(I64));
        FuncRef waiter = r.importAsyncFunction("waiter", sigTo(I64, I64));
        FuncRef chanNew = Ir.chanNewFn(r);
        FuncRef join = Ir.joinFn(r);
        Block re = r.createEntryBlock();
        r.switchToBlock(re);
        Value ch = r.call(chanNew, r.iconst(I64, 1)).result();
        r.return_(r.await_(join, r.spawn(waiter, ch)).result());
        Outcome o = new Interpreter(mb.build()).run("stuck", args());
        String reason = assertFails(o).reason();
        assertTrue(reason.startsWith("deadlock"), reason);
        assertTrue(reason.contains("%vex_join"), reason);
        assertTrue(reason.contains("2 task(s) blocked"), reason);
    }

    @Test
    void trapInSpawnedTaskEndsTheRun() {
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder bad = mb.asyncFunction("bad", sigTo(I64, I64));
        FuncRef yield = Ir.yieldFn(bad);
        Block be = bad.createEntryBlock();
        bad.switchToBlock(be);
        bad.await_(yield);
        bad.return_(bad.udiv(bad.iconst(I64, 10), be.param(0)));
        FunctionBuilder r = mb.asyncFunction("parent", sigTo(I64, I64));
        FuncRef fn = r.importAsyncFunction("bad", sigTo(I64, I64));
        FuncRef join = Ir.joinFn(r);
        Block re = r.createEntryBlock();
        r.switchToBlock(re);
        r.return_(r.await_(join, r.spawn(fn, re.param(0))).result());
        Interpreter interp = new Interpreter(mb.build());
        assertEquals(new Outcome.Trapped(TrapCode.INTEGER_DIVISION_BY_ZERO, "bad"), interp.run("parent", args(0)));
        assertReturns(interp, "parent", args(3), 3);
    }

    /** A handle can be joined or detached once; a second use fails the run. */
    @Test
    void handlesAreUsedOnce() {
        ModuleBuilder mb = new ModuleBuilder();
        addSquareLater(mb);
        FunctionBuilder r = mb.asyncFunction("twice_join", sigTo(I64, I64));
        FuncRef sq = r.importAsyncFunction("square_later", sigTo(I64, I64));
        FuncRef join = Ir.joinFn(r);
        FuncRef detach = r.importFunction("vex_detach", sig(I64));
        Block re = r.createEntryBlock();
        Block detachIt = r.createBlock();
        Block joinTwice = r.createBlock();
        r.switchToBlock(re);
        Value h = r.spawn(sq, r.iconst(I64, 4));
        r.brif(re.param(0), joinTwice, detachIt);
        r.switchToBlock(detachIt);
        r.call(detach, h);
        r.return_(r.iconst(I64, 7));
        r.switchToBlock(joinTwice);
        r.await_(join, h);
        r.return_(r.await_(join, h).result());
        Interpreter interp = new Interpreter(mb.build());
        assertReturns(interp, "twice_join", args(0), 7);
        String reason = assertFails(interp.run("twice_join", args(1))).reason();
        assertTrue(reason.contains("%vex_join"), reason);
    }

    /**
     * {@code %vex_cancel} of a handle already joined fails the run, naming it; cancelling a
     * task in a long sleep ends it at once, without advancing virtual time to its timer.
     */
    @Test
    void cancelNeedsALiveHandleAndEndsASleepAtOnce() {
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder nap = mb.asyncFunction("nap", sigTo(I64, I64));
        FuncRef sleep = nap.importAsyncFunction("vex_sleep", sig(I64));
        Block ne = nap.createEntryBlock();
        nap.switchToBlock(ne);
        nap.await_(sleep, ne.param(0));
        nap.return_(ne.param(0));
        FunctionBuilder r = mb.asyncFunction("cancel_it", sigTo(I64, I64));
        FuncRef napRef = r.importAsyncFunction("nap", sigTo(I64, I64));
        FuncRef cancel = r.importFunction("vex_cancel", sig(I64));
        FuncRef join = Ir.joinFn(r);
        FuncRef yield = Ir.yieldFn(r);
        Block re = r.createEntryBlock();
        Block afterJoin = r.createBlock();
        Block whileAsleep = r.createBlock();
        r.switchToBlock(re);
        Value h = r.spawn(napRef, r.iconst(I64, 1_000_000_000_000L));
        r.brif(re.param(0), afterJoin, whileAsleep);
        r.switchToBlock(whileAsleep);
        r.await_(yield);
        r.call(cancel, h);
        r.return_(r.await_(join, h).result());
        r.switchToBlock(afterJoin);
        r.call(cancel, h);
        r.await_(join, h);
        r.call(cancel, h);
        r.return_(r.iconst(I64, 1));
        Interpreter interp = new Interpreter(mb.build());
        RunReport report = interp.runWithReport("cancel_it", args(0));
        assertEquals(new Outcome.Returned(new long[] {0}), report.outcome(), "a cancelled task's join gives 0");
        assertEquals(0, report.virtualNanos(), "the sleep's timer was disarmed, not waited for");
        String reason = assertFails(interp.run("cancel_it", args(1))).reason();
        assertTrue(reason.contains("%vex_cancel(") && reason.contains("not a live task handle"), reason);
    }

    /**
     * A function value is awaited (or spawned) only if its function is async, and called only if
     * it is sync: the interpreter checks what the verifier cannot see.
     */
    @Test
    void functionValuesMustMatchTheirUse() {
        ModuleBuilder mb = new ModuleBuilder();
        addTriple(mb);
        FunctionBuilder sq = mb.function("square", sigTo(I64, I64));
        Block se = sq.createEntryBlock();
        sq.switchToBlock(se);
        sq.return_(sq.imul(se.param(0), se.param(0)));
        FunctionBuilder r = mb.asyncFunction("use_values", sigTo(I64, I64));
        Value tripleValue;
        Value squareValue;
        Block re = r.createEntryBlock();
        Block good = r.createBlock();
        Block bad = r.createBlock();
        Block worse = r.createBlock();
        r.switchToBlock(re);
        tripleValue = r.funcAddr(I64, r.importAsyncFunction("triple", sigTo(I64, I64)));
        squareValue = r.funcAddr(I64, r.importFunction("square", sigTo(I64, I64)));
        dev.vex.ir.SigRef s = r.importSignature(sigTo(I64, I64));
        Block pickBad = r.createBlock();
        r.brif(re.param(0), pickBad, good);
        r.switchToBlock(good);
        Value t = r.awaitIndirect(s, tripleValue, List.of(r.iconst(I64, 5))).result();
        Value q = r.callIndirect(s, squareValue, List.of(t)).result();
        Value h = r.spawnIndirect(s, tripleValue, List.of(q));
        r.return_(r.await_(Ir.joinFn(r), h).result());
        r.switchToBlock(pickBad);
        r.brif(r.binaryImm(Opcode.BAND_IMM, re.param(0), 1), bad, worse);
        r.switchToBlock(bad);
        r.return_(r.awaitIndirect(s, squareValue, List.of(re.param(0))).result());
        r.switchToBlock(worse);
        r.return_(r.callIndirect(s, tripleValue, List.of(re.param(0))).result());
        Interpreter interp = new Interpreter(mb.build());
        assertReturns(interp, "use_values", args(0), 3 * 15 * 15);
        String awaitSync = assertFails(interp.run("use_values", args(1))).reason();
        assertTrue(awaitSync.contains("await_indirect") && awaitSync.contains("%square")
                && awaitSync.contains("a sync function"), awaitSync);
        String callAsync = assertFails(interp.run("use_values", args(2))).reason();
        assertTrue(callAsync.contains("call_indirect") && callAsync.contains("%triple")
                && callAsync.contains("an async function"), callAsync);
    }

    /** Sync code may spawn; the handle is a task of the current scheduler. */
    @Test
    void syncFunctionSpawns() {
        ModuleBuilder mb = new ModuleBuilder();
        addSquareLater(mb);
        FunctionBuilder s = mb.function("starter", sigTo(I64));
        FuncRef sq = s.importAsyncFunction("square_later", sigTo(I64, I64));
        Block se = s.createEntryBlock();
        s.switchToBlock(se);
        Value h1 = s.spawn(sq, s.iconst(I64, 1));
        Value h2 = s.spawn(sq, s.iconst(I64, 2));
        s.return_(s.isub(h2, h1));
        Outcome o = new Interpreter(mb.build()).run("starter", args());
        assertNotEquals(new Outcome.Returned(new long[] {0}), o, "two tasks, two handles");
    }

    /** Two tasks that yield forever: the step limit ends the run. */
    @Test
    void stepLimitCoversEveryTask() {
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder spin = mb.asyncFunction("spin", sig());
        FuncRef yield = Ir.yieldFn(spin);
        Block e = spin.createEntryBlock();
        Block loop = spin.createBlock();
        spin.switchToBlock(e);
        spin.jump(loop);
        spin.switchToBlock(loop);
        spin.await_(yield);
        spin.jump(loop);
        FunctionBuilder root = mb.asyncFunction("spinners", sig());
        FuncRef fn = root.importAsyncFunction("spin", sig());
        FuncRef yield2 = Ir.yieldFn(root);
        Block re = root.createEntryBlock();
        Block rl = root.createBlock();
        root.switchToBlock(re);
        root.spawn(fn);
        root.jump(rl);
        root.switchToBlock(rl);
        root.await_(yield2);
        root.jump(rl);
        Interpreter interp = new Interpreter(mb.build(), InterpreterOptions.DEFAULTS.withStepLimit(5_000));
        assertTrue(assertFails(interp.run("spinners", args())).reason().contains("step limit"));
    }

    /** A root that spawns forever without yielding: the live-task cap ends the run. */
    @Test
    void runawaySpawningFails() {
        ModuleBuilder mb = new ModuleBuilder();
        addTriple(mb);
        FunctionBuilder r = mb.asyncFunction("spawner", sig());
        FuncRef triple = r.importAsyncFunction("triple", sigTo(I64, I64));
        Block e = r.createEntryBlock();
        Block loop = r.createBlock();
        r.switchToBlock(e);
        r.jump(loop);
        r.switchToBlock(loop);
        r.spawn(triple, r.iconst(I64, 1));
        r.jump(loop);
        String reason = assertFails(new Interpreter(mb.build()).run("spawner", args())).reason();
        assertTrue(reason.contains("live tasks"), reason);
    }
}
