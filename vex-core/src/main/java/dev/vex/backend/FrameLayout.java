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
 *
 * <p>A frame holds at most {@link #MAX_FRAME_BYTES}; the layout is computed in 64 bits, so a
 * bigger one (a few slots of nearly 2 GiB, say) is refused with a {@link BackendException}
 * naming the function, never wrapped.
 */
public final class FrameLayout {
    public static final int STACK_ALIGNMENT = 16;

    /**
     * The most bytes a frame may hold: 1 GiB. Code addresses the frame from the stack pointer
     * with 32-bit signed displacements (x86-64 and AArch64 alike), and an access may add an
     * offset of its own to a slot's; with the frame under 2^30 neither can wrap. A frame near the
     * limit still needs a stack that large, or the prologue's check traps with {@code stk_ovf}.
     */
    public static final int MAX_FRAME_BYTES = 1 << 30;

    private final String function;
    private final int outgoingArgBytes;
    private final int[] spillSlotOffsets;
    private final int[] stackSlotOffsets;
    private final int[] savedRegs;
    private final int[] savedRegOffsets;
    private final int frameSize;

    private FrameLayout(String function, int outgoingArgBytes, int[] spillSlotOffsets, int[] stackSlotOffsets,
            int[] savedRegs, int[] savedRegOffsets, int frameSize) {
        this.function = function;
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
     * @param function the function's name, for the error if the frame is too big
     * @param spillSlotSizes size in bytes of each spill slot (8 or 16; aligned to its size)
     * @param stackSlots the IR's explicit stack slots
     * @param savedCalleeRegs callee-saved registers to save, with {@code spec} giving their size
     * @param outgoingArgBytes bytes of stack arguments of the largest call
     * @param bytesAboveFrame bytes pushed between the caller's aligned stack pointer and the frame
     * @throws BackendException if the frame would hold more than {@link #MAX_FRAME_BYTES}
     */
    public static FrameLayout compute(String function, int[] spillSlotSizes, List<StackSlot> stackSlots,
            long savedCalleeRegs, MachineSpec spec, int outgoingArgBytes, int bytesAboveFrame) {
        long offset = align(outgoingArgBytes, STACK_ALIGNMENT);
        int[] spill = new int[spillSlotSizes.length];
        for (int s = 0; s < spill.length; s++) {
            offset = align(offset, spillSlotSizes[s]);
            spill[s] = within(function, offset, "spill slot " + s);
            offset += spillSlotSizes[s];
        }
        int[] stack = new int[stackSlots.size()];
        for (int s = 0; s < stack.length; s++) {
            StackSlot slot = stackSlots.get(s);
            offset = align(offset, slot.align());
            stack[s] = within(function, offset, "stack slot " + s);
            offset += slot.size();
            within(function, offset, "stack slot " + s + " (" + slot.size() + " bytes)");
        }
        int[] regs = new int[Long.bitCount(savedCalleeRegs)];
        int[] regOffsets = new int[regs.length];
        int n = 0;
        for (long m = savedCalleeRegs; m != 0; m &= m - 1) {
            int r = Long.numberOfTrailingZeros(m);
            int size = spec.regClass(r) == RegClass.INT ? 8 : spec.spillSlotSize(RegClass.FLOAT);
            offset = align(offset, size);
            regs[n] = r;
            regOffsets[n++] = within(function, offset, "the callee-saved registers");
            offset += size;
        }
        long frameSize = align(offset + bytesAboveFrame, STACK_ALIGNMENT) - bytesAboveFrame;
        return new FrameLayout(function, outgoingArgBytes, spill, stack, regs, regOffsets,
                within(function, frameSize, "the frame"));
    }

    /** {@code offset} as an int, if the frame may reach that far; else the error, naming what reached it. */
    private static int within(String function, long offset, String what) {
        if (offset > MAX_FRAME_BYTES) {
            throw new BackendException(function, "the stack frame would need more than " + MAX_FRAME_BYTES
                    + " bytes (1 GiB, the limit of a frame) at " + what + ": " + offset + " bytes");
        }
        return (int) offset;
    }

    private static long align(long value, int alignment) {
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

    /**
     * The displacement from the stack pointer of byte {@code offset} of stack slot {@code slot}
     * (a {@code stack_load}, {@code stack_store} or {@code stack_addr} offset, which the IR does
     * not bound), computed in 64 bits.
     *
     * @throws BackendException if it does not fit a 32-bit signed displacement
     */
    public int stackSlotDisplacement(int slot, long offset) {
        long d = stackSlotOffsets[slot] + offset;
        if (d != (int) d) {
            throw new BackendException(function, "offset " + offset + " into stack slot " + slot
                    + " is too far from the frame for a 32-bit displacement");
        }
        return (int) d;
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
