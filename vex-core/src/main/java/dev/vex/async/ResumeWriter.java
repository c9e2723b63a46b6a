package dev.vex.async;

import static dev.vex.ir.Type.I64;

import dev.vex.async.ResumePlan.PlannedMerge;
import dev.vex.async.ResumePlan.PlannedPiece;
import dev.vex.compile.FutureDescriptorLayout;
import dev.vex.ir.Block;
import dev.vex.ir.BlockCall;
import dev.vex.ir.FuncRef;
import dev.vex.ir.Function;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Instruction;
import dev.vex.ir.InstructionSpec;
import dev.vex.ir.MemFlags;
import dev.vex.ir.Module;
import dev.vex.ir.Opcode;
import dev.vex.ir.Signature;
import dev.vex.ir.StackSlot;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the resume function {@code %f$resume(i64 frame, i64 task) -> i64, i64} of a
 * {@link ResumePlan}: every piece's block, in layout order, with its merges as extra block
 * parameters (the shape is drawn in the package comment). It decides nothing the plan has not:
 * each use of a value live across an await takes the definition the plan recorded for it.
 */
final class ResumeWriter {
    private static final Signature RESUME_SIG = Signature.of(List.of(I64, I64), List.of(I64, I64));
    private static final Signature FRAME_ALLOC_SIG = Signature.of(List.of(I64, I64, I64), List.of(I64));
    private static final Signature FRAME_FREE_SIG = Signature.of(List.of(I64, I64), List.of());

    private final ResumePlan plan;
    private final Function fn;
    private final AsyncFrameLayout layout;
    private final Module module;
    private final Map<String, AsyncFrameLayout> layouts;
    private final FrameSizes leaves;

    private CodeWriter w;
    private Value frame;
    private Value task;
    private Block trapBlock;
    private Block suspendBlock;
    /** By piece id: the block written for it, and the parameters of its merges. */
    private final Block[] blockOf;
    private final Value[][] mergeParams;
    private final Map<AwaitState, AwaitBlocks> awaitBlocks = new IdentityHashMap<>();
    private final Map<Definition.Reload, Value> reloaded = new HashMap<>();
    private final Map<PlannedPiece, AfterParams> afterParams = new IdentityHashMap<>();

    /** The blocks of one await's slow paths: save and suspend, poll again, reload. */
    private record AwaitBlocks(Block pending, Block resume, Block reload) {
    }

    /** The fixed parameters of the segment after an await: the poll's value word, the boxed frame (either may be null). */
    private record AfterParams(Value word, Value box) {
    }

    private ResumeWriter(ResumePlan plan, Module module, Map<String, AsyncFrameLayout> layouts, FrameSizes leaves) {
        this.plan = plan;
        this.fn = plan.function();
        this.layout = plan.layout();
        this.module = module;
        this.layouts = layouts;
        this.leaves = leaves;
        this.blockOf = new Block[plan.pieces().size()];
        this.mergeParams = new Value[plan.pieces().size()][];
    }

    /**
     * The resume function of {@code plan}; {@code layouts} and {@code leaves} give the frames of
     * the awaited callees, {@code module} the original module.
     */
    static Function write(ResumePlan plan, Module module, Map<String, AsyncFrameLayout> layouts, FrameSizes leaves) {
        return new ResumeWriter(plan, module, layouts, leaves).write();
    }

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
        if (plan.dispatch() != null) {
            writeDispatch();
        }
        if (plan.start().kind() == Piece.Kind.START) {
            writeStart();
        }
        for (Block blk : plan.reachable()) {
            for (PlannedPiece p : plan.segments(blk)) {
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
        PlannedPiece dispatch = plan.dispatch();
        PlannedPiece start = plan.start();
        Block first = dispatch != null || start.kind() == Piece.Kind.START ? w.freshBlock()
                : w.b.createBlockNumbered(fn.entryBlock().number());
        frame = w.freshParam(first, I64);
        task = w.freshParam(first, I64);
        if (dispatch != null) {
            blockOf[dispatch.id()] = first;
        } else {
            blockOf[start.id()] = first;
        }
        if (start.kind() == Piece.Kind.START && blockOf[start.id()] == null) {
            blockOf[start.id()] = w.freshBlock();
        }
        for (Block blk : plan.reachable()) {
            for (PlannedPiece p : plan.segments(blk)) {
                if (blockOf[p.id()] == null) {
                    blockOf[p.id()] = p.from() == 0 ? w.b.createBlockNumbered(blk.number()) : w.freshBlock();
                }
                if (p.from() == 0 && p != start) {
                    for (Value v : blk.params()) {
                        w.b.appendBlockParam(blockOf[p.id()], v.type(), v.number());
                    }
                }
                if (p.resumes() != null) {
                    afterParams.put(p, afterParams(p));
                }
                Value[] params = new Value[p.merges().size()];
                for (int i = 0; i < params.length; i++) {
                    params[i] = w.freshParam(blockOf[p.id()], p.merges().get(i).variable().type());
                }
                mergeParams[p.id()] = params;
            }
        }
        for (AwaitState a : layout.awaits()) {
            AwaitBlocks blocks = new AwaitBlocks(w.freshBlock(), w.freshBlock(), w.freshBlock());
            w.b.setCold(blocks.pending(), true);
            awaitBlocks.put(a, blocks);
            blockOf[plan.resume(a).id()] = blocks.resume();
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
    private AfterParams afterParams(PlannedPiece p) {
        Instruction await = p.resumes().await();
        Value word = null;
        if (await.resultCount() > 0) {
            Value r0 = await.result(0);
            word = r0.type() == I64 ? w.b.appendBlockParam(blockOf[p.id()], I64, r0.number()) : w.freshParam(blockOf[p.id()], I64);
        }
        Value box = p.resumes().isBoxed() ? w.freshParam(blockOf[p.id()], I64) : null;
        return new AfterParams(word, box);
    }

    private void writeDispatch() {
        w.b.switchToBlock(blockOf[plan.dispatch().id()]);
        Value state = w.load(I64, CodeWriter.FRAME, frame, AsyncFrameLayout.STATE_OFFSET);
        List<BlockCall> table = new ArrayList<>();
        table.add(new BlockCall(blockOf[plan.start().id()], List.of()));
        for (AwaitState a : layout.awaits()) {
            table.add(new BlockCall(blockOf[plan.resume(a).id()], List.of()));
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
        PlannedPiece start = plan.start();
        w.b.switchToBlock(blockOf[start.id()]);
        PlannedPiece entrySeg = plan.segments(fn.entryBlock()).get(0);
        List<Value> args = loadParams(false);
        args.addAll(mergeArgs(start, entrySeg));
        w.jump(blockOf[entrySeg.id()], args);
    }

    private void writeSegment(PlannedPiece p) {
        w.b.switchToBlock(blockOf[p.id()]);
        if (p == plan.start()) {
            loadParams(true);
        }
        if (p.resumes() != null) {
            writeAwaitResults(p);
        }
        List<Instruction> insts = p.origBlock().instructions();
        for (int i = p.from(); i < p.to(); i++) {
            writeInstruction(insts.get(i), p, i);
        }
        if (p.endAwait() != null) {
            writeFirstPoll(p);
        }
    }

    private void writeInstruction(Instruction inst, PlannedPiece p, int pos) {
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
            case SPAWN_INDIRECT -> w.spawnIndirect(inst, ops);
            case RETURN -> writeReturn(ops);
            default -> {
                List<BlockCall> dests = new ArrayList<>();
                for (BlockCall c : inst.destinations()) {
                    PlannedPiece target = plan.segments(c.block()).get(0);
                    List<Value> args = new ArrayList<>();
                    for (Value v : c.args()) {
                        args.add(use(v, p, pos));
                    }
                    args.addAll(mergeArgs(p, target));
                    dests.add(new BlockCall(blockOf[target.id()], args));
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

    /** Polls the callee frame {@code cf}: a call of its resume function, through {@code resumeFn} when indirect. */
    private Instruction poll(AwaitState a, Value cf, Value resumeFn) {
        if (!a.isIndirect()) {
            return w.call(resumeFunction(a), List.of(cf, task));
        }
        return w.emit(new InstructionSpec(Opcode.CALL_INDIRECT).sigRef(w.resumeSignature(RESUME_SIG))
                .operands(resumeFn, cf, task), 2);
    }

    /** First poll: set up the callee's frame, poll it; ready goes on after the await, pending saves and suspends. */
    private void writeFirstPoll(PlannedPiece p) {
        AwaitState a = p.endAwait();
        Instruction await = a.await();
        List<Value> args = new ArrayList<>();
        for (Value v : await.operands()) {
            args.add(use(v, p, p.to()));
        }
        Value box = null;
        Value resumeFn = null;
        if (a.isIndirect()) {
            // The function value is a vex_future_desc: its frame's size and alignment, and its
            // resume function. Plain loads: a bad value faults (a trap), as a bad call_indirect does.
            Value desc = args.remove(0);
            Value size = w.one(new InstructionSpec(Opcode.ULOAD32).type(I64).memFlags(MemFlags.NONE).operands(desc)
                    .offset(FutureDescriptorLayout.FRAME_SIZE_OFFSET));
            Value align = w.one(new InstructionSpec(Opcode.ULOAD32).type(I64).memFlags(MemFlags.NONE).operands(desc)
                    .offset(FutureDescriptorLayout.FRAME_ALIGN_OFFSET));
            resumeFn = w.load(I64, MemFlags.NONE, desc, FutureDescriptorLayout.RESUME_OFFSET);
            FuncRef alloc = w.callee(AsyncSymbols.FRAME_ALLOC, FRAME_ALLOC_SIG, false);
            box = w.call(alloc, List.of(task, size, align)).result();
        } else if (a.isBoxed()) {
            FrameSize size = FrameLayoutPlanner.frameOf(a.calleeName(), layouts, leaves, module);
            FuncRef alloc = w.callee(AsyncSymbols.FRAME_ALLOC, FRAME_ALLOC_SIG, false);
            box = w.call(alloc, List.of(task, w.iconst(size.size()), w.iconst(size.align()))).result();
        }
        Value cf = calleeFrame(a, box);
        for (int i = 0; i < args.size(); i++) {
            w.store(CodeWriter.FRAME, args.get(i), cf, AsyncFrameLayout.paramOffset(i));
        }
        w.store(CodeWriter.FRAME, w.iconst(0), cf, AsyncFrameLayout.STATE_OFFSET);
        Instruction poll = poll(a, cf, resumeFn);
        Value status = poll.result(0);
        Value word = poll.result(1);
        PlannedPiece next = plan.after(a);
        Block pending = awaitBlocks.get(a).pending();
        w.b.brif(status, pending, List.of(), blockOf[next.id()], contArgs(p, next, word, box));

        w.b.switchToBlock(pending);
        if (a.isBoxed()) {
            w.store(CodeWriter.FRAME, box, frame, a.boxOffset());
        }
        if (a.isIndirect()) {
            w.store(CodeWriter.FRAME, resumeFn, frame, a.resumeOffset());
        }
        for (AwaitState.SavedValue s : a.saved()) {
            w.store(CodeWriter.FRAME, value(plan.read(p, ResumePlan.END, s.value())), frame, s.offset());
        }
        w.store(CodeWriter.FRAME, w.iconst(a.state()), frame, AsyncFrameLayout.STATE_OFFSET);
        w.ret(status, word);
    }

    /** Resume: poll the callee again; pending returns as is, ready reloads and goes on after the await. */
    private void writeResume(AwaitState a) {
        AwaitBlocks blocks = awaitBlocks.get(a);
        PlannedPiece r = plan.resume(a);
        w.b.switchToBlock(blocks.resume());
        Value box = a.isBoxed() ? w.load(I64, CodeWriter.FRAME, frame, a.boxOffset()) : null;
        Value resumeFn = a.isIndirect() ? w.load(I64, CodeWriter.FRAME, frame, a.resumeOffset()) : null;
        Value cf = calleeFrame(a, box);
        Instruction poll = poll(a, cf, resumeFn);
        Value status = poll.result(0);
        Value word = poll.result(1);
        w.b.brif(status, suspendBlock, List.of(status, word), blocks.reload(), List.of());

        w.b.switchToBlock(blocks.reload());
        for (AwaitState.SavedValue s : a.saved()) {
            Value v = w.load(s.value().type(), CodeWriter.FRAME, frame, s.offset());
            reloaded.put(new Definition.Reload(a, s.value()), v);
        }
        PlannedPiece next = plan.after(a);
        w.jump(blockOf[next.id()], contArgs(r, next, word, box));
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
            s.funcRef(w.funcAddrTarget(def.funcRef()));
        }
        return w.one(s);
    }

    private List<Value> contArgs(PlannedPiece from, PlannedPiece next, Value word, Value box) {
        List<Value> args = new ArrayList<>();
        AfterParams fixed = afterParams.get(next);
        if (fixed.word() != null) {
            args.add(word);
        }
        if (fixed.box() != null) {
            args.add(box);
        }
        args.addAll(mergeArgs(from, next));
        return args;
    }

    /**
     * After an await: the constants and addresses live across it recomputed; its results from the
     * value word and the callee frame's result slots; a boxed frame freed.
     */
    private void writeAwaitResults(PlannedPiece p) {
        AwaitState a = p.resumes();
        for (Value v : a.rematerialized()) {
            reloaded.put(new Definition.Reload(a, v), rematerialize(v));
        }
        Instruction await = a.await();
        AfterParams fixed = afterParams.get(p);
        if (await.resultCount() > 0 && await.result(0).type() != I64) {
            w.fromWord(fixed.word(), await.result(0).type(), await.result(0).number());
        }
        if (await.resultCount() > 1) {
            Value cf = calleeFrame(a, fixed.box());
            int nparams = (a.isIndirect() ? await.sigRef().signature() : await.funcRef().signature()).params().size();
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

    private Value use(Value v, PlannedPiece p, int pos) {
        return plan.isVariable(v) ? value(plan.read(p, pos, v)) : w.orig(v);
    }

    private Value value(Definition def) {
        if (def instanceof Definition.Original o) {
            return w.orig(o.variable());
        }
        if (def instanceof Definition.Merge m) {
            return mergeParams[m.piece()][m.index()];
        }
        if (def instanceof Definition.Reload r) {
            Value v = reloaded.get(r);
            if (v == null) {
                throw new IllegalStateException(r + " is used before its resume block defines it");
            }
            return v;
        }
        throw new IllegalStateException(def + " is still being planned");
    }

    /** The values {@code from} passes to the merges of {@code to}. */
    private List<Value> mergeArgs(PlannedPiece from, PlannedPiece to) {
        if (to.merges().isEmpty()) {
            return List.of();
        }
        int k = to.preds().indexOf(from.id());
        List<Value> out = new ArrayList<>(to.merges().size());
        for (PlannedMerge m : to.merges()) {
            out.add(value(m.operands().get(k)));
        }
        return out;
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
}
