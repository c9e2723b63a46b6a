package dev.vex.async;

import dev.vex.ir.Function;
import dev.vex.ir.Module;
import java.util.Map;

/**
 * Lowers one async function to its resume function, {@code %f$resume(i64 frame, i64 task) -> i64, i64},
 * in two stages: {@link ResumePlanner} makes an immutable, printable {@link ResumePlan} (the
 * pieces, the control flow, the merges and which definition each use reads), and
 * {@link ResumeWriter} turns the plan into IR.
 */
final class StateMachineLowering {
    private StateMachineLowering() {
    }

    static Function lower(Function fn, AsyncFrameLayout layout, Module module, Map<String, AsyncFrameLayout> layouts,
            FrameSizes leaves) {
        return ResumeWriter.write(ResumePlanner.plan(fn, layout), module, layouts, leaves);
    }
}
