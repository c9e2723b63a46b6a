package dev.vex.interp;

import dev.vex.ir.TrapCode;
import java.util.ArrayList;
import java.util.List;

/**
 * A task: an explicit stack of interpreter {@link Frame}s (no Java recursion), so it can
 * suspend at any depth and resume later, plus its own stack memory and what waits for it.
 */
final class Task {
    /** Its handle: what {@code spawn} returns and {@code %vex_join} takes; never 0. */
    final long handle;
    /** The function it was started with. */
    final String rootFunction;
    private Frame[] frames = new Frame[8];
    private int depth;
    TaskState state = TaskState.RUNNABLE;
    /** What it is blocked on, for deadlock messages. */
    String blockedOn = "";
    long[] results;
    /** The pinned register of {@code get_pinned_reg}/{@code set_pinned_reg}: one per task, as a register is per thread. */
    long pinnedRegister;
    /** The handle was given up by a join or a detach. */
    boolean handleConsumed;
    /** It was joined by {@code %vex_join_status}, which wants (status, value). */
    boolean joinedWithStatus;
    /** {@code %vex_cancel} asked it to stop: it ends when the scheduler next picks it. */
    boolean cancelRequested;
    /** It ended by cancellation; its join reports status 1. */
    boolean cancelled;
    /** While blocked: withdraws it from what it waits on (a channel, a timer, a join, a socket). */
    Runnable undoWait;
    /** Tasks it spawned, whose handles it may still hold: cancelled with it when it is cancelled. */
    final List<Task> children = new ArrayList<>(0);
    /** The scope it was moved into ({@code %vex_scope_add}), told when it finishes; or null. */
    TaskScope scope;
    /** Tasks blocked in {@code %vex_join} on this one, in the order they joined. */
    final List<Task> joiners = new ArrayList<>(1);
    /** Created on the first frame that needs stack slots. */
    StackSegment stack;
    /** How many 1 MiB address windows its stack gets ({@link Memory#newStack}). */
    private final int stackWindows;

    Task(long handle, String rootFunction, int stackWindows) {
        this.handle = handle;
        this.rootFunction = rootFunction;
        this.stackWindows = stackWindows;
    }

    int depth() {
        return depth;
    }

    Frame top() {
        return frames[depth - 1];
    }

    /**
     * Pushes a frame for {@code fn}, reserving its slot area on this task's stack; traps with
     * stk_ovf past {@code depthLimit} frames or when the stack window is full.
     */
    Frame push(DecodedFunction fn, int depthLimit, Memory memory) {
        if (depth >= depthLimit) {
            throw new Trap(TrapCode.STACK_OVERFLOW);
        }
        long slotBase = 0;
        int savedTop = 0;
        if (fn.frameSize > 0) {
            if (stack == null) {
                stack = memory.newStack(stackWindows);
                if (stack == null) {
                    throw new InterpreterFailure("too many live tasks with stack slots for the simulated address space");
                }
            }
            savedTop = stack.top;
            slotBase = stack.push(fn.frameSize, fn.frameAlign);
            if (slotBase < 0) {
                throw new Trap(TrapCode.STACK_OVERFLOW);
            }
        }
        Frame f = new Frame(fn, slotBase, savedTop);
        if (depth == frames.length) {
            frames = java.util.Arrays.copyOf(frames, depth * 2);
        }
        frames[depth++] = f;
        return f;
    }

    /** Pops the top frame and releases its slot area; returns the new top, or null if none is left. */
    Frame pop() {
        Frame f = frames[--depth];
        frames[depth] = null;
        if (f.slotBase != 0) {
            stack.popTo(f.savedStackTop);
        }
        return depth == 0 ? null : frames[depth - 1];
    }

    /** Resumes a blocked task: the awaited builtin produced {@code values}. */
    void deliver(long[] values) {
        top().completeCall(values);
    }
}
