package dev.vex.async;

import dev.vex.ir.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * A block of a resume function while {@link ResumePlanner} plans it: the control-flow graph
 * that {@link ReachingDefinitions} rebuilds SSA form on. The finished plan holds an immutable
 * {@link ResumePlan.PlannedPiece} for each.
 *
 * <ul>
 *   <li>{@code DISPATCH}: loads the state word and jumps to {@code START} or a {@code RESUME}
 *       (only when the function has awaits).</li>
 *   <li>{@code START}: loads the parameters; it is the original entry block's first segment
 *       itself when nothing branches to that block.</li>
 *   <li>{@code SEGMENT}: original instructions {@code [from, to)} of one block: a whole block,
 *       or the part before its first await, between two awaits, or after the last. A segment
 *       that ends at an await ({@link #endAwait}) polls the callee; the next segment
 *       ({@link #resumes} set) continues after it.</li>
 *   <li>{@code RESUME}: polls the callee of one await again and, once it is ready, reloads the
 *       saved values and continues in the segment after the await.</li>
 * </ul>
 */
final class Piece {
    enum Kind { DISPATCH, START, SEGMENT, RESUME }

    final Kind kind;
    final int id;
    final List<Piece> preds = new ArrayList<>(2);
    final Block origBlock;
    final int from;
    int to;
    /** For a segment, the await that ends it (at index {@code to}); for a resume piece, its await. */
    AwaitState endAwait;
    /** For a segment right after an await, that await (its results are defined on entry). */
    AwaitState resumes;
    /** The phis (extra block parameters) SSA reconstruction put here, in creation order. */
    final List<ReachingDefinitions.Phi> phis = new ArrayList<>();

    Piece(Kind kind, int id, Block origBlock, int from) {
        this.kind = kind;
        this.id = id;
        this.origBlock = origBlock;
        this.from = from;
    }

    void addPred(Piece p) {
        if (!preds.contains(p)) {
            preds.add(p);
        }
    }

    @Override
    public String toString() {
        return kind == Kind.SEGMENT ? origBlock + "[" + from + "," + to + ")" : kind + "#" + id;
    }
}
