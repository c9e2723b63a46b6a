package dev.vex.async;

import dev.vex.ir.FutureFrame;
import dev.vex.ir.StackSlot;
import dev.vex.ir.Type;
import java.util.List;
import java.util.Map;

/**
 * The frame of one lowered async function: its size and alignment (published with the function,
 * so the runtime can allocate a task and its frame in one block, and awaiting callers can embed
 * it) and where everything lives in it. The diagram is in the package comment.
 *
 * <p>The first part is the ABI every awaitable shares, C leaf futures included
 * ({@link #paramOffset}, {@link #resultOffset}); the rest is private to the function.
 */
public final class AsyncFrameLayout {
    /** Offset of the state word. */
    public static final int STATE_OFFSET = 0;

    private final String function;
    private final List<Type> params;
    private final List<Type> results;
    private final int saveOffset;
    private final int saveSize;
    private final Map<StackSlot, Integer> slotOffsets;
    private final int calleeOffset;
    private final FrameSize calleeArea;
    private final List<AwaitState> awaits;
    private final FrameSize frame;

    AsyncFrameLayout(String function, List<Type> params, List<Type> results, int saveOffset, int saveSize,
            Map<StackSlot, Integer> slotOffsets, int calleeOffset, FrameSize calleeArea, List<AwaitState> awaits,
            FrameSize frame) {
        this.function = function;
        this.params = List.copyOf(params);
        this.results = List.copyOf(results);
        this.saveOffset = saveOffset;
        this.saveSize = saveSize;
        this.slotOffsets = Map.copyOf(slotOffsets);
        this.calleeOffset = calleeOffset;
        this.calleeArea = calleeArea;
        this.awaits = List.copyOf(awaits);
        this.frame = frame;
    }

    /** Offset of parameter {@code i} in any awaitable's frame: a 64-bit slot, the value in its low bits. */
    public static int paramOffset(int i) {
        return 8 + 8 * i;
    }

    /**
     * Offset of result {@code i} (from 1; result 0 is returned in the poll's value word) in the
     * frame of any awaitable with {@code paramCount} parameters: a 64-bit slot holding the value
     * zero-extended, as the value word does.
     */
    public static int resultOffset(int paramCount, int i) {
        if (i < 1) {
            throw new IllegalArgumentException("result 0 has no slot: it is the poll's value word");
        }
        return 8 + 8 * paramCount + 8 * (i - 1);
    }

    /** The bytes of the shared part: state, parameters, results 1.. */
    public static int headerSize(int paramCount, int resultCount) {
        return FutureFrame.headerSize(paramCount, resultCount);
    }

    /** The async function's name, without {@code %}. */
    public String function() {
        return function;
    }

    /** Size and alignment: what {@code vex_future_desc} publishes. */
    public FrameSize frame() {
        return frame;
    }

    public int size() {
        return frame.size();
    }

    public int align() {
        return frame.align();
    }

    public List<Type> paramTypes() {
        return params;
    }

    public List<Type> resultTypes() {
        return results;
    }

    /** Offset of this function's parameter {@code i}. */
    public int paramSlot(int i) {
        if (i < 0 || i >= params.size()) {
            throw new IndexOutOfBoundsException("%" + function + " has " + params.size() + " parameters");
        }
        return paramOffset(i);
    }

    /** Offset of this function's result {@code i}, from 1. */
    public int resultSlot(int i) {
        if (i < 1 || i >= results.size()) {
            throw new IndexOutOfBoundsException("%" + function + " has no result slot " + i);
        }
        return resultOffset(params.size(), i);
    }

    /** Start of the save area shared by all awaits (each uses it while suspended there). */
    public int saveOffset() {
        return saveOffset;
    }

    /** Bytes of the save area: the most any one await saves. */
    public int saveSize() {
        return saveSize;
    }

    /** Offset of the function's stack slot {@code slot}: every stack slot lives in the frame. */
    public int stackSlotOffset(StackSlot slot) {
        Integer off = slotOffsets.get(slot);
        if (off == null) {
            throw new IllegalArgumentException(slot + " is not a slot of %" + function);
        }
        return off;
    }

    /** Start of the area embedded callee frames share (one await is in progress at a time). */
    public int calleeOffset() {
        return calleeOffset;
    }

    /** Size and alignment of the callee area: the largest embedded callee frame, the strictest alignment; null if none. */
    public FrameSize calleeArea() {
        return calleeArea;
    }

    /** The function's awaits (reachable ones), by state number 1, 2, ... */
    public List<AwaitState> awaits() {
        return awaits;
    }

    /** The layout as a table of offsets, one part a line. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("frame of %").append(function).append(": size ").append(size()).append(", align ")
                .append(align()).append('\n');
        sb.append(String.format("  %4d  state%n", STATE_OFFSET));
        for (int i = 0; i < params.size(); i++) {
            sb.append(String.format("  %4d  param %d: %s%n", paramOffset(i), i, params.get(i)));
        }
        for (int i = 1; i < results.size(); i++) {
            sb.append(String.format("  %4d  result %d: %s%n", resultOffset(params.size(), i), i, results.get(i)));
        }
        if (saveSize > 0) {
            sb.append(String.format("  %4d  save area, %d bytes%n", saveOffset, saveSize));
        }
        slotOffsets.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e ->
                sb.append(String.format("  %4d  %s, %d bytes%n", e.getValue(), e.getKey(), e.getKey().size())));
        if (calleeArea != null) {
            sb.append(String.format("  %4d  callee frames, %d bytes, align %d%n", calleeOffset, calleeArea.size(),
                    calleeArea.align()));
        }
        for (AwaitState a : awaits) {
            sb.append("  state ").append(a.state()).append(": ").append(a.await().block()).append(": ")
                    .append(a.await()).append(" (").append(a.describeCallee()).append(')');
            if (a.isBoxed()) {
                sb.append(" | box@").append(a.boxOffset());
            }
            sb.append(" | saved ").append(a.saved()).append(" | recomputed ").append(a.rematerialized()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "%" + function + " frame(" + size() + ", align " + align() + ")";
    }
}
