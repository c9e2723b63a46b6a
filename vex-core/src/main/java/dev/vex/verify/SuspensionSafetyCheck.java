package dev.vex.verify;

import dev.vex.analysis.AwaitAnalysis;
import dev.vex.analysis.AwaitPoint;
import dev.vex.ir.AbiParam;
import dev.vex.ir.Function;
import dev.vex.ir.Value;

/**
 * Suspension safety (ASYNC-IR.md): across an await an async function may keep the values it
 * computed and the addresses of its own stack slots (they move into the frame), but not a
 * borrowed pointer, nor one derived from it, which the caller may invalidate while the function
 * is suspended, and not a lock guard, which would hold the lock while other tasks run.
 *
 * <p>Needs well-formed SSA for its liveness, so the verifier runs it only on functions that passed
 * the structure and dominance checks.
 */
final class SuspensionSafetyCheck {
    private SuspensionSafetyCheck() {
    }

    static void run(FunctionErrors out, AwaitAnalysis awaits) {
        Function fn = out.function();
        if (!fn.isAsync() || awaits.points().isEmpty()) {
            return;
        }
        PointerOrigins origins = PointerOrigins.of(fn);
        for (AwaitPoint p : awaits.points()) {
            for (Value v : p.values()) {
                Value borrow = origins.borrowOrigin(v, fn);
                if (borrow != null) {
                    String await = quoted(out, p);
                    String source = "the borrowed parameter " + borrow + " (" + paramOf(fn, borrow) + ")";
                    String what = v == borrow ? source : v + ", derived from " + source + ",";
                    out.report(Rule.BORROW, p.instruction(), what + " is live across " + await
                            + "; a borrow may not outlive a suspension: load what is needed before the await");
                }
                Value guard = origins.guardOrigin(v, fn);
                if (guard != null) {
                    String await = quoted(out, p);
                    String source = v == guard ? v.toString() : v + " (from " + guard + ")";
                    out.report(Rule.GUARD, p.instruction(), "lock held across await: the guard " + source
                            + ", returned by \"" + out.textOf(guard.definingInstruction()) + "\", is live across "
                            + await + "; release it before awaiting");
                }
            }
        }
    }

    /** The await's text in quotes; printing is done only for a message. */
    private static String quoted(FunctionErrors out, AwaitPoint p) {
        return "\"" + out.textOf(p.instruction()) + "\"";
    }

    private static String paramOf(Function fn, Value param) {
        AbiParam p = fn.signature().params().get(param.index());
        return "parameter " + param.index() + ": " + p;
    }
}
