package dev.vex.backend;

import java.util.Arrays;
import java.util.List;

/**
 * Where everything in a function's stack frame lives, as byte offsets from the stack pointer
 * after the prologue has allocated the frame. From the stack pointer upwards:
 *
 * <pre>
 *   [0, outgoingArgs)            arguments of calls that go on the stack
 *   spill slots                  one per spilled vreg (reused once its interval has ended)
 *   stack slots                  the IR's explicit slots, each at its alignment
 *   callee-saved save area       8 bytes per saved integer register, spillSlotSize per float one
 *   ── frameSize ──              above: what the call and the prologue pushed before (return
 *                                address, saved frame pointer): {@code bytesAboveFrame}
 * </pre>
 *
 * {@code frameSize + bytesAboveFrame} is a multiple of the 16-byte stack alignment of both targets.
 */
public final class FrameLayout {
    public static final int STACK_ALIGNMENT = 16;

    private final int outgoingArgBytes;
    private final int[] spillSlotOffsets;
    private final int[] stackSlotOffsets;
    private final int[] savedRegs;
    private final int[] savedRegOffsets;
    private final int frameSize;

    private FrameLayout(int outgoingArgBytes, int[] spillSlotOffsets, int[] stackSlotOffsets, int[] savedRegs,
            int[] savedRegOffsets, int frameSize) {
        this.outgoingArgBytes = outgoingArgBytes;
        this.spillSlotOffsets = spillSlotOffsets;
        this.stackSlotOffsets = stackSlotOffsets;
        this.savedRegs = savedRegs;
        this.savedRegOffsets = savedRegOffsets;
        this.frameSize = frameSize;
    }

    /**
     * Lays out a frame.
     *
     * @param spillSlotSizes size in bytes of each spill slot (8 or 16; aligned to its size)
     * @param stackSlots the IR's explicit stack slots
     * @param savedCalleeRegs callee-saved registers to save, with {@code spec} giving their size
     * @param outgoingArgBytes bytes of stack arguments of the largest call
     * @param bytesAboveFrame bytes pushed between the caller's aligned stack pointer and the frame
     */
    public static FrameLayout compute(int[] spillSlotSizes, List<StackSlot> stackSlots, long savedCalleeRegs,
            MachineSpec spec, int outgoingArgBytes, int bytesAboveFrame) {
        int offset = align(outgoingArgBytes, STACK_ALIGNMENT);
        int[] spill = new int[spillSlotSizes.length];
        for (int s = 0; s < spill.length; s++) {
            offset = align(offset, spillSlotSizes[s]);
            spill[s] = offset;
            offset += spillSlotSizes[s];
        }
        int[] stack = new int[stackSlots.size()];
        for (int s = 0; s < stack.length; s++) {
            StackSlot slot = stackSlots.get(s);
            offset = align(offset, slot.align());
            stack[s] = offset;
            offset += slot.size();
        }
        int[] regs = new int[Long.bitCount(savedCalleeRegs)];
        int[] regOffsets = new int[regs.length];
        int n = 0;
        for (long m = savedCalleeRegs; m != 0; m &= m - 1) {
            int r = Long.numberOfTrailingZeros(m);
            int size = spec.regClass(r) == RegClass.INT ? 8 : spec.spillSlotSize(RegClass.FLOAT);
            offset = align(offset, size);
            regs[n] = r;
            regOffsets[n++] = offset;
            offset += size;
        }
        int frameSize = align(offset + bytesAboveFrame, STACK_ALIGNMENT) - bytesAboveFrame;
        return new FrameLayout(outgoingArgBytes, spill, stack, regs, regOffsets, frameSize);
    }

    private static int align(int value, int alignment) {
        return (value + alignment - 1) & -alignment;
    }

    /** Bytes the prologue subtracts from the stack pointer. */
    public int frameSize() {
        return frameSize;
    }

    public int outgoingArgBytes() {
        return outgoingArgBytes;
    }

    public int numSpillSlots() {
        return spillSlotOffsets.length;
    }

    public int spillSlotOffset(int slot) {
        return spillSlotOffsets[slot];
    }

    public int stackSlotOffset(int slot) {
        return stackSlotOffsets[slot];
    }

    public int numSavedRegs() {
        return savedRegs.length;
    }

    public int savedReg(int index) {
        return savedRegs[index];
    }

    public int savedRegOffset(int index) {
        return savedRegOffsets[index];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("frame ").append(frameSize).append(" bytes");
        sb.append("; outgoing args 0..").append(outgoingArgBytes);
        sb.append("; spill slots at ").append(Arrays.toString(spillSlotOffsets));
        sb.append("; stack slots at ").append(Arrays.toString(stackSlotOffsets));
        sb.append("; saved");
        for (int k = 0; k < savedRegs.length; k++) {
            sb.append(" p").append(savedRegs[k]).append('@').append(savedRegOffsets[k]);
        }
        return sb.toString();
    }
}
