package dev.vex.analysis;

import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.Value;
import java.util.List;

/**
 * One suspension point ({@code await} or {@code await_boxed}) and the values live across it:
 * defined before it and used after it, its own results excluded. These are exactly the values
 * the async lowering must keep in the frame while the function is suspended there.
 *
 * @param instruction the await
 * @param liveAcross the live-across set, by value id
 * @param values the same set as values, in id order
 */
public record AwaitPoint(Instruction instruction, ValueSet liveAcross, List<Value> values) {
    public AwaitPoint {
        values = List.copyOf(values);
    }

    /** {@code block1: v2 = await fn0(v1) | live across: v0, v3}. */
    public String describe(Function fn) {
        return instruction.block() + ": " + instruction + " | live across: " + liveAcross.describe(fn);
    }
}
