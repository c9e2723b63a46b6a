package dev.vex.async;

import static dev.vex.ir.Type.F32;
import static dev.vex.ir.Type.F64;
import static dev.vex.ir.Type.I32;
import static dev.vex.ir.Type.I64;

import dev.vex.ir.Block;
import dev.vex.ir.FuncRef;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Instruction;
import dev.vex.ir.IntCC;
import dev.vex.ir.MemFlags;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import dev.vex.ir.Opcode;
import dev.vex.ir.SigRef;
import dev.vex.ir.Signature;
import dev.vex.ir.StackSlot;
import dev.vex.ir.Type;
import dev.vex.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random well-typed async modules for differential testing of the lowering. {@code %f0} is the
 * root; {@code %fI} may await (embedded) and spawn {@code %fJ} for J > I, so there is no await
 * cycle. Bodies mix integer and float arithmetic, awaits of ready and pending callees, yields,
 * sleeps, boxed recursion ({@code %rec}), loops and branches across awaits, stack slots whose
 * contents and addresses live across awaits, spawn and join, and a channel fed by
 * {@code %producer}, and function values ({@code func_addr} of an async function or builtin)
 * awaited with {@code await_indirect} or started with {@code spawn_indirect}, sometimes live
 * across other awaits first; {@code %rec} recurses through its own value in half the modules.
 * Optionally (another generator) selects over two channels and task scopes. Each function's first result folds every value still in scope, so many values are live
 * across each await.
 */
final class RandomAsyncModule {
    private static final Type[] TYPES = {I64, I64, I32, Type.I16, Type.I8, F64, F32};
    private static final Signature REC_SIG = Signature.of(List.of(I64, I64), List.of(I64, F64));
    private static final Signature PRODUCER_SIG = Signature.of(List.of(I64, I64), List.of(I64));

    private final Random rnd;
    private final int count;
    private final List<Signature> sigs = new ArrayList<>();

    // Per function being generated.
    private FunctionBuilder b;
    private int self;
    private final Map<String, FuncRef> refs = new HashMap<>();
    private final Map<Signature, SigRef> sigRefs = new HashMap<>();
    private static final Signature NO_SIG = Signature.of(List.of(), List.of());
    /** Addresses of stack slots, kept live to the end (never used as data: they differ between runs). */
    private final List<Value> addrs = new ArrayList<>();

    /** Whether to use function values (await_indirect, spawn_indirect); without them a seed gives the module it always gave. */
    private final boolean functionValues;
    /** Whether bodies may also contain selects over two channels and task scopes. */
    private final boolean selectsAndScopes;

    private RandomAsyncModule(long seed, boolean functionValues, boolean selectsAndScopes) {
        this.rnd = new Random(seed);
        this.functionValues = functionValues;
        this.count = 2 + rnd.nextInt(3);
        this.selectsAndScopes = selectsAndScopes;
    }

    /** A module and the arguments to run its root {@code %f0} with. */
    record Program(Module module, long[] args) {
    }

    static Program generate(long seed) {
        return new RandomAsyncModule(seed, false, false).build();
    }

    /**
     * A module that also awaits and spawns function values. Its lowered form reads descriptors
     * from memory, which only native code has (the {@link PollingScheduler} has none), so it is
     * for the native differential test.
     */
    static Program generateWithFunctionValues(long seed) {
        return new RandomAsyncModule(seed, true, false).build();
    }

    /**
     * As {@link #generate(long)}, with {@code %vex_select} loops over two producers' channels
     * (with and without deadlines) and task scopes of spawned functions among the steps, for
     * engines that have them (the interpreter and native code; not {@link PollingScheduler}).
     * The same seed gives the same module as {@link #generate(long)} wherever neither is drawn.
     */
    static Program generateWithSelectsAndScopes(long seed) {
        return new RandomAsyncModule(seed, false, true).build();
    }

    private Program build() {
        for (int i = 0; i < count; i++) {
            int np = (i == 0 ? 1 : 0) + rnd.nextInt(3);
            int nr = 1 + rnd.nextInt(3);
            List<Type> ps = new ArrayList<>();
            List<Type> rs = new ArrayList<>();
            for (int k = 0; k < np; k++) {
                ps.add(TYPES[rnd.nextInt(TYPES.length)]);
            }
            for (int k = 0; k < nr; k++) {
                rs.add(TYPES[rnd.nextInt(TYPES.length)]);
            }
            sigs.add(Signature.of(ps, rs));
        }
        ModuleBuilder mb = new ModuleBuilder();
        for (int i = 0; i < count; i++) {
            b = mb.asyncFunction("f" + i, sigs.get(i));
            self = i;
            refs.clear();
            sigRefs.clear();
            addrs.clear();
            body();
        }
        b = mb.asyncFunction("rec", REC_SIG);
        refs.clear();
        sigRefs.clear();
        rec();
        b = mb.asyncFunction("producer", PRODUCER_SIG);
        refs.clear();
        sigRefs.clear();
        producer();
        long[] args = new long[sigs.get(0).params().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = rnd.nextLong();
        }
        return new Program(mb.build(), args);
    }

    // ---- Declarations ----------------------------------------------------------------------

    private FuncRef async(String name, Signature sig) {
        return refs.computeIfAbsent(name, n -> b.importAsyncFunction(n, sig));
    }

    private FuncRef sync(String name, Signature sig) {
        return refs.computeIfAbsent(name, n -> b.importFunction(n, sig));
    }

    private SigRef sigRef(Signature sig) {
        return sigRefs.computeIfAbsent(sig, s -> b.importSignature(s));
    }

    private FuncRef yieldRef() {
        return async("vex_yield", Signature.of(List.of(), List.of()));
    }

    private FuncRef sleepRef() {
        return async("vex_sleep", Signature.of(List.of(I64), List.of()));
    }

    // ---- Bodies ----------------------------------------------------------------------------

    private void body() {
        Block entry = b.createEntryBlock();
        b.switchToBlock(entry);
        List<Value> scope = new ArrayList<>(entry.params());
        scope.add(b.iconst(I64, rnd.nextInt(1000) - 500));
        sequence(scope, 0);
        List<Type> rs = sigs.get(self).returns().stream().map(p -> p.type()).toList();
        List<Value> out = new ArrayList<>();
        Value acc = toI64(scope.get(0));
        for (Value v : scope) {
            acc = b.binary(rnd.nextBoolean() ? Opcode.BXOR : Opcode.IADD, b.binaryImm(Opcode.ROTL_IMM, acc, 7), toI64(v));
        }
        for (Value a : addrs) {
            acc = b.iadd(acc, b.load(I64, MemFlags.NONE, a, 0));
        }
        out.add(fromI64(acc, rs.get(0)));
        for (int i = 1; i < rs.size(); i++) {
            out.add(pick(scope, rs.get(i)));
        }
        b.return_(out);
    }

    /** Whether the code being generated is inside a loop (awaits of module functions stay outside loops, to keep runs short). */
    private boolean inLoop;

    private void sequence(List<Value> scope, int depth) {
        int steps = 2 + rnd.nextInt(5);
        for (int s = 0; s < steps; s++) {
            int k = rnd.nextInt(20);
            if (k < 6) {
                scope.add(arith(scope));
            } else if (k < 8 && self + 1 < count && !inLoop) {
                awaitModule(scope);
            } else if (k < 10) {
                b.await_(yieldRef());
            } else if (k < 11) {
                b.await_(sleepRef(), b.binaryImm(Opcode.BAND_IMM, pick(scope, I64), 1023));
            } else if (k < 12) {
                Instruction r = b.awaitBoxed(async("rec", REC_SIG), b.iconst(I64, rnd.nextInt(5)), pick(scope, I64));
                scope.addAll(r.results());
            } else if (k < 13 && depth == 0) {
                stackSlot(scope);
            } else if (k < 14 && depth < 2) {
                loop(scope, depth);
            } else if (k < 15 && depth < 2) {
                diamond(scope, depth);
            } else if (k < 16 && self + 1 < count && depth == 0) {
                spawnAndJoin(scope);
            } else if (k < 17 && depth == 0) {
                channel(scope);
            } else if (k == 17 && selectsAndScopes && depth == 0) {
                selectLoop(scope);
            } else if (k == 18 && selectsAndScopes && depth == 0 && self + 1 < count) {
                taskScope(scope);
            } else if (k < 18 && functionValues) {
                awaitIndirect(scope);
            } else if (k < 19 && functionValues && self + 1 < count && depth == 0) {
                spawnIndirectAndJoin(scope);
            } else {
                scope.add(arith(scope));
            }
        }
    }

    private void awaitModule(List<Value> scope) {
        int j = self + 1 + rnd.nextInt(count - self - 1);
        Signature sig = sigs.get(j);
        List<Value> args = new ArrayList<>();
        for (int i = 0; i < sig.params().size(); i++) {
            args.add(pick(scope, sig.paramType(i)));
        }
        scope.addAll(b.await_(async("f" + j, sig), args).results());
    }

    /**
     * {@code await_indirect} of a function value: a later {@code %fJ} (outside loops), {@code %rec}
     * or {@code %vex_yield}; the value is sometimes made before another await, so that it is live
     * across it.
     */
    private void awaitIndirect(List<Value> scope) {
        int kind = rnd.nextInt(3);
        if (kind == 0 && self + 1 < count && !inLoop) {
            int j = self + 1 + rnd.nextInt(count - self - 1);
            Signature sig = sigs.get(j);
            Value f = b.funcAddr(I64, async("f" + j, sig));
            if (rnd.nextBoolean()) {
                b.await_(yieldRef());
            }
            List<Value> args = new ArrayList<>();
            for (int i = 0; i < sig.params().size(); i++) {
                args.add(pick(scope, sig.paramType(i)));
            }
            scope.addAll(b.awaitIndirect(sigRef(sig), f, args).results());
        } else if (kind == 1) {
            Value f = b.funcAddr(I64, async("rec", REC_SIG));
            Instruction r = b.awaitIndirect(sigRef(REC_SIG), f, List.of(b.iconst(I64, rnd.nextInt(5)), pick(scope, I64)));
            scope.addAll(r.results());
        } else {
            b.awaitIndirect(sigRef(NO_SIG), b.funcAddr(I64, yieldRef()), List.of());
        }
    }

    /** {@code spawn_indirect} of a later {@code %fJ}'s value, then a join. */
    private void spawnIndirectAndJoin(List<Value> scope) {
        int j = self + 1 + rnd.nextInt(count - self - 1);
        Signature sig = sigs.get(j);
        Value f = b.funcAddr(I64, async("f" + j, sig));
        List<Value> args = new ArrayList<>();
        for (int i = 0; i < sig.params().size(); i++) {
            args.add(pick(scope, sig.paramType(i)));
        }
        Value h = b.spawnIndirect(sigRef(sig), f, args);
        if (rnd.nextBoolean()) {
            b.await_(yieldRef());
        }
        FuncRef join = async("vex_join", Signature.of(List.of(I64), List.of(I64)));
        scope.add(b.await_(join, h).result());
    }

    /** A value stored in a fresh slot now; its address and a load through it later, across awaits. */
    private void stackSlot(List<Value> scope) {
        StackSlot slot = b.createStackSlot(16, 8);
        Value v = pick(scope, I64);
        b.stackStore(v, slot, 8);
        Value addr = b.stackAddr(I64, slot, 0);
        b.await_(yieldRef());
        Value loaded = b.load(I64, MemFlags.NONE, addr, 8);
        b.store(MemFlags.NONE, b.iaddImm(loaded, 1), addr, 0);
        scope.add(b.stackLoad(I64, slot, 0));
        addrs.add(addr);
    }

    private void loop(List<Value> scope, int depth) {
        Block header = b.createBlock(I64, I64);
        Block bodyBlock = b.createBlock();
        Block exit = b.createBlock(I64);
        b.jump(header, b.iconst(I64, rnd.nextInt(4)), pick(scope, I64));
        b.switchToBlock(header);
        b.brif(header.param(0), bodyBlock, List.of(), exit, List.of(header.param(1)));
        b.switchToBlock(bodyBlock);
        List<Value> inner = new ArrayList<>(scope);
        inner.add(header.param(0));
        inner.add(header.param(1));
        boolean outer = inLoop;
        inLoop = true;
        sequence(inner, depth + 1);
        inLoop = outer;
        Value acc = b.iadd(b.imul(header.param(1), b.iconst(I64, 31)), pick(inner, I64));
        b.jump(header, b.iaddImm(header.param(0), -1), acc);
        b.switchToBlock(exit);
        scope.add(exit.param(0));
    }

    private void diamond(List<Value> scope, int depth) {
        Type t = TYPES[rnd.nextInt(TYPES.length)];
        Block then = b.createBlock();
        Block otherwise = b.createBlock();
        Block merge = b.createBlock(t);
        Value c = b.binaryImm(Opcode.BAND_IMM, pick(scope, I64), 1);
        b.brif(c, then, otherwise);
        for (Block side : new Block[] {then, otherwise}) {
            b.switchToBlock(side);
            List<Value> inner = new ArrayList<>(scope);
            sequence(inner, depth + 1);
            b.jump(merge, pick(inner, t));
        }
        b.switchToBlock(merge);
        scope.add(merge.param(0));
    }

    private void spawnAndJoin(List<Value> scope) {
        int j = self + 1 + rnd.nextInt(count - self - 1);
        Signature sig = sigs.get(j);
        List<Value> args = new ArrayList<>();
        for (int i = 0; i < sig.params().size(); i++) {
            args.add(pick(scope, sig.paramType(i)));
        }
        Value h = b.spawn(async("f" + j, sig), args.toArray(Value[]::new));
        scope.add(arith(scope));
        if (rnd.nextBoolean()) {
            b.await_(yieldRef());
        }
        FuncRef join = async("vex_join", Signature.of(List.of(I64), List.of(I64)));
        scope.add(b.await_(join, h).result());
    }

    /** A producer task feeds a channel; a loop receives until it is closed. */
    private void channel(List<Value> scope) {
        FuncRef chanNew = sync("vex_chan_new", Signature.of(List.of(I64), List.of(I64)));
        FuncRef recv = async("vex_chan_recv", Signature.of(List.of(I64), List.of(I64, I64)));
        FuncRef join = async("vex_join", Signature.of(List.of(I64), List.of(I64)));
        Value ch = b.call(chanNew, b.iconst(I64, rnd.nextInt(3))).result();
        Value h = b.spawn(async("producer", PRODUCER_SIG), ch, b.iconst(I64, rnd.nextInt(5)));
        Block header = b.createBlock(I64);
        Block got = b.createBlock();
        Block exit = b.createBlock(I64);
        b.jump(header, pick(scope, I64));
        b.switchToBlock(header);
        Instruction r = b.await_(recv, ch);
        b.brif(r.result(0), exit, List.of(header.param(0)), got, List.of());
        b.switchToBlock(got);
        b.jump(header, b.iadd(b.imul(header.param(0), b.iconst(I64, 17)), r.result(1)));
        b.switchToBlock(exit);
        scope.add(exit.param(0));
        scope.add(b.await_(join, h).result());
    }

    /**
     * Two producers feed two channels; one loop selects over receiving from both (with no
     * deadline, or one that may pass first: then it selects again) and drops a channel's
     * operation once that channel is closed and drained. The sum of what it received is the same
     * whichever operation wins each time.
     */
    private void selectLoop(List<Value> scope) {
        FuncRef chanNew = sync("vex_chan_new", Signature.of(List.of(I64), List.of(I64)));
        FuncRef select = async("vex_select", Signature.of(List.of(I64, I64, I64), List.of(I64, I64, I64)));
        FuncRef join = async("vex_join", Signature.of(List.of(I64), List.of(I64)));
        Value a = b.call(chanNew, b.iconst(I64, rnd.nextInt(3))).result();
        Value c = b.call(chanNew, b.iconst(I64, rnd.nextInt(3))).result();
        Value ha = b.spawn(async("producer", PRODUCER_SIG), a, b.iconst(I64, rnd.nextInt(5)));
        Value hc = b.spawn(async("producer", PRODUCER_SIG), c, b.iconst(I64, rnd.nextInt(5)));
        StackSlot slot = b.createStackSlot(48, 8);
        Value ops = b.stackAddr(I64, slot, 0);
        Value receive = b.iconst(I64, 0);
        b.store(MemFlags.NONE, receive, ops, 0);
        b.store(MemFlags.NONE, a, ops, 8);
        b.store(MemFlags.NONE, receive, ops, 24);
        b.store(MemFlags.NONE, c, ops, 32);
        long[] timeouts = {-1, 1000, 100_000};
        Value timeout = b.iconst(I64, timeouts[rnd.nextInt(timeouts.length)]);
        Block header = b.createBlock(I64, I64);
        Block wait = b.createBlock();
        Block check = b.createBlock();
        Block got = b.createBlock();
        Block closed = b.createBlock();
        Block exit = b.createBlock(I64);
        b.jump(header, b.iconst(I64, 2), pick(scope, I64));
        b.switchToBlock(header);
        Value open = header.param(0);
        Value acc = header.param(1);
        b.brif(open, wait, List.of(), exit, List.of(acc));
        b.switchToBlock(wait);
        Instruction r = b.await_(select, ops, open, timeout);
        b.brif(b.icmpImm(IntCC.SLT, r.result(0), 0), header, List.of(open, acc), check, List.of());
        b.switchToBlock(check);
        b.brif(r.result(1), closed, List.of(), got, List.of());
        b.switchToBlock(got);
        b.jump(header, open, b.iadd(acc, r.result(2)));
        b.switchToBlock(closed);
        Value second = b.load(I64, MemFlags.NONE, ops, 32);
        Value first = b.load(I64, MemFlags.NONE, ops, 8);
        b.store(MemFlags.NONE, b.select(r.result(0), first, second), ops, 8);
        b.jump(header, b.iaddImm(open, -1), acc);
        b.switchToBlock(exit);
        scope.add(exit.param(0));
        scope.add(b.await_(join, ha).result());
        scope.add(b.await_(join, hc).result());
    }

    /** One to three spawned module functions in a task scope, then the scope's join. */
    private void taskScope(List<Value> scope) {
        FuncRef scopeNew = sync("vex_scope_new", Signature.of(List.of(), List.of(I64)));
        FuncRef scopeAdd = sync("vex_scope_add", Signature.of(List.of(I64, I64), List.of(I64)));
        FuncRef scopeJoin = async("vex_scope_join", Signature.of(List.of(I64), List.of(I64, I64)));
        Value s = b.call(scopeNew).result();
        int n = 1 + rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
            int j = self + 1 + rnd.nextInt(count - self - 1);
            Signature sig = sigs.get(j);
            List<Value> args = new ArrayList<>();
            for (int i = 0; i < sig.params().size(); i++) {
                args.add(pick(scope, sig.paramType(i)));
            }
            Value h = b.spawn(async("f" + j, sig), args.toArray(Value[]::new));
            scope.add(b.call(scopeAdd, s, h).result());
        }
        Instruction r = b.await_(scopeJoin, s);
        scope.add(r.result(0));
        scope.add(r.result(1));
    }

    private void rec() {
        Block entry = b.createEntryBlock();
        Block base = b.createBlock();
        Block step = b.createBlock();
        b.switchToBlock(entry);
        Value n = entry.param(0);
        Value x = entry.param(1);
        b.brif(b.icmpImm(IntCC.SGT, n, 0), step, base);
        b.switchToBlock(base);
        b.return_(x, b.f64const(1.5));
        b.switchToBlock(step);
        if (rnd.nextBoolean()) {
            b.await_(yieldRef());
        }
        Value x2 = b.iaddImm(b.imul(x, b.iconst(I64, 3)), 1);
        Instruction r = !functionValues || rnd.nextBoolean() ? b.awaitBoxed(async("rec", REC_SIG), b.iaddImm(n, -1), x2)
                : b.awaitIndirect(sigRef(REC_SIG), b.funcAddr(I64, async("rec", REC_SIG)), List.of(b.iaddImm(n, -1), x2));
        b.return_(b.iadd(r.result(0), n), b.fmul(r.result(1), b.convert(Opcode.FCVT_FROM_SINT, F64, x)));
    }

    private void producer() {
        FuncRef send = async("vex_chan_send", Signature.of(List.of(I64, I64), List.of(I64)));
        FuncRef close = sync("vex_chan_close", Signature.of(List.of(I64), List.of()));
        Block entry = b.createEntryBlock();
        Block header = b.createBlock(I64);
        Block bodyBlock = b.createBlock();
        Block exit = b.createBlock();
        b.switchToBlock(entry);
        Value ch = entry.param(0);
        Value n = entry.param(1);
        b.jump(header, b.iconst(I64, 0));
        b.switchToBlock(header);
        Value i = header.param(0);
        b.brif(b.icmp(IntCC.SLT, i, n), bodyBlock, exit);
        b.switchToBlock(bodyBlock);
        b.await_(send, ch, b.iaddImm(b.imul(i, b.iconst(I64, 7)), 1));
        b.await_(yieldRef());
        b.jump(header, b.iaddImm(i, 1));
        b.switchToBlock(exit);
        b.call(close, ch);
        b.return_(n);
    }

    // ---- Values ----------------------------------------------------------------------------

    private Value arith(List<Value> scope) {
        Type t = TYPES[rnd.nextInt(TYPES.length)];
        Value x = pick(scope, t);
        Value y = pick(scope, t);
        if (t.isInt()) {
            Opcode[] ops = {Opcode.IADD, Opcode.ISUB, Opcode.IMUL, Opcode.BXOR, Opcode.BOR, Opcode.ROTL};
            return b.binary(ops[rnd.nextInt(ops.length)], x, y);
        }
        Opcode[] ops = {Opcode.FADD, Opcode.FSUB, Opcode.FMUL, Opcode.FMIN};
        return b.binary(ops[rnd.nextInt(ops.length)], x, y);
    }

    /** A value of type {@code t} from the scope, converted from another type if need be. */
    private Value pick(List<Value> scope, Type t) {
        List<Value> of = scope.stream().filter(v -> v.type() == t).toList();
        if (!of.isEmpty() && rnd.nextInt(4) != 0) {
            return of.get(rnd.nextInt(of.size()));
        }
        return fromI64(toI64(scope.get(rnd.nextInt(scope.size()))), t);
    }

    private Value toI64(Value v) {
        return switch (v.type()) {
            case I64 -> v;
            case I8, I16, I32 -> b.uextend(I64, v);
            case F64 -> b.bitcast(I64, v);
            case F32 -> b.uextend(I64, b.bitcast(I32, v));
            default -> throw new IllegalArgumentException("the generator makes no " + v.type());
        };
    }

    private Value fromI64(Value x, Type t) {
        return switch (t) {
            case I64 -> x;
            case I8, I16, I32 -> b.ireduce(t, x);
            case F64 -> b.convert(Opcode.FCVT_FROM_SINT, F64, b.sshr(x, b.iconst(I64, 11)));
            case F32 -> b.bitcast(F32, b.ireduce(I32, b.binaryImm(Opcode.BAND_IMM, x, 0x3fffffffL)));
            default -> throw new IllegalArgumentException("the generator makes no " + t);
        };
    }
}
