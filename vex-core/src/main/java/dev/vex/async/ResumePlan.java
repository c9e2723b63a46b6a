package dev.vex.async;

import dev.vex.ir.Block;
import dev.vex.ir.Function;
import dev.vex.ir.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the resume function of one async function will be, before any of it is written: the
 * frame layout (the states, what each await saves where, the offsets), the pieces the reachable
 * blocks are split into at the awaits, with the dispatch and resume pieces added, the control
 * flow between them, the merges (phis) SSA reconstruction put at their starts, and the
 * definition every use of a value live across an await reads. {@link ResumePlanner} makes it,
 * {@link ResumeWriter} turns it into IR; {@link #toString()} prints it. Immutable.
 */
final class ResumePlan {
    /** Marks a read at the end of a piece (a saved value stored when suspending) rather than by an instruction. */
    static final int END = Integer.MAX_VALUE;

    /**
     * One piece: a block of the resume function (see {@link Piece} for the kinds).
     *
     * @param id        its index in {@link #pieces()}
     * @param origBlock for a segment, the original block it is part of; else null
     * @param from      for a segment, the first original instruction
     * @param to        for a segment, the end (exclusive): the await or the block's end
     * @param endAwait  for a segment ending at an await, that await; for a resume piece, its await
     * @param resumes   for a segment right after an await, that await
     * @param preds     the ids of the predecessor pieces, in the order of the merges' operands
     * @param merges    the block parameters added for variables, in order
     */
    record PlannedPiece(int id, Piece.Kind kind, Block origBlock, int from, int to, AwaitState endAwait,
            AwaitState resumes, List<Integer> preds, List<PlannedMerge> merges) {
        PlannedPiece {
            preds = List.copyOf(preds);
            merges = List.copyOf(merges);
        }

        @Override
        public String toString() {
            return kind == Piece.Kind.SEGMENT ? origBlock + "[" + from + "," + to + ")" : kind + "#" + id;
        }
    }

    /** A merge of {@code variable}: one definition per predecessor of its piece. */
    record PlannedMerge(Value variable, List<Definition> operands) {
        PlannedMerge {
            operands = List.copyOf(operands);
        }
    }

    /** A use of a variable: by the instruction at {@code pos} of piece {@code piece} (or at {@link #END}). */
    record Read(int piece, int pos, Value variable) {
    }

    private final Function function;
    private final AsyncFrameLayout layout;
    private final List<Block> reachable;
    private final List<PlannedPiece> pieces;
    private final PlannedPiece dispatch;
    private final PlannedPiece start;
    private final Map<Block, List<PlannedPiece>> segments;
    private final Map<AwaitState, PlannedPiece> after;
    private final Map<AwaitState, PlannedPiece> resume;
    private final Set<Value> variables;
    private final Map<Read, Definition> reads;

    ResumePlan(Function function, AsyncFrameLayout layout, List<Block> reachable, List<PlannedPiece> pieces,
            PlannedPiece dispatch, PlannedPiece start, Map<Block, List<PlannedPiece>> segments,
            Map<AwaitState, PlannedPiece> after, Map<AwaitState, PlannedPiece> resume, Set<Value> variables,
            Map<Read, Definition> reads) {
        this.function = function;
        this.layout = layout;
        this.reachable = List.copyOf(reachable);
        this.pieces = List.copyOf(pieces);
        this.dispatch = dispatch;
        this.start = start;
        Map<Block, List<PlannedPiece>> segs = new IdentityHashMap<>();
        segments.forEach((b, l) -> segs.put(b, List.copyOf(l)));
        this.segments = Collections.unmodifiableMap(segs);
        this.after = Collections.unmodifiableMap(new IdentityHashMap<>(after));
        this.resume = Collections.unmodifiableMap(new IdentityHashMap<>(resume));
        this.variables = Set.copyOf(variables);
        this.reads = Collections.unmodifiableMap(new LinkedHashMap<>(reads));
        for (Definition d : reads.values()) {
            if (d instanceof ReachingDefinitions.Phi) {
                throw new IllegalStateException("a finished plan holds merges, not phis being planned: " + d);
            }
        }
    }

    /** The original async function. */
    Function function() {
        return function;
    }

    AsyncFrameLayout layout() {
        return layout;
    }

    /** The original blocks that are reachable, in order: the others are dropped. */
    List<Block> reachable() {
        return reachable;
    }

    /** All pieces, by id. */
    List<PlannedPiece> pieces() {
        return pieces;
    }

    PlannedPiece piece(int id) {
        return pieces.get(id);
    }

    /** The dispatch piece; null when the function has no awaits. */
    PlannedPiece dispatch() {
        return dispatch;
    }

    /** Where the resume function starts after dispatch: a START piece, or the entry block's first segment. */
    PlannedPiece start() {
        return start;
    }

    /** The segments of a reachable original block, in order. */
    List<PlannedPiece> segments(Block b) {
        return segments.get(b);
    }

    /** The segment that goes on after {@code a}. */
    PlannedPiece after(AwaitState a) {
        return after.get(a);
    }

    /** The resume piece of {@code a}. */
    PlannedPiece resume(AwaitState a) {
        return resume.get(a);
    }

    /** Whether {@code v} is live across some await (its uses then read a planned definition). */
    boolean isVariable(Value v) {
        return variables.contains(v);
    }

    /** The definition the read of variable {@code v} at {@code pos} of piece {@code piece} sees. */
    Definition read(PlannedPiece piece, int pos, Value v) {
        Definition d = reads.get(new Read(piece.id(), pos, v));
        if (d == null) {
            throw new IllegalStateException("the plan has no read of " + v + " at " + pos + " of " + piece);
        }
        return d;
    }

    /**
     * The plan as text: the frame layout, then one line per piece with its predecessors, the
     * await it ends at or follows, its merges, and the definition each of its reads of a variable
     * sees (by the original instruction index, or "at end" for a value saved when suspending).
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("plan of %").append(function.name()).append(": ").append(pieces.size())
            .append(" pieces, ").append(variables.size()).append(" values live across awaits\n");
        sb.append(layout.describe());
        for (PlannedPiece p : pieces) {
            sb.append(String.format("  piece %d %s", p.id(), p.kind()));
            if (p.kind() == Piece.Kind.SEGMENT) {
                sb.append(' ').append(p.origBlock()).append(" [").append(p.from()).append(", ").append(p.to()).append(')');
            }
            if (p == start) {
                sb.append(" start");
            }
            List<String> preds = new ArrayList<>();
            p.preds().forEach(i -> preds.add(Integer.toString(i)));
            sb.append(" | preds ").append(preds.isEmpty() ? "-" : String.join(", ", preds));
            if (p.resumes() != null) {
                sb.append(" | after state ").append(p.resumes().state());
            }
            if (p.endAwait() != null) {
                sb.append(p.kind() == Piece.Kind.RESUME ? " | polls " : " | ends at ").append("state ")
                    .append(p.endAwait().state()).append(" (").append(p.endAwait().describeCallee()).append(')');
            }
            sb.append('\n');
            for (PlannedMerge m : p.merges()) {
                sb.append("      merge ").append(m.variable()).append(" = ").append(m.operands()).append('\n');
            }
            List<String> used = new ArrayList<>();
            reads.forEach((r, d) -> {
                if (r.piece() == p.id()) {
                    used.add(r.variable() + (r.pos() == END ? " at end" : " at " + r.pos()) + ": " + d);
                }
            });
            if (!used.isEmpty()) {
                sb.append("      reads ").append(String.join(", ", used)).append('\n');
            }
        }
        return sb.toString();
    }
}
