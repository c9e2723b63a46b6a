package dev.vex.backend.regalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.backend.BackendException;
import dev.vex.backend.MachFunction;
import org.junit.jupiter.api.Test;

/** Allocation of hand-written functions: constraints, calls, spilling, splitting, block parameters. */
class LinearScanTest {
    private static final TestTarget T = TestTarget.INSTANCE;

    @Test
    void lowPressureNeedsNoSpillsAndNoCalleeSaved() {
        Allocation a = Allocated.of("""
                block0:
                  op def:v0
                  op def:v1 use:v0
                  op def:v2 use:v0 use:v1
                  ret use:v2@r0
                """);
        assertEquals(0, a.numSpillSlots());
        assertEquals(0L, a.usedCalleeSaved());
        for (int k = 0; k < 3; k++) {
            assertTrue(Location.isReg(a.operandLocation(2, k)));
        }
        // v2 is hinted to r0 by the return, so no move is needed before the ret.
        assertEquals(0, a.editEnd(3) - a.editStart(3));
    }

    @Test
    void sixLiveValuesInFourRegistersSpill() {
        Allocation a = Allocated.of("""
                block0:
                  op def:v0
                  op def:v1
                  op def:v2
                  op def:v3
                  op def:v4
                  op def:v5
                  op def:v6 use:v0 use:v1
                  op def:v7 use:v2 use:v3
                  op def:v8 use:v4 use:v5
                  op def:v9 use:v6 use:v7
                  op def:v10 use:v8 use:v9
                  ret use:v10@r0
                """);
        assertTrue(a.numSpillSlots() >= 2, "six values live at once need at least two slots");
    }

    @Test
    void valueLiveAcrossACallAvoidsClobberedRegisters() {
        Allocation a = Allocated.of("""
                block0:
                  op def:v0
                  op def:v1
                  call use:v1@r0 def:v2@r0 clobber:r0,r1,r4,f0,f2
                  op def:v3 use:v0 use:v2
                  ret use:v3@r0
                """);
        int loc = a.operandLocation(3, 1);
        assertTrue(loc == TestTarget.R2 || loc == TestTarget.R3, "v0 should live in a callee-saved register");
        assertEquals(1L << loc, a.usedCalleeSaved());
        assertEquals(0, (a.frameLayout().frameSize() + T.bytesAboveFrame()) % 16, "16-byte alignment");
        assertEquals(16, a.frameLayout().frameSize(), "8 bytes of save area, padded");
        assertEquals(1, a.frameLayout().numSavedRegs());
        assertEquals(loc, a.frameLayout().savedReg(0));
        assertEquals(0, a.frameLayout().savedRegOffset(0));
    }

    @Test
    void callsInALoopKeepValuesInCalleeSavedRegisters() {
        Allocation a = Allocated.of("""
                block0:
                  op def:v0
                  op def:v1
                  jump block1(v1)
                block1(v2):
                  call use:v2@r0 def:v3@r0 clobber:r0,r1,r4,f0,f2
                  op def:v4 use:v3 use:v0
                  br use:v4 block2 block3
                block2:
                  jump block1(v4)
                block3:
                  ret use:v0@r0
                """);
        assertEquals(0, a.numSpillSlots(), "two callee-saved registers suffice");
        assertEquals(1, Long.bitCount(a.usedCalleeSaved()));
    }

    @Test
    void awaitKeepsOnlyValuesLiveAcrossItInTheFrame() {
        // await clobbers every register; v0 is live across it, v1 is not.
        Allocation a = Allocated.of("""
                block0:
                  op def:v0
                  op def:v1
                  op def:v2 use:v1
                  await def:v3@r0 clobber:r1,r2,r3,r4,f0,f1,f2
                  op def:v4 use:v3 use:v0
                  ret use:v4@r0
                """);
        MachFunction f = a.function();
        assertEquals(1, a.numSpillSlots(), "only v0 needs a slot");
        assertTrue(Location.isReg(a.operandLocation(2, 1)), "v1 stays in a register");
        int stores = 0;
        int reloads = 0;
        for (int i = 0; i < f.numInsts(); i++) {
            for (int e = a.editStart(i); e < a.editEnd(i); e++) {
                stores += Location.isSlot(a.editTo(e)) ? 1 : 0;
                reloads += Location.isSlot(a.editFrom(e)) ? 1 : 0;
            }
        }
        assertEquals(1, stores, "v0 is stored once:\n" + a);
        assertEquals(1, reloads, "and reloaded once:\n" + a);
        assertEquals(1L << TestTarget.R2 | 1L << TestTarget.R3 | 1L << TestTarget.F1, a.usedCalleeSaved(),
                "an await that clobbers callee-saved registers makes the prologue save them");
    }

    @Test
    void divisionConstraintsAreHonoured() {
        Allocation a = Allocated.of("""
                block0:
                  op def:v0
                  op def:v1
                  op def:v2
                  div use:v0@r0 use:v1 def:v3@r0 clobber:r1
                  op def:v4 use:v3 use:v2
                  op def:v5 use:v4 use:v1
                  ret use:v5@r0
                """);
        assertEquals(TestTarget.R0, a.operandLocation(3, 0));
        assertEquals(TestTarget.R0, a.operandLocation(3, 2));
        int divisor = a.operandLocation(3, 1);
        assertNotEquals(TestTarget.R0, divisor);
        assertNotEquals(TestTarget.R1, divisor, "the divisor lives on after the clobber of r1");
    }

    @Test
    void shiftReusesItsInputAndTakesTheCountInR1() {
        Allocation a = Allocated.of("""
                block0:
                  op def:v0
                  op def:v1
                  shl reuse1:v2 use:v0 use:v1@r1
                  op def:v3 use:v0 use:v2
                  ret use:v3@r0
                """);
        assertEquals(a.operandLocation(2, 0), a.operandLocation(2, 1), "def and reused input share a register");
        assertEquals(TestTarget.R1, a.operandLocation(2, 2));
        assertNotEquals(a.operandLocation(3, 1), a.operandLocation(3, 2), "v0 survived the two-address form");
    }

    @Test
    void twoAddressFormWhoseInputDiesNeedsNoCopy() {
        Allocation a = Allocated.of("""
                block0:
                  op def:v0
                  op def:v1
                  add reuse1:v2 use:v0 use:v1
                  ret use:v2@r0
                """);
        assertEquals(0, a.editEnd(2) - a.editStart(2), "the def takes the dying input's register:\n" + a);
        assertEquals(a.operandLocation(2, 0), a.operandLocation(2, 1));
    }

    @Test
    void blockParameterTakesItsArgumentsRegister() {
        Allocation a = Allocated.of("""
                block0:
                  op def:v0
                  op def:v1 use:v0
                  jump block1(v1)
                block1(v2):
                  op def:v3 use:v2
                  ret use:v3@r0
                """);
        assertEquals(0, a.numEdits(), "no moves at all:\n" + a);
        assertEquals(a.operandLocation(1, 0), a.blockParamLocation(1, 0));
    }

    @Test
    void earlyDefsAndLateUsesGetTheirOwnRegisters() {
        Allocation a = Allocated.of("""
                block0:
                  op def:v0
                  op def:v1
                  op early:v2 use:v0
                  op def:v3 late:v1
                  op def:v4 use:v2 use:v3
                  ret use:v4@r0
                """);
        assertNotEquals(a.operandLocation(2, 0), a.operandLocation(2, 1));
        assertNotEquals(a.operandLocation(3, 0), a.operandLocation(3, 1));
    }

    @Test
    void swappedBlockParametersNeedACycleBreak() {
        Allocation a = Allocated.of("""
                block0:
                  op def:v0
                  op def:v1
                  jump block1(v0, v1)
                block1(v2, v3):
                  op def:v4 use:v2 use:v3
                  br use:v4 block2 block3
                block2:
                  jump block1(v3, v2)
                block3:
                  ret use:v2@r0
                """);
        MachFunction f = a.function();
        int jump = f.blockEndInst(2) - 1;
        int moves = a.editEnd(jump) - a.editStart(jump);
        assertEquals(3, moves, "a swap of two registers is three moves through the scratch register");
    }

    @Test
    void lateFixedUseAndEarlyFixedDef() {
        Allocation a = Allocated.of("""
                block0:
                  op def:v0
                  op def:v1
                  op early:v2@r1 late:v0@r0 use:v1
                  op def:v3 use:v0 use:v1 use:v2
                  ret use:v3@r0
                """);
        assertEquals(TestTarget.R1, a.operandLocation(2, 0));
        assertEquals(TestTarget.R0, a.operandLocation(2, 1));
        int v1 = a.operandLocation(2, 2);
        assertTrue(v1 != TestTarget.R0 && v1 != TestTarget.R1, "an early def's register is not shared with uses");
    }

    @Test
    void unreachableBlocksAreAllocatedToo() {
        Allocation a = Allocated.of("""
                block0:
                  op def:v0
                  jump block2(v0)
                block1:
                  op def:v1
                  op def:v2 use:v1
                  jump block2(v2)
                block2(v3):
                  ret use:v3@r0
                """);
        assertTrue(Location.isReg(a.operandLocation(2, 1)));
    }

    @Test
    void tooManyFloatsAtOneInstructionIsReported() {
        MachFunction f = MachDsl.parse("""
                block0:
                  op def:f0
                  op def:f1
                  op def:f2 use:f0 use:f1
                  op def:f3 use:f0 use:f1 use:f2
                  ret use:f3@f0
                """);
        BackendException e = assertThrows(BackendException.class, () -> LinearScan.allocate(f, T));
        assertTrue(e.getMessage().contains("FLOAT"), e.getMessage());
    }

    @Test
    void valueDefinedBeforeALoopAndSpilledInItIsStoredOnceBeforeTheLoop() {
        // v0 is live through a loop whose body needs all four registers at once for other values.
        Allocation a = Allocated.of("""
                block0:
                  op def:v0
                  op def:v9
                  jump block1(v9)
                block1(v1):
                  op def:v2 use:v1
                  op def:v3 use:v1
                  op def:v4 use:v2
                  op def:v5 use:v3 use:v4
                  op def:v6 use:v2 use:v3
                  op def:v7 use:v4 use:v5
                  op def:v10 use:v6 use:v7
                  br use:v10 block2 block3
                block2:
                  jump block1(v10)
                block3:
                  op def:v8 use:v0 use:v7
                  ret use:v8@r0
                """);
        MachFunction f = a.function();
        int slotStoresInLoop = 0;
        for (int b = 1; b <= 2; b++) {
            for (int i = f.blockFirstInst(b); i < f.blockEndInst(b); i++) {
                for (int e = a.editStart(i); e < a.editEnd(i); e++) {
                    if (Location.isSlot(a.editTo(e))) {
                        slotStoresInLoop++;
                    }
                }
            }
        }
        assertTrue(a.numSpillSlots() > 0);
        assertEquals(0, slotStoresInLoop, "no stores inside the loop:\n" + a);
    }

    @Test
    void printersShowOperandsLocationsAndMoves() {
        Allocation a = Allocated.of("""
                block0:
                  op def:v0
                  call use:v0@r0 def:v1@r0 clobber:r0,r1,r4,f0,f2
                  op def:v2 use:v0 use:v1
                  ret use:v2@r0
                """);
        String before = dev.vex.backend.MachFunctionPrinter.print(a.function(), T);
        assertTrue(before.contains("1: call use v0@r0, def v1@r0 ; clobbers r0 r1 r4 f0 f2"), before);
        String after = a.toString();
        assertTrue(after.contains("1: call use v0@r0 [r0], def v1@r0 [r0]"), after);
        assertTrue(after.contains("move "), after);
        assertTrue(after.contains("callee-saved used: r"), after);
    }
}
