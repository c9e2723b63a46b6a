package dev.vex.async;

import dev.vex.analysis.ControlFlowGraph;
import dev.vex.ir.Block;
import dev.vex.ir.BlockCall;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the resume function of one async function ({@link ResumePlan}): splits the reachable
 * blocks at the awaits into {@link Piece}s, adds the dispatch and the resume paths, and rebuilds
 * SSA form over them ({@link ReachingDefinitions}), making every read the writer will make so
 * that every merge exists before anything is written. The pieces and phis it works on are
 * mutable; the plan it returns is not.
 */
final class ResumePlanner {
    private final Function fn;
    private final AsyncFrameLayout layout;

    private final Map<Instruction, AwaitState> awaitOf = new IdentityHashMap<>();
    private final Map<Block, List<Piece>> segments = new IdentityHashMap<>();
    private final Map<AwaitState, Piece> segmentAfter = new IdentityHashMap<>();
    private final Map<AwaitState, Piece> resumeOf = new IdentityHashMap<>();
    private final List<Block> reachable = new ArrayList<>();
    private final List<Piece> pieces = new ArrayList<>();
    private final Map<ResumePlan.Read, Definition> reads = new LinkedHashMap<>();
    private final Set<Value> variables = new LinkedHashSet<>();
    private Piece dispatch;
    private Piece start;
    private ReachingDefinitions defs;

    private ResumePlanner(Function fn, AsyncFrameLayout layout) {
        this.fn = fn;
        this.layout = layout;
    }

    /** The plan of the resume function of {@code fn}, whose frame is {@code layout}. */
    static ResumePlan plan(Function fn, AsyncFrameLayout layout) {
        ResumePlanner p = new ResumePlanner(fn, layout);
        p.split();
        p.readAll();
        return p.freeze();
    }

    private Piece piece(Piece.Kind kind, Block orig, int from) {
        Piece p = new Piece(kind, pieces.size(), orig, from);
        pieces.add(p);
        return p;
    }

    /** The pieces and the control flow between them, then the reaching-definitions graph. */
    private void split() {
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
                variables.add(v);
                locateDefinition(v, defPiece, defPos);
            }
        }
        defs = new ReachingDefinitions(isVar, defPiece, defPos, reloads, remats);
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

    /** Every read the writer will make, in the order it makes them. */
    private void readAll() {
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
                    reads.put(new ResumePlan.Read(p.id, ResumePlan.END, s.value()), defs.readEnd(s.value(), p));
                }
            }
        }
    }

    private void readOperands(Instruction inst, Piece p, int pos) {
        for (Value v : inst.operands()) {
            read(v, p, pos);
        }
        for (BlockCall c : inst.destinations()) {
            for (Value v : c.args()) {
                read(v, p, pos);
            }
        }
    }

    private void read(Value v, Piece p, int pos) {
        if (defs.isVariable(v)) {
            reads.put(new ResumePlan.Read(p.id, pos, v), defs.readAt(v, p, pos));
        }
    }

    // ---- Freezing --------------------------------------------------------------------------

    /** The finished plan: removed phis resolved, the remaining ones numbered as merges. */
    private ResumePlan freeze() {
        List<ResumePlan.PlannedPiece> planned = new ArrayList<>();
        for (Piece p : pieces) {
            List<Integer> preds = new ArrayList<>();
            p.preds.forEach(q -> preds.add(q.id));
            List<ResumePlan.PlannedMerge> merges = new ArrayList<>();
            for (ReachingDefinitions.Phi phi : p.phis) {
                List<Definition> ops = new ArrayList<>();
                phi.operands.forEach(op -> ops.add(frozen(op)));
                merges.add(new ResumePlan.PlannedMerge(phi.variable, ops));
            }
            planned.add(new ResumePlan.PlannedPiece(p.id, p.kind, p.origBlock, p.from, p.to, p.endAwait, p.resumes,
                preds, merges));
        }
        Map<Block, List<ResumePlan.PlannedPiece>> segs = new IdentityHashMap<>();
        segments.forEach((b, l) -> segs.put(b, l.stream().map(p -> planned.get(p.id)).toList()));
        Map<AwaitState, ResumePlan.PlannedPiece> after = new IdentityHashMap<>();
        segmentAfter.forEach((a, p) -> after.put(a, planned.get(p.id)));
        Map<AwaitState, ResumePlan.PlannedPiece> resume = new IdentityHashMap<>();
        resumeOf.forEach((a, p) -> resume.put(a, planned.get(p.id)));
        Map<ResumePlan.Read, Definition> frozenReads = new LinkedHashMap<>();
        reads.forEach((r, d) -> frozenReads.put(r, frozen(d)));
        return new ResumePlan(fn, layout, reachable, planned, dispatch == null ? null : planned.get(dispatch.id),
            planned.get(start.id), segs, after, resume, variables, frozenReads);
    }

    /** {@code d} with removed phis followed and a remaining phi named by its piece and index. */
    private static Definition frozen(Definition d) {
        Definition r = ReachingDefinitions.resolve(d);
        if (r instanceof ReachingDefinitions.Phi phi) {
            int index = phi.piece.phis.indexOf(phi);
            if (index < 0) {
                throw new IllegalStateException(phi + " is used but was removed");
            }
            return new Definition.Merge(phi.piece.id, index, phi.variable);
        }
        return r;
    }
}
