package dev.vex.backend.regalloc;

import dev.vex.backend.MachFunction;

/**
 * Phase 4: moves on control-flow edges. For each edge, every vreg live into the successor whose
 * location at the end of the predecessor differs from its location at the start of the
 * successor, and every block parameter (from the location of its argument), gets a move. A
 * successor with one predecessor takes the edge's moves at its start; otherwise the predecessor
 * has one successor (no critical edges) and takes them just before its jump.
 */
final class DataFlowResolver {
    private DataFlowResolver() {}

    static void resolve(Lifetimes lifetimes, SpillSlots slots, MoveList moves) {
        MachFunction f = lifetimes.function;
        Interval[] vregs = lifetimes.vregs;
        for (int b = 0; b < f.numBlocks(); b++) {
            int succStart = Lifetimes.blockFrom(f, b);
            for (int e = 0; e < f.numPreds(b); e++) {
                int pred = f.pred(b, e);
                int predEnd = Lifetimes.blockTo(f, pred) - 1;
                int inst;
                int group;
                if (f.numPreds(b) == 1) {
                    inst = f.blockFirstInst(b);
                    group = MoveList.EDGE_IN;
                } else {
                    inst = f.blockEndInst(pred) - 1;
                    group = MoveList.EDGE_OUT;
                }
                for (int v : lifetimes.liveIn[b]) {
                    Interval root = vregs[v];
                    if (root.numChildren == 1) {
                        continue; // never split: one location everywhere
                    }
                    int src = root.childAt(predEnd).location;
                    int dst = root.childAt(succStart).location;
                    if (src == dst || (slots.storeAtDef[v] && dst == Location.slot(slots.vregSlot[v]))) {
                        continue;
                    }
                    moves.add(inst, group, src, dst, root.regClass);
                }
                int s = succIndex(f, pred, b);
                for (int k = 0; k < f.numBlockParams(b); k++) {
                    Interval param = vregs[f.blockParam(b, k)];
                    if (param == null) {
                        continue;
                    }
                    int dst = param.childAt(succStart).location;
                    int src = vregs[f.succArg(pred, s, k)].childAt(predEnd).location;
                    if (src != dst) {
                        moves.add(inst, group, src, dst, param.regClass);
                    }
                }
            }
        }
    }

    private static int succIndex(MachFunction f, int pred, int succ) {
        for (int s = 0; s < f.numSuccs(pred); s++) {
            if (f.succ(pred, s) == succ) {
                return s;
            }
        }
        throw new IllegalStateException("block" + pred + " is not a predecessor of block" + succ);
    }
}
