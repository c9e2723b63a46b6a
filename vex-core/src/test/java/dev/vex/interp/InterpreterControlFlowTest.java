package dev.vex.interp;

import static dev.vex.interp.Ir.args;
import static dev.vex.interp.Ir.assertFails;
import static dev.vex.interp.Ir.assertReturns;
import static dev.vex.interp.Ir.sig;
import static dev.vex.interp.Ir.sigTo;
import static dev.vex.ir.Type.I32;
import static dev.vex.ir.Type.I64;
import static dev.vex.ir.Type.I8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.exec.Outcome;
import dev.vex.ir.Block;
import dev.vex.ir.BlockCall;
import dev.vex.ir.FuncRef;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Instruction;
import dev.vex.ir.IntCC;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import dev.vex.ir.Opcode;
import dev.vex.ir.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterpreterControlFlowTest {

    /** %mac(a, b, c) = %mul(a, b) + c on i32, wrapping. */
    @Test
    void arithmeticThroughCalls() {
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder mul = mb.function("mul", sigTo(I32, I32, I32));
        Block e = mul.createEntryBlock();
        mul.switchToBlock(e);
        mul.return_(mul.imul(e.param(0), e.param(1)));

        FunctionBuilder mac = mb.function("mac", sigTo(I32, I32, I32, I32));
        FuncRef fn = mac.importFunction("mul", sigTo(I32, I32, I32));
        Block m = mac.createEntryBlock();
        mac.switchToBlock(m);
        Value p = mac.call(fn, m.param(0), m.param(1)).result();
        mac.return_(mac.iadd(p, m.param(2)));
        Module module = mb.build();

        int[][] cases = {{6, 7, 1}, {-3, 5, 100}, {0x10000, 0x10000, 5}, {Integer.MIN_VALUE, -1, -1}};
        for (int[] c : cases) {
            int expected = c[0] * c[1] + c[2];
            assertReturns(module, "mac", args(c[0], c[1], c[2]), Integer.toUnsignedLong(expected));
        }
    }

    /** sum(n) = 1 + ... + n with a loop over block parameters. */
    @Test
    void loopWithBlockParams() {
        FunctionBuilder b = new FunctionBuilder("sum", sigTo(I64, I64));
        Block entry = b.createEntryBlock();
        Block head = b.createBlock(I64, I64);
        Block body = b.createBlock();
        Block exit = b.createBlock(I64);
        b.switchToBlock(entry);
        b.jump(head, entry.param(0), b.iconst(I64, 0));
        b.switchToBlock(head);
        b.brif(head.param(0), body, List.of(), exit, List.of(head.param(1)));
        b.switchToBlock(body);
        Value acc = b.iadd(head.param(1), head.param(0));
        b.jump(head, b.iaddImm(head.param(0), -1), acc);
        b.switchToBlock(exit);
        b.return_(exit.param(0));
        Module m = new ModuleBuilder().add(b.build()).build();
        for (long n : new long[] {0, 1, 10, 1000}) {
            long expected = 0;
            for (long i = 1; i <= n; i++) {
                expected += i;
            }
            assertReturns(m, "sum", args(n), expected);
        }
    }

    /** block1(a, b, k) jumps to block1(b, a, k - 1): a parallel assignment, so the pair swaps. */
    @Test
    void swapOfBlockParamsIsParallel() {
        FunctionBuilder b = new FunctionBuilder("swap", Ir.sig(List.of(I64, I64, I64), List.of(I64, I64)));
        Block entry = b.createEntryBlock();
        Block loop = b.createBlock(I64, I64, I64);
        Block body = b.createBlock();
        Block exit = b.createBlock();
        b.switchToBlock(entry);
        b.jump(loop, entry.param(0), entry.param(1), entry.param(2));
        b.switchToBlock(loop);
        b.brif(loop.param(2), body, exit);
        b.switchToBlock(body);
        Value k = b.iaddImm(loop.param(2), -1);
        b.jump(loop, loop.param(1), loop.param(0), k);
        b.switchToBlock(exit);
        b.return_(loop.param(0), loop.param(1));
        Module m = new ModuleBuilder().add(b.build()).build();
        assertReturns(m, "swap", args(11, 22, 0), 11, 22);
        assertReturns(m, "swap", args(11, 22, 1), 22, 11);
        assertReturns(m, "swap", args(11, 22, 2), 11, 22);
        assertReturns(m, "swap", args(11, 22, 7), 22, 11);
    }

    /** Iterative Fibonacci: block1(a, b, n) -> block1(b, a + b, n - 1). */
    @Test
    void fibonacciLoopReadsOldValues() {
        FunctionBuilder b = new FunctionBuilder("fibloop", sigTo(I64, I64));
        Block entry = b.createEntryBlock();
        Block loop = b.createBlock(I64, I64, I64);
        Block body = b.createBlock();
        Block exit = b.createBlock();
        b.switchToBlock(entry);
        b.jump(loop, b.iconst(I64, 0), b.iconst(I64, 1), entry.param(0));
        b.switchToBlock(loop);
        b.brif(loop.param(2), body, exit);
        b.switchToBlock(body);
        Value sum = b.iadd(loop.param(0), loop.param(1));
        b.jump(loop, loop.param(1), sum, b.iaddImm(loop.param(2), -1));
        b.switchToBlock(exit);
        b.return_(loop.param(0));
        Module m = new ModuleBuilder().add(b.build()).build();
        for (int n = 0; n <= 90; n += 15) {
            assertReturns(m, "fibloop", args(n), javaFib(n));
        }
    }

    @Test
    void brTableTakesTheIndexedEntryOrTheDefault() {
        FunctionBuilder b = new FunctionBuilder("table", sigTo(I32, I32));
        Block entry = b.createEntryBlock();
        Block ret = b.createBlock(I32);
        Block b1 = b.createBlock();
        Block b2 = b.createBlock();
        Block b3 = b.createBlock();
        Block dflt = b.createBlock();
        b.switchToBlock(entry);
        b.brTable(entry.param(0), BlockCall.of(dflt),
                List.of(BlockCall.of(b1), BlockCall.of(b2), BlockCall.of(b2), BlockCall.of(b3)));
        int[] constants = {10, 20, 30, 99};
        Block[] blocks = {b1, b2, b3, dflt};
        for (int i = 0; i < blocks.length; i++) {
            b.switchToBlock(blocks[i]);
            b.jump(ret, b.iconst(I32, constants[i]));
        }
        b.switchToBlock(ret);
        b.return_(ret.param(0));
        Module m = new ModuleBuilder().add(b.build()).build();
        assertReturns(m, "table", args(0), 10);
        assertReturns(m, "table", args(1), 20);
        assertReturns(m, "table", args(2), 20);
        assertReturns(m, "table", args(3), 30);
        assertReturns(m, "table", args(4), 99);
        assertReturns(m, "table", args(-1), 99); // 0xffffffff, unsigned: far out of range
    }

    /** fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2). */
    @Test
    void recursiveFibonacci() {
        Module m = new ModuleBuilder().add(recursiveFib()).build();
        for (int n = 0; n <= 20; n++) {
            assertReturns(m, "fib", args(n), javaFib(n));
        }
    }

    static dev.vex.ir.Function recursiveFib() {
        FunctionBuilder b = new FunctionBuilder("fib", sigTo(I64, I64));
        FuncRef self = b.importFunction("fib", sigTo(I64, I64));
        Block entry = b.createEntryBlock();
        Block small = b.createBlock();
        Block big = b.createBlock();
        b.switchToBlock(entry);
        Value n = entry.param(0);
        b.brif(b.icmpImm(IntCC.SLT, n, 2), small, big);
        b.switchToBlock(small);
        b.return_(n);
        b.switchToBlock(big);
        Value f1 = b.call(self, b.iaddImm(n, -1)).result();
        Value f2 = b.call(self, b.iaddImm(n, -2)).result();
        b.return_(b.iadd(f1, f2));
        return b.build();
    }

    /** A callee with two results: (a / b, a % b), combined by the caller as q * 1000 + r. */
    @Test
    void multiValueReturnsAndSelect() {
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder dm = mb.function("divmod", Ir.sig(List.of(I64, I64), List.of(I64, I64)));
        Block e = dm.createEntryBlock();
        dm.switchToBlock(e);
        dm.return_(dm.udiv(e.param(0), e.param(1)), dm.urem(e.param(0), e.param(1)));

        FunctionBuilder c = mb.function("combine", sigTo(I64, I64, I64));
        FuncRef fn = c.importFunction("divmod", Ir.sig(List.of(I64, I64), List.of(I64, I64)));
        Block ce = c.createEntryBlock();
        c.switchToBlock(ce);
        Instruction call = c.call(fn, ce.param(0), ce.param(1));
        Value q = c.imul(call.result(0), c.iconst(I64, 1000));
        Value qr = c.iadd(q, call.result(1));
        // select: the larger of q*1000+r and the dividend.
        Value bigger = c.icmp(IntCC.UGT, qr, ce.param(0));
        c.return_(c.select(bigger, qr, ce.param(0)));
        Module m = mb.build();
        long[][] cases = {{100, 7}, {5, 9}, {123456, 1000}};
        for (long[] k : cases) {
            long combined = (k[0] / k[1]) * 1000 + k[0] % k[1];
            assertReturns(m, "combine", args(k[0], k[1]), Math.max(combined, k[0]));
        }
    }

    @Test
    void narrowResultsAndArgumentsAreCanonical() {
        FunctionBuilder b = new FunctionBuilder("neg8", sigTo(I8, I8));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        b.return_(b.unary(Opcode.INEG, e.param(0)));
        Module m = new ModuleBuilder().add(b.build()).build();
        for (long x : new long[] {1, 0x1ff, 0x80, -2}) {
            // The argument is cut to 8 bits first; the result is the low 8 bits of the negation.
            long expected = -(x & 0xff) & 0xff;
            assertReturns(m, "neg8", args(x), expected);
        }
    }

    @Test
    void stepLimitStopsARunawayLoop() {
        FunctionBuilder b = new FunctionBuilder("spin", sig());
        Block e = b.createEntryBlock();
        Block loop = b.createBlock();
        b.switchToBlock(e);
        b.jump(loop);
        b.switchToBlock(loop);
        b.nop();
        b.jump(loop);
        Module m = new ModuleBuilder().add(b.build()).build();
        Interpreter interp = new Interpreter(m, InterpreterOptions.DEFAULTS.withStepLimit(10_000));
        RunReport r = interp.runWithReport("spin", args());
        assertTrue(assertFails(r.outcome()).reason().contains("step limit"), r.toString());
        assertEquals(10_000, r.steps());
    }

    @Test
    void callToAnUndefinedFunctionFailsNamingIt() {
        FunctionBuilder b = new FunctionBuilder("caller", sigTo(I64, I64));
        FuncRef ext = b.importFunction("nowhere", sigTo(I64, I64));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        b.return_(b.call(ext, e.param(0)).result());
        Module m = new ModuleBuilder().add(b.build()).build();
        Outcome o = new Interpreter(m).run("caller", args(1));
        assertTrue(assertFails(o).reason().contains("%nowhere"), o.toString());
    }

    @Test
    void unknownFunctionOrWrongArgumentCountFails() {
        Module m = new ModuleBuilder().add(recursiveFib()).build();
        Interpreter interp = new Interpreter(m);
        assertTrue(assertFails(interp.run("nope", args())).reason().contains("%nope"));
        assertTrue(assertFails(interp.run("fib", args(1, 2))).reason().contains("arguments"));
    }

    @Test
    void stepsCountEveryInstruction() {
        // sum(n): entry 2 (iconst, jump), each iteration 4 (brif, iadd, iadd_imm, jump), exit 2 (brif, return).
        FunctionBuilder b = new FunctionBuilder("count", sigTo(I64, I64));
        Block entry = b.createEntryBlock();
        Block head = b.createBlock(I64, I64);
        Block body = b.createBlock();
        Block exit = b.createBlock(I64);
        b.switchToBlock(entry);
        b.jump(head, entry.param(0), b.iconst(I64, 0));
        b.switchToBlock(head);
        b.brif(head.param(0), body, List.of(), exit, List.of(head.param(1)));
        b.switchToBlock(body);
        Value acc = b.iadd(head.param(1), head.param(0));
        b.jump(head, b.iaddImm(head.param(0), -1), acc);
        b.switchToBlock(exit);
        b.return_(exit.param(0));
        Module m = new ModuleBuilder().add(b.build()).build();
        RunReport r = new Interpreter(m).runWithReport("count", args(50));
        assertEquals(2 + 4 * 50 + 2, r.steps());
    }

    static long javaFib(int n) {
        long a = 0;
        long b = 1;
        for (int i = 0; i < n; i++) {
            long t = a + b;
            a = b;
            b = t;
        }
        return a;
    }
}
