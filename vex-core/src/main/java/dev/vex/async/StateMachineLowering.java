package dev.vex.async;

import static dev.vex.ir.Type.I64;

import dev.vex.analysis.ControlFlowGraph;
import dev.vex.ir.Block;
import dev.vex.ir.BlockCall;
import dev.vex.ir.FuncRef;
import dev.vex.ir.Function;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Instruction;
import dev.vex.ir.InstructionSpec;
import dev.vex.ir.Module;
import dev.vex.ir.Opcode;
import dev.vex.ir.Signature;
import dev.vex.ir.StackSlot;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;
import dev.vex.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lowers one async function to its resume function, {@code %f$resume(i64 frame, i64 task) -> i64, i64}.
 * The shape of the result is drawn in the package comment. Two passes: {@link #plan} splits the
 * reachable blocks at the awaits into {@link Piece}s, adds the dispatch and the resume paths, and
 * rebuilds SSA form over them ({@link ReachingDefinitions}); {@link #write} then writes every
 * piece's block, in layout order, with its phis as extra block parameters.
 */
final class StateMachineLowering {
    private static final Signature RESUME_SIG = Signature.of(List.of(I64, I64), List.of(I64, I64));
    private static final Signature FRAME_ALLOC_SIG = Signature.of(List.of(I64, I64, I64), List.of(I64));
    private static final Signature FRAME_FREE_SIG = Signature.of(List.of(I64, I64), List.of());

    private final Function fn;
    private final AsyncFrameLayout layout;
    private final Module module;
    private final Map<String, AsyncFrameLayout> layouts;
    private final FrameSizes leaves;

    private final Map<Instruction, AwaitState> awaitOf = new IdentityHashMap<>();
    private final Map<Block, List<Piece>> segments = new IdentityHashMap<>();
    private final Map<AwaitState, Piece> segmentAfter = new IdentityHashMap<>();
    private final Map<AwaitState, Piece> resumeOf = new IdentityHashMap<>();
    private final List<Block> reachable = new ArrayList<>();
    private final List<Piece> pieces = new ArrayList<>();
    private Piece dispatch;
    private Piece start;
    private ReachingDefinitions defs;

    // Written state.
    private CodeWriter w;
    private Value frame;
    private Value task;
    private Block trapBlock;
    private Block suspendBlock;
    private final Map<AwaitState, AwaitBlocks> awaitBlocks = new IdentityHashMap<>();
    private final Map<ReachingDefinitions.Reload, Value> reloaded = new HashMap<>();
    private final Map<Piece, AfterParams> afterParams = new IdentityHashMap<>();

    /** The blocks of one await's slow paths: save and suspend, poll again, reload. */
    private record AwaitBlocks(Block pending, Block resume, Block reload) {
    }

    /** The fixed parameters of the segment after an await: the poll's value word, the boxed frame (either may be null). */
    private record AfterParams(Value word, Value box) {
    }

    private StateMachineLowering(Function fn, AsyncFrameLayout layout, Module module,
            Map<String, AsyncFrameLayout> layouts, FrameSizes leaves) {
        this.fn = fn;
        this.layout = layout;
        this.module = module;
        this.layouts = layouts;
        this.leaves = leaves;
    }

    static Function lower(Function fn, AsyncFrameLayout layout, Module module, Map<String, AsyncFrameLayout> layouts,
            FrameSizes leaves) {
        StateMachineLowering l = new StateMachineLowering(fn, layout, module, layouts, leaves);
        l.plan();
        return l.write();
    }

    // ---- Planning --------------------------------------------------------------------------

    private Piece piece(Piece.Kind kind, Block orig, int from) {
        Piece p = new Piece(kind, pieces.size(), orig, from);
        pieces.add(p);
        return p;
    }

    private void plan() {
        for (AwaitState a : layout.awaits()) {
            awaitOf.put(a.await(), a);
        }
        ControlFlowGraph cfg = ControlFlowGraph.of(fn);
        for (Block b : fn.blocks()) {
            if (cfg.isReachable(b)) {
                reachable.add(b);
            }
        }
        boolean hasAwaits = !layout.awaits().isEmpty();
        if (hasAwaits) {
            dispatch = piece(Piece.Kind.DISPATCH, null, 0);
        }
        Block entry = fn.entryBlock();
        boolean entryIsTarget = cfg.predecessors(entry.id()).length > 0;
        if (entryIsTarget) {
            start = piece(Piece.Kind.START, null, 0);
            if (hasAwaits) {
                start.addPred(dispatch);
            }
        }
        for (Block b : reachable) {
            List<Piece> segs = new ArrayList<>();
            Piece seg = piece(Piece.Kind.SEGMENT, b, 0);
            segs.add(seg);
            List<Instruction> insts = b.instructions();
            for (int i = 0; i < insts.size(); i++) {
                AwaitState a = awaitOf.get(insts.get(i));
                if (a != null) {
                    seg.to = i;
                    seg.endAwait = a;
                    Piece next = piece(Piece.Kind.SEGMENT, b, i + 1);
                    next.resumes = a;
                    next.addPred(seg);
                    segmentAfter.put(a, next);
                    segs.add(next);
                    seg = next;
                }
            }
            seg.to = insts.size();
            segments.put(b, segs);
        }
        Piece entrySeg = segments.get(entry).get(0);
        if (entryIsTarget) {
            entrySeg.addPred(start);
        } else {
            start = entrySeg;
            if (hasAwaits) {
                start.addPred(dispatch);
            }
        }
        Map<Piece, Set<Value>> reloads = new IdentityHashMap<>();
        Map<Piece, Set<Value>> remats = new IdentityHashMap<>();
        for (AwaitState a : layout.awaits()) {
            Piece r = piece(Piece.Kind.RESUME, null, 0);
            r.endAwait = a;
            r.addPred(dispatch);
            segmentAfter.get(a).addPred(r);
            resumeOf.put(a, r);
            Set<Value> vars = new LinkedHashSet<>();
            a.saved().forEach(s -> vars.add(s.value()));
            reloads.put(r, vars);
            remats.put(segmentAfter.get(a), new LinkedHashSet<>(a.rematerialized()));
        }
        for (Block b : reachable) {
            List<Piece> segs = segments.get(b);
            Piece last = segs.get(segs.size() - 1);
            for (Block succ : b.successors()) {
                segments.get(succ).get(0).addPred(last);
            }
        }
        int n = fn.valueCount();
        boolean[] isVar = new boolean[n];
        Piece[] defPiece = new Piece[n];
        int[] defPos = new int[n];
        for (AwaitState a : layout.awaits()) {
            List<Value> vars = new ArrayList<>(a.rematerialized());
            a.saved().forEach(s -> vars.add(s.value()));
            for (Value v : vars) {
                isVar[v.id()] = true;
                locateDefinition(v, defPiece, defPos);
            }
        }
        defs = new ReachingDefinitions(isVar, defPiece, defPos, reloads, remats);
        // Every read the writer will make, made now, so that every phi exists before any block is written.
        for (Piece p : pieces) {
            if (p.kind != Piece.Kind.SEGMENT) {
                continue;
            }
            List<Instruction> insts = p.origBlock.instructions();
            for (int i = p.from; i < p.to; i++) {
                readOperands(insts.get(i), p, i);
            }
            if (p.endAwait != null) {
                readOperands(p.endAwait.await(), p, p.to);
                for (AwaitState.SavedValue s : p.endAwait.saved()) {
                    defs.readEnd(s.value(), p);
                }
            }
        }
    }

    private void locateDefinition(Value v, Piece[] defPiece, int[] defPos) {
        if (v.isBlockParam()) {
            defPiece[v.id()] = segments.get(v.definingBlock()).get(0);
            defPos[v.id()] = -1;
            return;
        }
        Instruction def = v.definingInstruction();
        AwaitState a = awaitOf.get(def);
        if (a != null) {
            defPiece[v.id()] = segmentAfter.get(a);
            defPos[v.id()] = -1;
            return;
        }
        int index = def.indexInBlock();
        for (Piece p : segments.get(def.block())) {
            if (index >= p.from && index < p.to) {
                defPiece[v.id()] = p;
                defPos[v.id()] = index;
                return;
            }
        }
        throw new IllegalStateException("no segment holds the definition of " + v);
    }

    private void readOperands(Instruction inst, Piece p, int pos) {
        for (Value v : inst.operands()) {
            if (defs.isVariable(v)) {
                defs.readAt(v, p, pos);
            }
        }
        for (BlockCall c : inst.destinations()) {
            for (Value v : c.args()) {
                if (defs.isVariable(v)) {
                    defs.readAt(v, p, pos);
                }
            }
        }
    }

    // ---- Writing ---------------------------------------------------------------------------

    private Function write() {
        FunctionBuilder b = new FunctionBuilder(AsyncSymbols.resumeName(fn.name()), RESUME_SIG, false);
        int maxValue = -1;
        for (Value v : fn.values()) {
            maxValue = Math.max(maxValue, v.number());
        }
        int maxBlock = -1;
        for (Block blk : fn.blocks()) {
            maxBlock = Math.max(maxBlock, blk.number());
        }
        w = new CodeWriter(b, maxValue + 1, maxBlock + 1);
        createBlocks();
        if (dispatch != null) {
            writeDispatch();
        }
        if (start.kind == Piece.Kind.START) {
            writeStart();
        }
        for (Block blk : reachable) {
            for (Piece p : segments.get(blk)) {
                writeSegment(p);
            }
        }
        for (AwaitState a : layout.awaits()) {
            writeResume(a);
        }
        if (suspendBlock != null) {
            b.switchToBlock(suspendBlock);
            w.ret(suspendBlock.param(0), suspendBlock.param(1));
            b.switchToBlock(trapBlock);
            b.trap(TrapCode.UNREACHABLE);
        }
        return b.build();
    }

    /** Every block in layout order, with all its parameters, before any instruction is written. */
    private void createBlocks() {
        Block first = dispatch != null || start.kind == Piece.Kind.START ? w.freshBlock()
                : w.b.createBlockNumbered(fn.entryBlock().number());
        frame = w.freshParam(first, I64);
        task = w.freshParam(first, I64);
        if (dispatch != null) {
            dispatch.block = first;
        } else {
            start.block = first;
        }
        if (start.kind == Piece.Kind.START && start.block == null) {
            start.block = w.freshBlock();
        }
        for (Block blk : reachable) {
            for (Piece p : segments.get(blk)) {
                if (p.block == null) {
                    p.block = p.from == 0 ? w.b.createBlockNumbered(blk.number()) : w.freshBlock();
                }
                if (p.from == 0 && p != start) {
                    for (Value v : blk.params()) {
                        w.b.appendBlockParam(p.block, v.type(), v.number());
                    }
                }
                if (p.resumes != null) {
                    afterParams.put(p, afterParams(p));
                }
                for (ReachingDefinitions.Phi phi : p.phis) {
                    phi.param = w.freshParam(p.block, phi.variable.type());
                }
            }
        }
        for (AwaitState a : layout.awaits()) {
            AwaitBlocks blocks = new AwaitBlocks(w.freshBlock(), w.freshBlock(), w.freshBlock());
            w.b.setCold(blocks.pending(), true);
            awaitBlocks.put(a, blocks);
            resumeOf.get(a).block = blocks.resume();
        }
        if (dispatch != null) {
            suspendBlock = w.freshBlock();
            w.freshParam(suspendBlock, I64);
            w.freshParam(suspendBlock, I64);
            trapBlock = w.freshBlock();
            w.b.setCold(suspendBlock, true);
            w.b.setCold(trapBlock, true);
        }
    }

    /** The parameters a segment after an await starts with: the poll's value word, the boxed frame. */
    private AfterParams afterParams(Piece p) {
        Instruction await = p.resumes.await();
        Value word = null;
        if (await.resultCount() > 0) {
            Value r0 = await.result(0);
            word = r0.type() == I64 ? w.b.appendBlockParam(p.block, I64, r0.number()) : w.freshParam(p.block, I64);
        }
        Value box = p.resumes.isBoxed() ? w.freshParam(p.block, I64) : null;
        return new AfterParams(word, box);
    }

    private void writeDispatch() {
        w.b.switchToBlock(dispatch.block);
        Value state = w.load(I64, CodeWriter.FRAME, frame, AsyncFrameLayout.STATE_OFFSET);
        List<BlockCall> table = new ArrayList<>();
        table.add(new BlockCall(start.block, List.of()));
        for (AwaitState a : layout.awaits()) {
            table.add(new BlockCall(resumeOf.get(a).block, List.of()));
        }
        w.b.brTable(state, new BlockCall(trapBlock, List.of()), table);
    }

    /** Loads the parameters; defines the entry block's parameters when the start is that block. */
    private List<Value> loadParams(boolean keepNumbers) {
        List<Value> out = new ArrayList<>();
        List<Value> params = fn.entryBlock().params();
        for (int i = 0; i < params.size(); i++) {
            Value p = params.get(i);
            InstructionSpec s = new InstructionSpec(Opcode.LOAD).type(p.type()).memFlags(CodeWriter.FRAME)
                    .operands(frame).offset(AsyncFrameLayout.paramOffset(i));
            out.add(keepNumbers ? w.b.emit(s.resultNumbers(p.number())).result() : w.one(s));
        }
        return out;
    }

    private void writeStart() {
        w.b.switchToBlock(start.block);
        Piece entrySeg = segments.get(fn.entryBlock()).get(0);
        List<Value> args = loadParams(false);
        args.addAll(phiArgs(start, entrySeg));
        w.jump(entrySeg.block, args);
    }

    private void writeSegment(Piece p) {
        w.b.switchToBlock(p.block);
        if (p == start) {
            loadParams(true);
        }
        if (p.resumes != null) {
            writeAwaitResults(p);
        }
        List<Instruction> insts = p.origBlock.instructions();
        for (int i = p.from; i < p.to; i++) {
            writeInstruction(insts.get(i), p, i);
        }
        if (p.endAwait != null) {
            writeFirstPoll(p);
        }
    }

    private void writeInstruction(Instruction inst, Piece p, int pos) {
        List<Value> ops = new ArrayList<>(inst.operandCount());
        for (Value v : inst.operands()) {
            ops.add(use(v, p, pos));
        }
        switch (inst.opcode()) {
            case STACK_ADDR -> {
                long off = slotAddress(inst.stackSlot(), inst.offset());
                InstructionSpec s = new InstructionSpec(Opcode.IADD_IMM).operands(frame).imm(off);
                if (inst.controllingType() == I64) {
                    w.b.emit(s.resultNumbers(inst.result().number()));
                } else {
                    w.b.emit(new InstructionSpec(Opcode.IREDUCE).type(inst.controllingType()).operands(w.one(s))
                            .resultNumbers(inst.result().number()));
                }
            }
            case STACK_LOAD -> w.b.emit(new InstructionSpec(Opcode.LOAD).type(inst.controllingType())
                    .memFlags(CodeWriter.SLOT).operands(frame)
                    .offset(slotAddress(inst.stackSlot(), inst.offset()))
                    .resultNumbers(inst.result().number()));
            case STACK_STORE -> w.store(CodeWriter.SLOT, ops.get(0), frame,
                    slotAddress(inst.stackSlot(), inst.offset()));
            case SPAWN -> w.spawn(inst, ops);
            case RETURN -> writeReturn(ops);
            default -> {
                List<BlockCall> dests = new ArrayList<>();
                for (BlockCall c : inst.destinations()) {
                    Piece target = segments.get(c.block()).get(0);
                    List<Value> args = new ArrayList<>();
                    for (Value v : c.args()) {
                        args.add(use(v, p, pos));
                    }
                    args.addAll(phiArgs(p, target));
                    dests.add(new BlockCall(target.block, args));
                }
                w.copy(inst, ops, dests);
            }
        }
    }

    /** {@code return}: results 1.. to the frame's result slots, result 0 in the value word, status READY. */
    private void writeReturn(List<Value> ops) {
        for (int i = 1; i < ops.size(); i++) {
            w.store(CodeWriter.FRAME, w.toWord(ops.get(i)), frame, layout.resultSlot(i));
        }
        Value word = ops.isEmpty() ? null : w.toWord(ops.get(0));
        Value ready = w.iconst(0);
        w.ret(ready, word == null ? ready : word);
    }

    /** The callee frame's address: in this frame's callee area, or the boxed frame. */
    private Value calleeFrame(AwaitState a, Value box) {
        return a.isBoxed() ? box : w.iaddImm(frame, layout.calleeOffset());
    }

    private FuncRef resumeFunction(AwaitState a) {
        String callee = a.calleeName();
        return w.callee(AsyncSymbols.resumeName(callee), RESUME_SIG, layouts.containsKey(callee));
    }

    /** First poll: set up the callee's frame, poll it; ready goes on after the await, pending saves and suspends. */
    private void writeFirstPoll(Piece p) {
        AwaitState a = p.endAwait;
        Instruction await = a.await();
        List<Value> args = new ArrayList<>();
        for (Value v : await.operands()) {
            args.add(use(v, p, p.to));
        }
        Value box = null;
        if (a.isBoxed()) {
            FrameSize size = FrameLayoutPlanner.frameOf(a.calleeName(), layouts, leaves, module);
            FuncRef alloc = w.callee(AsyncSymbols.FRAME_ALLOC, FRAME_ALLOC_SIG, false);
            box = w.call(alloc, List.of(task, w.iconst(size.size()), w.iconst(size.align()))).result();
        }
        Value cf = calleeFrame(a, box);
        for (int i = 0; i < args.size(); i++) {
            w.store(CodeWriter.FRAME, args.get(i), cf, AsyncFrameLayout.paramOffset(i));
        }
        w.store(CodeWriter.FRAME, w.iconst(0), cf, AsyncFrameLayout.STATE_OFFSET);
        Instruction poll = w.call(resumeFunction(a), List.of(cf, task));
        Value status = poll.result(0);
        Value word = poll.result(1);
        Piece next = segmentAfter.get(a);
        Block pending = awaitBlocks.get(a).pending();
        w.b.brif(status, pending, List.of(), next.block, contArgs(p, next, word, box));

        w.b.switchToBlock(pending);
        if (a.isBoxed()) {
            w.store(CodeWriter.FRAME, box, frame, a.boxOffset());
        }
        for (AwaitState.SavedValue s : a.saved()) {
            w.store(CodeWriter.FRAME, value(defs.readEnd(s.value(), p)), frame, s.offset());
        }
        w.store(CodeWriter.FRAME, w.iconst(a.state()), frame, AsyncFrameLayout.STATE_OFFSET);
        w.ret(status, word);
    }

    /** Resume: poll the callee again; pending returns as is, ready reloads and goes on after the await. */
    private void writeResume(AwaitState a) {
        AwaitBlocks blocks = awaitBlocks.get(a);
        Piece r = resumeOf.get(a);
        w.b.switchToBlock(blocks.resume());
        Value box = a.isBoxed() ? w.load(I64, CodeWriter.FRAME, frame, a.boxOffset()) : null;
        Value cf = calleeFrame(a, box);
        Instruction poll = w.call(resumeFunction(a), List.of(cf, task));
        Value status = poll.result(0);
        Value word = poll.result(1);
        w.b.brif(status, suspendBlock, List.of(status, word), blocks.reload(), List.of());

        w.b.switchToBlock(blocks.reload());
        for (AwaitState.SavedValue s : a.saved()) {
            Value v = w.load(s.value().type(), CodeWriter.FRAME, frame, s.offset());
            reloaded.put(new ReachingDefinitions.Reload(a, s.value()), v);
        }
        Piece next = segmentAfter.get(a);
        w.jump(next.block, contArgs(r, next, word, box));
    }

    /**
     * Where byte {@code offset} of {@code slot} lies in the frame, as a 32-bit memory offset;
     * computed in 64 bits, since the IR does not bound the offset.
     */
    private int slotAddress(StackSlot slot, int offset) {
        long at = (long) layout.stackSlotOffset(slot) + offset;
        if (at != (int) at) {
            throw new AsyncLoweringException("%" + layout.function() + ": offset " + offset + " into " + slot
                    + " is beyond the 32-bit offsets of the async frame");
        }
        return (int) at;
    }

    private Value rematerialize(Value v) {
        Instruction def = v.definingInstruction();
        if (def.opcode() == Opcode.STACK_ADDR) {
            Value addr = w.iaddImm(frame, slotAddress(def.stackSlot(), def.offset()));
            return def.controllingType() == I64 ? addr
                    : w.one(new InstructionSpec(Opcode.IREDUCE).type(def.controllingType()).operands(addr));
        }
        InstructionSpec s = new InstructionSpec(def.opcode()).type(def.controllingType()).imm(def.imm());
        if (def.funcRef() != null) {
            s.funcRef(w.callee(def.funcRef()));
        }
        return w.one(s);
    }

    private List<Value> contArgs(Piece from, Piece next, Value word, Value box) {
        List<Value> args = new ArrayList<>();
        AfterParams fixed = afterParams.get(next);
        if (fixed.word() != null) {
            args.add(word);
        }
        if (fixed.box() != null) {
            args.add(box);
        }
        args.addAll(phiArgs(from, next));
        return args;
    }

    /**
     * After an await: the constants and addresses live across it recomputed; its results from the
     * value word and the callee frame's result slots; a boxed frame freed.
     */
    private void writeAwaitResults(Piece p) {
        AwaitState a = p.resumes;
        for (Value v : a.rematerialized()) {
            reloaded.put(new ReachingDefinitions.Reload(a, v), rematerialize(v));
        }
        Instruction await = a.await();
        AfterParams fixed = afterParams.get(p);
        if (await.resultCount() > 0 && await.result(0).type() != I64) {
            w.fromWord(fixed.word(), await.result(0).type(), await.result(0).number());
        }
        if (await.resultCount() > 1) {
            Value cf = calleeFrame(a, fixed.box());
            int nparams = await.funcRef().signature().params().size();
            for (int i = 1; i < await.resultCount(); i++) {
                Value r = await.result(i);
                w.b.emit(new InstructionSpec(Opcode.LOAD).type(r.type()).memFlags(CodeWriter.FRAME).operands(cf)
                        .offset(AsyncFrameLayout.resultOffset(nparams, i)).resultNumbers(r.number()));
            }
        }
        if (a.isBoxed()) {
            FuncRef free = w.callee(AsyncSymbols.FRAME_FREE, FRAME_FREE_SIG, false);
            w.call(free, List.of(task, fixed.box()));
        }
    }

    // ---- Values ----------------------------------------------------------------------------

    private Value use(Value v, Piece p, int pos) {
        return defs.isVariable(v) ? value(defs.readAt(v, p, pos)) : w.orig(v);
    }

    private Value value(Object def) {
        Object d = ReachingDefinitions.resolve(def);
        if (d instanceof Value v) {
            return w.orig(v);
        }
        if (d instanceof ReachingDefinitions.Phi phi) {
            return phi.param;
        }
        Value v = reloaded.get((ReachingDefinitions.Reload) d);
        if (v == null) {
            throw new IllegalStateException(d + " is used before its resume block defines it");
        }
        return v;
    }

    /** The values {@code from} passes to the phis of {@code to}. */
    private List<Value> phiArgs(Piece from, Piece to) {
        if (to.phis.isEmpty()) {
            return List.of();
        }
        int k = to.preds.indexOf(from);
        List<Value> out = new ArrayList<>(to.phis.size());
        for (ReachingDefinitions.Phi phi : to.phis) {
            out.add(value(phi.operands.get(k)));
        }
        return out;
    }
}
