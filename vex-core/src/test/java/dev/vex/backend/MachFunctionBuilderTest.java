package dev.vex.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The builder refuses functions that break the invariants the allocator relies on. */
class MachFunctionBuilderTest {
    private static final MachInst OP = () -> "op";
    private static final MachineSpec SPEC = new MachineSpec() {
        @Override
        public int numRegs() {
            return 4;
        }

        @Override
        public RegClass regClass(int preg) {
            return preg < 3 ? RegClass.INT : RegClass.FLOAT;
        }

        @Override
        public String regName(int preg) {
            return "p" + preg;
        }

        @Override
        public int[] allocationOrder(RegClass cls) {
            return cls == RegClass.INT ? new int[] {0, 1} : new int[] {};
        }

        @Override
        public long callerSaved() {
            return 0b1111;
        }

        @Override
        public long calleeSaved() {
            return 0;
        }

        @Override
        public int scratch(RegClass cls) {
            return cls == RegClass.INT ? 2 : 3;
        }

        @Override
        public int spillSlotSize(RegClass cls) {
            return 8;
        }
    };

    private static String error(Runnable r) {
        return assertThrows(BackendException.class, r::run).getMessage();
    }

    @Test
    void buildsAndNumbersEverything() {
        MachFunctionBuilder b = new MachFunctionBuilder("f", SPEC);
        int v0 = b.newVReg(RegClass.INT);
        int v1 = b.newVReg(RegClass.INT);
        int b0 = b.newBlock();
        int b1 = b.newBlock();
        b.beginBlock(b0);
        b.inst(OP, 0, Operand.def(v0));
        b.terminator(OP, new int[0], new int[] {b1}, new int[][] {{v0}});
        b.beginBlock(b1, v1);
        b.ret(OP, Operand.useFixed(v1, 0));
        MachFunction f = b.build();
        assertEquals(2, f.numBlocks());
        assertEquals(3, f.numInsts());
        assertEquals(1, f.numPreds(b1));
        assertEquals(v0, f.succArg(b0, 0, 0));
        assertEquals(v1, Operand.vreg(f.operand(2, 0)));
        assertEquals(0, Operand.fixedReg(f.operand(2, 0)));
        assertTrue(MachFunctionPrinter.print(f, SPEC).contains("block1(v1):"));
    }

    @Test
    void rejectsTwoDefinitions() {
        MachFunctionBuilder b = new MachFunctionBuilder("f", SPEC);
        int v0 = b.newVReg(RegClass.INT);
        b.beginBlock(b.newBlock());
        b.inst(OP, 0, Operand.def(v0));
        b.inst(OP, 0, Operand.def(v0));
        b.ret(OP);
        assertTrue(error(b::build).contains("not SSA"));
    }

    @Test
    void rejectsCriticalEdges() {
        MachFunctionBuilder b = new MachFunctionBuilder("f", SPEC);
        int c = b.newVReg(RegClass.INT);
        int b0 = b.newBlock();
        int b1 = b.newBlock();
        int b2 = b.newBlock();
        b.beginBlock(b0);
        b.inst(OP, 0, Operand.def(c));
        b.terminator(OP, new int[] {Operand.use(c)}, new int[] {b1, b2}, new int[][] {{}, {}});
        b.beginBlock(b1);
        b.terminator(OP, new int[0], new int[] {b2}, new int[][] {{}});
        b.beginBlock(b2);
        b.ret(OP);
        assertTrue(error(b::build).contains("critical edge block0 -> block2"));
    }

    @Test
    void rejectsFixedRegisterOfTheWrongClass() {
        MachFunctionBuilder b = new MachFunctionBuilder("f", SPEC);
        int v0 = b.newVReg(RegClass.INT);
        b.beginBlock(b.newBlock());
        b.inst(OP, 0, Operand.defFixed(v0, 3));
        b.ret(OP);
        assertTrue(error(b::build).contains("another class"));
    }

    @Test
    void rejectsBlocksOutOfOrderAndMissingTerminators() {
        MachFunctionBuilder b = new MachFunctionBuilder("f", SPEC);
        b.newBlock();
        int b1 = b.newBlock();
        assertTrue(error(() -> b.beginBlock(b1)).contains("in order"));
        MachFunctionBuilder c = new MachFunctionBuilder("g", SPEC);
        int v = c.newVReg(RegClass.INT);
        c.beginBlock(c.newBlock());
        c.inst(OP, 0, Operand.def(v));
        assertTrue(error(c::build).contains("terminated"));
    }

    @Test
    void rejectsParametersOnTheEntryBlock() {
        MachFunctionBuilder b = new MachFunctionBuilder("f", SPEC);
        int v0 = b.newVReg(RegClass.INT);
        b.beginBlock(b.newBlock(), v0);
        b.ret(OP);
        assertTrue(error(b::build).contains("entry block"));
    }
}
