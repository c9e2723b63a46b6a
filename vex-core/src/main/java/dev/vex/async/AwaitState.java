package dev.vex.async;

import dev.vex.ir.Instruction;
import dev.vex.ir.Opcode;
import dev.vex.ir.Value;
import java.util.List;

/**
 * One await of an async function as its frame sees it: the state number the frame holds while
 * suspended there, and where the values live across it wait meanwhile.
 *
 * @param state          the frame's state word while suspended here: 1, 2, ... in layout order
 *                       (0 means "not started")
 * @param await          the {@code await}, {@code await_boxed} or {@code await_indirect} instruction
 *                       of the original function
 * @param calleeFrame    the embedded callee's frame (in the frame's callee area); null for a boxed await,
 *                       whose frame comes from {@code vex_frame_alloc}
 * @param saved          values stored to the frame when suspending here and loaded on resuming,
 *                       each at its own offset in the frame's save area
 * @param rematerialized values live across the await that are recomputed on resuming instead
 *                       (constants and addresses: {@code iconst}, {@code f32const},
 *                       {@code f64const}, {@code stack_addr}, {@code func_addr})
 * @param boxOffset      for a boxed await (and an indirect one, which is boxed), the offset of the
 *                       saved callee frame pointer; else -1. An indirect await keeps the callee's
 *                       resume function pointer in the 8 bytes after it ({@link #resumeOffset})
 */
public record AwaitState(int state, Instruction await, FrameSize calleeFrame, List<SavedValue> saved,
        List<Value> rematerialized, int boxOffset) {
    public AwaitState {
        saved = List.copyOf(saved);
        rematerialized = List.copyOf(rematerialized);
    }

    /** A value kept in the frame across an await. */
    public record SavedValue(Value value, int offset) {
        @Override
        public String toString() {
            return value + "@" + offset;
        }
    }

    public boolean isBoxed() {
        return boxOffset >= 0;
    }

    /** Whether it awaits a function value ({@code await_indirect}): its frame size and resume function come from the value's descriptor. */
    public boolean isIndirect() {
        return await.opcode() == Opcode.AWAIT_INDIRECT;
    }

    /** For an indirect await, the offset of the saved resume function pointer; else -1. */
    public int resumeOffset() {
        return isIndirect() ? boxOffset + 8 : -1;
    }

    /** The awaited callee's name, without {@code %}; only for an await of a named callee. */
    public String calleeName() {
        if (isIndirect()) {
            throw new IllegalStateException("await_indirect names no callee: " + await);
        }
        return await.funcRef().name();
    }

    /** {@code %name}, or for an indirect await the function value: {@code v3}. */
    public String describeCallee() {
        return isIndirect() ? await.operand(0).toString() : "%" + calleeName();
    }
}
