package dev.vex.analysis;

import dev.vex.ir.Block;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The suspension points of a function ({@code await} and {@code await_boxed}, in layout order)
 * and for each the values live across it: live just after the await and not among its results.
 * In SSA every such value is defined before the await on every path that reaches it.
 *
 * <p>A function without awaits (or a sync one) simply has no points. Unreachable awaits are
 * listed too; what is live across them is computed the same way.
 */
public final class AwaitAnalysis {
    private final Function function;
    private final List<AwaitPoint> points;

    private AwaitAnalysis(Liveness liveness) {
        this.function = liveness.function();
        List<AwaitPoint> out = new ArrayList<>();
        for (Block b : function.blocks()) {
            for (Instruction inst : b.instructions()) {
                if (inst.opcode().isSuspensionPoint()) {
                    java.util.BitSet bits = liveness.liveAfterBits(inst);
                    for (int r = 0; r < inst.resultCount(); r++) {
                        bits.clear(inst.result(r).id());
                    }
                    ValueSet across = ValueSet.of(bits);
                    out.add(new AwaitPoint(inst, across, across.toList(function)));
                }
            }
        }
        this.points = Collections.unmodifiableList(out);
    }

    public static AwaitAnalysis of(Liveness liveness) {
        return new AwaitAnalysis(liveness);
    }

    public static AwaitAnalysis of(Function function) {
        return new AwaitAnalysis(Liveness.of(function));
    }

    public Function function() {
        return function;
    }

    /** The await points in layout order. */
    public List<AwaitPoint> points() {
        return points;
    }

    /** The point of {@code await}, or null if it is not one of this function's awaits. */
    public AwaitPoint pointOf(Instruction await) {
        for (AwaitPoint p : points) {
            if (p.instruction() == await) {
                return p;
            }
        }
        return null;
    }

    /** One line per await point. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (AwaitPoint p : points) {
            sb.append(p.describe(function)).append('\n');
        }
        return sb.toString();
    }
}
