package dev.vex.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameLayoutTest {
    /** Registers 0..3 integer, 4..5 float (16-byte spill slots); 2, 3 and 5 callee-saved. */
    private static final MachineSpec SPEC = new MachineSpec() {
        @Override
        public int numRegs() {
            return 6;
        }

        @Override
        public RegClass regClass(int preg) {
            return preg < 4 ? RegClass.INT : RegClass.FLOAT;
        }

        @Override
        public String regName(int preg) {
            return "p" + preg;
        }

        @Override
        public int[] allocationOrder(RegClass cls) {
            return cls == RegClass.INT ? new int[] {0, 1, 2} : new int[] {4};
        }

        @Override
        public long callerSaved() {
            return 0b010011;
        }

        @Override
        public long calleeSaved() {
            return 0b101100;
        }

        @Override
        public int scratch(RegClass cls) {
            return cls == RegClass.INT ? 3 : 5;
        }

        @Override
        public int spillSlotSize(RegClass cls) {
            return cls == RegClass.INT ? 8 : 16;
        }
    };

    @Test
    void regionsAreStackedAlignedAndPadded() {
        FrameLayout f = FrameLayout.compute("f", new int[] {8, 16, 8}, List.of(new StackSlot(3, 1), new StackSlot(8, 8)),
                1L << 2 | 1L << 5, SPEC, 24, 16);
        // outgoing args 24 bytes, rounded to 32
        assertEquals(32, f.spillSlotOffset(0));
        assertEquals(48, f.spillSlotOffset(1), "a 16-byte slot is 16-byte aligned");
        assertEquals(64, f.spillSlotOffset(2));
        assertEquals(72, f.stackSlotOffset(0));
        assertEquals(80, f.stackSlotOffset(1), "8-byte aligned after the 3-byte slot");
        assertEquals(2, f.numSavedRegs());
        assertEquals(2, f.savedReg(0));
        assertEquals(88, f.savedRegOffset(0));
        assertEquals(5, f.savedReg(1));
        assertEquals(96, f.savedRegOffset(1), "a float register takes a 16-byte aligned 16-byte save slot");
        // 112 bytes used; with 16 above, 128 is the next multiple of 16, so the frame is 112.
        assertEquals(112, f.frameSize());
        assertEquals(0, (f.frameSize() + 16) % FrameLayout.STACK_ALIGNMENT);
    }

    @Test
    void emptyFrameStaysAligned() {
        FrameLayout f = FrameLayout.compute("f", new int[0], List.of(), 0, SPEC, 0, 8);
        assertEquals(8, f.frameSize(), "x86-64 without frame pointer: 8 bytes of return address above");
        FrameLayout g = FrameLayout.compute("f", new int[0], List.of(), 0, SPEC, 0, 16);
        assertEquals(0, g.frameSize());
        assertTrue(g.toString().startsWith("frame 0 bytes"));
    }

    @Test
    void slotsThatWouldWrapThirtyTwoBitsAreRefusedNamingTheFunction() {
        List<StackSlot> huge = List.of(new StackSlot(Integer.MAX_VALUE, 1), new StackSlot(Integer.MAX_VALUE, 1),
                new StackSlot(8, 8));
        BackendException e = assertThrows(BackendException.class,
                () -> FrameLayout.compute("big", new int[0], huge, 0, SPEC, 0, 16));
        assertTrue(e.getMessage().contains("big") && e.getMessage().contains("stack slot 0")
                && e.getMessage().contains("1073741824"), e.getMessage());
        // Exactly at the limit is fine; one slot byte more is not.
        FrameLayout full = FrameLayout.compute("f", new int[0], List.of(new StackSlot(FrameLayout.MAX_FRAME_BYTES, 16)),
                0, SPEC, 0, 16);
        assertEquals(FrameLayout.MAX_FRAME_BYTES, full.frameSize());
        assertThrows(BackendException.class, () -> FrameLayout.compute("f", new int[0],
                List.of(new StackSlot(FrameLayout.MAX_FRAME_BYTES, 16), new StackSlot(1, 1)), 0, SPEC, 0, 16));
    }

    @Test
    void anAccessOffsetBeyondThirtyTwoBitsIsRefused() {
        FrameLayout f = FrameLayout.compute("f", new int[0], List.of(new StackSlot(64, 16), new StackSlot(1 << 29, 16)),
                0, SPEC, 0, 16);
        assertEquals(64 + 8, f.stackSlotDisplacement(1, 8));
        BackendException e = assertThrows(BackendException.class,
                () -> f.stackSlotDisplacement(1, Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains("stack slot 1"), e.getMessage());
    }
}
