package dev.vex.async;

import dev.vex.ir.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SSA reconstruction for the resume function. Splitting blocks at awaits and adding a resume
 * path gives every value live across an await a second definition: the copy reloaded from the
 * frame. Each use must then see the definition that reaches it, merged by new block parameters
 * (phis) where paths meet. This is Braun et al.'s on-demand construction ("Simple and Efficient
 * Construction of Static Single Assignment Form", CC 2013) on a graph whose blocks are all
 * sealed, with trivial phis removed as they are found.
 *
 * <p>Only the values live across some await (the "variables") go through here; every other value
 * keeps its single definition, which still dominates its uses. A {@link Definition} is the
 * original value, a reload or a {@link Phi}; {@link #resolve} follows removed phis.
 */
final class ReachingDefinitions {
    /** A merge of one variable's definitions at the start of a piece with several predecessors, while planning. */
    static final class Phi implements Definition {
        final Value variable;
        final Piece piece;
        /** One definition per predecessor of the piece, in its order. */
        final List<Definition> operands = new ArrayList<>();
        final List<Phi> users = new ArrayList<>();
        Definition replacement;
        /** All operands are in: only then may it be found trivial. */
        boolean complete;

        Phi(Value variable, Piece piece) {
            this.variable = variable;
            this.piece = piece;
        }

        @Override
        public Value variable() {
            return variable;
        }

        @Override
        public String toString() {
            return "phi(" + variable + " @" + piece + ")";
        }
    }

    private final boolean[] isVariable;
    private final Piece[] defPiece;
    private final int[] defPos;
    private final Map<Piece, Set<Value>> reloads;
    private final Map<Piece, Set<Value>> remats;
    private final Map<Long, Definition> atEntry = new HashMap<>();
    private final int valueCount;

    /**
     * @param defPiece for each variable (by value id), the piece holding its original definition
     * @param defPos   the index of that definition among the original block's instructions, or -1
     *                 when it is defined on entry (a block parameter, an await's result)
     * @param reloads  for each resume piece, the variables it reloads
     * @param remats   for each segment after an await, the variables it recomputes on entry
     */
    ReachingDefinitions(boolean[] isVariable, Piece[] defPiece, int[] defPos, Map<Piece, Set<Value>> reloads,
            Map<Piece, Set<Value>> remats) {
        this.isVariable = isVariable;
        this.defPiece = defPiece;
        this.defPos = defPos;
        this.reloads = reloads;
        this.remats = remats;
        this.valueCount = isVariable.length;
    }

    boolean isVariable(Value v) {
        return isVariable[v.id()];
    }

    /** The definition of {@code v} that reaches its use by the instruction at {@code pos} of segment {@code p}. */
    Definition readAt(Value v, Piece p, int pos) {
        if (defPiece[v.id()] == p && defPos[v.id()] < pos) {
            return new Definition.Original(v);
        }
        return readEntry(v, p);
    }

    /** The definition of {@code v} live at the end of {@code p}. */
    Definition readEnd(Value v, Piece p) {
        if (defPiece[v.id()] == p) {
            return new Definition.Original(v);
        }
        Set<Value> r = reloads.get(p);
        if (r != null && r.contains(v)) {
            return new Definition.Reload(p.endAwait, v);
        }
        return readEntry(v, p);
    }

    /**
     * The definition of {@code v} live on entry to {@code p}. A run of single-predecessor pieces
     * is walked in a loop, not by recursion, so that a long chain of blocks cannot exhaust the
     * stack; only merges (phis) recurse.
     */
    private Definition readEntry(Value v, Piece p) {
        List<Piece> chain = new ArrayList<>();
        Set<Piece> seen = null;
        Piece q = p;
        Definition def;
        while (true) {
            long key = (long) q.id * valueCount + v.id();
            Definition known = atEntry.get(key);
            if (known != null) {
                def = resolve(known);
                break;
            }
            Set<Value> recomputed = remats.get(q);
            if (recomputed != null && recomputed.contains(v)) {
                def = new Definition.Reload(q.resumes, v);
                chain.add(q);
                break;
            }
            if (q.preds.isEmpty()) {
                throw new IllegalStateException(v + " is used in " + p + " but defined on no path to it");
            }
            if (q.preds.size() > 1) {
                def = phiAt(v, q, key);
                break;
            }
            chain.add(q);
            Piece pred = q.preds.get(0);
            if (defPiece[v.id()] == pred) {
                def = new Definition.Original(v);
                break;
            }
            Set<Value> r = reloads.get(pred);
            if (r != null && r.contains(v)) {
                def = new Definition.Reload(pred.endAwait, v);
                break;
            }
            if (chain.size() > 64) {
                // A cycle of single-predecessor pieces reaches no definition: say so, do not spin.
                if (seen == null) {
                    seen = Collections.newSetFromMap(new IdentityHashMap<>());
                    seen.addAll(chain);
                }
                if (!seen.add(pred)) {
                    throw new IllegalStateException(v + " is used in " + p + " but defined on no path to it");
                }
            }
            q = pred;
        }
        for (Piece c : chain) {
            atEntry.put((long) c.id * valueCount + v.id(), def);
        }
        return def;
    }

    /** The phi of {@code v} at the entry of {@code p}, which has several predecessors (or what it folds to). */
    private Definition phiAt(Value v, Piece p, long key) {
        Phi phi = new Phi(v, p);
        atEntry.put(key, phi); // breaks cycles through loops
        for (Piece pred : p.preds) {
            Definition op = readEnd(v, pred);
            phi.operands.add(op);
            if (op instanceof Phi u) {
                u.users.add(phi);
            }
        }
        phi.complete = true;
        Definition def = removeIfTrivial(phi);
        if (def == phi) {
            p.phis.add(phi);
        }
        atEntry.put(key, def);
        return def;
    }

    /** A phi whose operands are all one definition (or itself) is that definition. */
    private Definition removeIfTrivial(Phi phi) {
        Definition same = null;
        for (Definition op : phi.operands) {
            Definition d = resolve(op);
            if (d.equals(same) || d == phi) {
                continue;
            }
            if (same != null) {
                return phi;
            }
            same = d;
        }
        if (same == null) {
            throw new IllegalStateException(phi.variable + " reaches " + phi.piece + " only through itself");
        }
        phi.replacement = same;
        phi.piece.phis.remove(phi);
        for (Phi u : phi.users) {
            if (u != phi && u.complete && u.replacement == null) {
                removeIfTrivial(u);
            }
        }
        return same;
    }

    /** The definition {@code def} stands for, after removed phis. */
    static Definition resolve(Definition def) {
        Definition d = def;
        while (d instanceof Phi p && p.replacement != null) {
            d = p.replacement;
        }
        return d;
    }
}
