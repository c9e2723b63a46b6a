package dev.vex.async;

import dev.vex.ir.Value;

/**
 * A definition of a value live across an await (a "variable" of SSA reconstruction) that reaches
 * a use in the resume function:
 * <ul>
 *   <li>{@link Original}: the value as the original function defines it;</li>
 *   <li>{@link Reload}: its copy after an await, reloaded from the frame or recomputed;</li>
 *   <li>{@link Merge}: a new block parameter (phi) of a piece of a {@link ResumePlan}, where
 *       paths with different definitions meet;</li>
 *   <li>{@link ReachingDefinitions.Phi}: such a merge while it is being planned; a finished plan
 *       holds {@code Merge}s instead.</li>
 * </ul>
 */
sealed interface Definition permits Definition.Original, Definition.Reload, Definition.Merge, ReachingDefinitions.Phi {
    /** The variable this defines. */
    Value variable();

    /** The original definition of {@code variable}. */
    record Original(Value variable) implements Definition {
        @Override
        public String toString() {
            return variable.toString();
        }
    }

    /**
     * {@code variable} redefined because of an await: reloaded from the frame at the end of the
     * await's resume piece (a saved value), or recomputed at the start of the segment after the
     * await, on both paths (a rematerialized one: nothing to merge, and nothing kept live across
     * the poll).
     */
    record Reload(AwaitState await, Value variable) implements Definition {
        @Override
        public String toString() {
            return "reload(" + variable + " @state " + await.state() + ")";
        }
    }

    /** Block parameter {@code index} among the merges of piece {@code piece} of a plan. */
    record Merge(int piece, int index, Value variable) implements Definition {
        @Override
        public String toString() {
            return "merge(" + variable + " @piece " + piece + "#" + index + ")";
        }
    }
}
