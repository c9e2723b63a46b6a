package dev.vex.backend.regalloc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.backend.MachFunction;
import org.junit.jupiter.api.Test;

/** The checker must reject broken allocations, or the random tests would prove nothing. */
class RegisterAllocationCheckerTest {
    private static final String CALL = """
            block0:
              op def:v0
              op def:v1
              call use:v0@r0 use:v1@r1 def:v2@r0 clobber:r0,r1,r4,f0,f2
              op def:v3 use:v0 use:v2
              ret use:v3@r0
            """;

    @Test
    void readingAClobberedRegisterIsCaught() {
        Allocation good = Allocated.of(CALL);
        Allocation bad = good.withOperandLocation(3, 1, TestTarget.R1);
        assertTrue(good.operandLocation(3, 1) != TestTarget.R1);
        RegisterAllocationCheckException e = assertThrows(RegisterAllocationCheckException.class,
                () -> RegisterAllocationChecker.check(bad));
        assertTrue(e.getMessage().contains("inst 3"), e.getMessage());
    }

    @Test
    void aMissingMoveIsCaught() {
        Allocation good = Allocated.of(CALL);
        assertTrue(good.numEdits() > 0);
        for (int e = 0; e < good.numEdits(); e++) {
            Allocation bad = good.withoutEdit(e);
            assertThrows(RegisterAllocationCheckException.class, () -> RegisterAllocationChecker.check(bad),
                    "dropping edit " + e + " of\n" + good);
        }
    }

    @Test
    void aBrokenFixedConstraintIsCaught() {
        Allocation good = Allocated.of(CALL);
        Allocation bad = good.withOperandLocation(2, 0, TestTarget.R2);
        assertThrows(RegisterAllocationCheckException.class, () -> RegisterAllocationChecker.check(bad));
    }

    @Test
    void twoDefsInOneRegisterAreCaught() {
        MachFunction f = MachDsl.parse("""
                block0:
                  op def:v0
                  op def:v1 def:v2 use:v0
                  op def:v3 use:v1 use:v2
                  ret use:v3@r0
                """);
        Allocation good = LinearScan.allocate(f, TestTarget.INSTANCE);
        RegisterAllocationChecker.check(good);
        Allocation bad = good.withOperandLocation(1, 1, good.operandLocation(1, 0));
        assertThrows(RegisterAllocationCheckException.class, () -> RegisterAllocationChecker.check(bad));
    }

    @Test
    void aWrongValueAtALoopHeaderIsCaught() {
        Allocation good = Allocated.of("""
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
        // Dropping any of the moves of the swap on the back edge must be caught.
        int jump = good.function().blockEndInst(2) - 1;
        for (int e = good.editStart(jump); e < good.editEnd(jump); e++) {
            Allocation bad = good.withoutEdit(e);
            assertThrows(RegisterAllocationCheckException.class, () -> RegisterAllocationChecker.check(bad));
        }
    }

    @Test
    void anUnreportedCalleeSavedRegisterIsCaught() {
        Allocation good = Allocated.of(CALL);
        assertTrue(good.usedCalleeSaved() != 0, "v0 lives in a callee-saved register across the call");
        Allocation bad = good.withUsedCalleeSaved(0);
        RegisterAllocationCheckException e = assertThrows(RegisterAllocationCheckException.class,
                () -> RegisterAllocationChecker.check(bad));
        assertTrue(e.getMessage().contains("not reported"), e.getMessage());
    }
}
