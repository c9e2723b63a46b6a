package dev.vex.analysis;

import static dev.vex.ir.Type.I64;

import dev.vex.ir.Block;
import dev.vex.ir.FuncRef;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Instruction;
import dev.vex.ir.IntCC;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import dev.vex.ir.Opcode;
import dev.vex.ir.Signature;
import dev.vex.ir.Type;
import dev.vex.ir.Value;
import java.util.List;

/**
 * The async functions of the conformance suite's async/ files, rebuilt with the builder (the text
 * reader is not on this branch), value for value, so tests can name values by their numbers.
 */
public final class AsyncSamples {
    private AsyncSamples() {
    }

    public static Signature sig(List<Type> params, List<Type> returns) {
        return Signature.of(params, returns);
    }

    /** yield_loop.clif: %yield_sum and %square_later, %two_tasks. */
    public static Module yieldLoop() {
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder b = mb.asyncFunction("yield_sum", sig(List.of(I64), List.of(I64)));
        FuncRef yield = b.importAsyncFunction("vex_yield", sig(List.of(), List.of()));
        Block b0 = b.createEntryBlock();
        Block b1 = b.createBlock();
        Block b2 = b.createBlock();
        Block b3 = b.createBlock();
        b.switchToBlock(b0);
        Value v1 = b.iconst(I64, 0);
        b.jump(b1, b0.param(0), v1);
        enter(b, b1, I64, I64);
        b.brif(b1.param(0), b2, List.of(), b3, List.of(b1.param(1)));
        b.switchToBlock(b2);
        b.await_(yield);
        Value v4 = b.iadd(b1.param(1), b1.param(0));
        Value v5 = b.iaddImm(b1.param(0), -1);
        b.jump(b1, v5, v4);
        enter(b, b3, I64);
        b.return_(b3.param(0));

        FunctionBuilder sq = mb.asyncFunction("square_later", sig(List.of(I64), List.of(I64)));
        FuncRef y2 = sq.importAsyncFunction("vex_yield", sig(List.of(), List.of()));
        Block s0 = sq.createEntryBlock();
        sq.switchToBlock(s0);
        sq.await_(y2);
        sq.return_(sq.imul(s0.param(0), s0.param(0)));

        FunctionBuilder t = mb.asyncFunction("two_tasks", sig(List.of(I64, I64), List.of(I64)));
        FuncRef fn0 = t.importAsyncFunction("square_later", sig(List.of(I64), List.of(I64)));
        FuncRef fn1 = t.importAsyncFunction("vex_join", sig(List.of(I64), List.of(I64)));
        Block t0 = t.createEntryBlock();
        t.switchToBlock(t0);
        Value v2 = t.spawn(fn0, t0.param(0));
        Value v3 = t.spawn(fn0, t0.param(1));
        Value w4 = t.await_(fn1, v2).result();
        Value w5 = t.await_(fn1, v3).result();
        t.return_(t.iadd(w4, w5));
        return mb.build();
    }

    /** ready_chain.clif: %triple, %twice, %ready_loop. */
    public static Module readyChain() {
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder tr = mb.asyncFunction("triple", sig(List.of(I64), List.of(I64)));
        Block e = tr.createEntryBlock();
        tr.switchToBlock(e);
        tr.return_(tr.binaryImm(Opcode.IMUL_IMM, e.param(0), 3));

        FunctionBuilder tw = mb.asyncFunction("twice", sig(List.of(I64), List.of(I64)));
        FuncRef f = tw.importAsyncFunction("triple", sig(List.of(I64), List.of(I64)));
        Block w0 = tw.createEntryBlock();
        tw.switchToBlock(w0);
        Value v1 = tw.await_(f, w0.param(0)).result();
        Value v2 = tw.await_(f, v1).result();
        tw.return_(tw.iadd(v1, v2));

        FunctionBuilder rl = mb.asyncFunction("ready_loop", sig(List.of(I64), List.of(I64)));
        FuncRef g = rl.importAsyncFunction("triple", sig(List.of(I64), List.of(I64)));
        Block r0 = rl.createEntryBlock();
        Block r1 = rl.createBlock();
        Block r2 = rl.createBlock();
        Block r3 = rl.createBlock();
        rl.switchToBlock(r0);
        rl.jump(r1, r0.param(0), rl.iconst(I64, 0));
        enter(rl, r1, I64, I64);
        rl.brif(r1.param(0), r2, List.of(), r3, List.of(r1.param(1)));
        rl.switchToBlock(r2);
        Value v4 = rl.await_(g, r1.param(0)).result();
        Value v5 = rl.iadd(r1.param(1), v4);
        Value v6 = rl.iaddImm(r1.param(0), -1);
        rl.jump(r1, v6, v5);
        enter(rl, r3, I64);
        rl.return_(r3.param(0));
        return mb.build();
    }

    /** The ASYNC-IR.md example: %parse and %fetch_and_process. */
    public static Module fetchAndProcess() {
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder p = mb.asyncFunction("parse", sig(List.of(I64), List.of(I64, I64)));
        Block p0 = p.createEntryBlock();
        Block p1 = p.createBlock();
        Block p2 = p.createBlock();
        p.switchToBlock(p0);
        p.brif(p.icmpImm(IntCC.SLT, p0.param(0), 0), p1, p2);
        p.switchToBlock(p1);
        p.return_(p.iconst(I64, 1), p.iconst(I64, 0));
        p.switchToBlock(p2);
        Value z = p.iconst(I64, 0);
        p.return_(z, p.imul(p0.param(0), p0.param(0)));

        FunctionBuilder f = mb.asyncFunction("fetch_and_process", sig(List.of(I64), List.of(I64, I64)));
        FuncRef sleep = f.importAsyncFunction("vex_sleep", sig(List.of(I64), List.of()));
        FuncRef parse = f.importAsyncFunction("parse", sig(List.of(I64), List.of(I64, I64)));
        Block f0 = f.createEntryBlock();
        Block f1 = f.createBlock();
        Block f2 = f.createBlock();
        f.switchToBlock(f0);
        Value v1 = f.iconst(I64, 1000);
        f.await_(sleep, v1);
        Instruction parsed = f.await_(parse, f0.param(0));
        f.brif(parsed.result(0), f1, List.of(parsed.result(0)), f2, List.of(parsed.result(1)));
        enter(f, f1, I64);
        f.return_(f1.param(0), f.iconst(I64, 0));
        enter(f, f2, I64);
        Value v7 = f.iaddImm(f2.param(0), 1);
        f.return_(f.iconst(I64, 0), v7);
        return mb.build();
    }

    /**
     * Switches to {@code block} and gives it its parameters only now, so that values are numbered
     * in text order, as the reader would number them (branches to it were checked at build).
     */
    public static void enter(FunctionBuilder b, Block block, Type... paramTypes) {
        b.switchToBlock(block);
        for (Type t : paramTypes) {
            b.appendBlockParam(block, t);
        }
    }

    /** The value numbers of {@code values}, for compact assertions. */
    public static List<Integer> numbers(List<Value> values) {
        return values.stream().map(Value::number).toList();
    }
}
