package dev.vex.aarch64.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.aarch64.asm.Reg;
import dev.vex.backend.RegClass;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The AAPCS64 register facts as the allocator receives them. */
class A64MachineSpecTest {
    private final A64MachineSpec spec = A64MachineSpec.INSTANCE;

    private static boolean in(long mask, int reg) {
        return (mask & 1L << reg) != 0;
    }

    @Test
    void numberingFollowsTheHardware() {
        assertEquals(64, spec.numRegs());
        for (int n = 0; n < 31; n++) {
            assertEquals(Reg.x(n).toString(), spec.regName(n));
            assertEquals(RegClass.INT, spec.regClass(n));
            assertEquals(RegClass.FLOAT, spec.regClass(A64MachineSpec.V0 + n));
            assertEquals("v" + n, spec.regName(A64MachineSpec.V0 + n));
        }
        assertEquals("sp", spec.regName(A64MachineSpec.SP));
    }

    @Test
    void reservedRegistersAreNeverAllocated() {
        Set<Integer> ints = new HashSet<>();
        for (int r : spec.allocationOrder(RegClass.INT)) {
            assertTrue(ints.add(r), "x" + r + " twice");
            assertEquals(RegClass.INT, spec.regClass(r));
        }
        for (int reserved : new int[] {16, 17, 18, 29, 30, 31}) {
            assertFalse(ints.contains(reserved), spec.regName(reserved) + " is reserved");
        }
        assertEquals(31 - 6 + 1, ints.size(), "x0-x15 and x19-x28");
        Set<Integer> floats = new HashSet<>();
        for (int r : spec.allocationOrder(RegClass.FLOAT)) {
            assertTrue(floats.add(r));
            assertEquals(RegClass.FLOAT, spec.regClass(r));
        }
        assertEquals(31, floats.size());
        assertFalse(floats.contains(spec.scratch(RegClass.FLOAT)));
        assertFalse(ints.contains(spec.scratch(RegClass.INT)));
        assertEquals(16, spec.scratch(RegClass.INT), "IP0");
    }

    @Test
    void callerSavedComeFirstAndTheSetsAreDisjoint() {
        assertEquals(0, spec.callerSaved() & spec.calleeSaved());
        for (RegClass cls : RegClass.values()) {
            boolean seenCalleeSaved = false;
            for (int r : spec.allocationOrder(cls)) {
                boolean caller = in(spec.callerSaved(), r);
                assertTrue(caller != in(spec.calleeSaved(), r), spec.regName(r) + " is neither or both");
                if (!caller) {
                    seenCalleeSaved = true;
                } else {
                    assertFalse(seenCalleeSaved, spec.regName(r) + " is caller-saved after a callee-saved one");
                }
            }
        }
    }

    @Test
    void aapcs64Classification() {
        for (int r = 19; r <= 28; r++) {
            assertTrue(in(spec.calleeSaved(), r), "x" + r);
        }
        for (int r = 0; r <= 18; r++) {
            assertTrue(in(spec.callerSaved(), r), "x" + r);
        }
        assertTrue(in(spec.callerSaved(), A64MachineSpec.LR), "a call writes the link register");
        for (int v = 8; v <= 15; v++) {
            assertTrue(in(spec.calleeSaved(), A64MachineSpec.V0 + v), "v" + v + " (low 64 bits)");
        }
        for (int v : new int[] {0, 7, 16, 31}) {
            assertTrue(in(spec.callerSaved(), A64MachineSpec.V0 + v), "v" + v);
        }
        assertFalse(in(spec.callerSaved() | spec.calleeSaved(), A64MachineSpec.FP), "the prologue saves the frame pointer");
        assertEquals(8, spec.spillSlotSize(RegClass.FLOAT));
        assertEquals(16, spec.bytesAboveFrame(), "FP and LR");
    }
}
