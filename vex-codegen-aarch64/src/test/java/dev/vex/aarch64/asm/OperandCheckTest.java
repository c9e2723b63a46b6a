package dev.vex.aarch64.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.code.CodeBuffer;
import java.util.EnumSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Misuse gets an A64EncodingException naming the instruction and the problem, and emits nothing. */
class OperandCheckTest {
    private static void rejects(String expectedPart, Consumer<A64Assembler> emit) {
        CodeBuffer buf = new CodeBuffer();
        A64Assembler a = new A64Assembler(buf, EnumSet.of(Feature.BASE));
        a.nop();
        A64EncodingException e = assertThrows(A64EncodingException.class, () -> emit.accept(a));
        assertTrue(e.getMessage().contains(expectedPart), () -> "message '" + e.getMessage() + "' lacks '" + expectedPart + "'");
        assertEquals(4, buf.position(), "something was emitted");
    }

    @Test
    void immediatesOutOfRangeOrUnencodable() {
        rejects("add: immediate 4097", a -> a.add(Reg.X0, Reg.X1, 4097));
        rejects("add: immediate -1", a -> a.add(Reg.X0, Reg.X1, -1));
        rejects("not encodable as a logical immediate for a 64-bit", a -> a.and(Reg.X0, Reg.X1, 5));
        rejects("not encodable as a logical immediate for a 32-bit", a -> a.orr(Reg.W0, Reg.W1, 0));
        rejects("does not fit 32 bits", a -> a.eor(Reg.W0, Reg.W1, 0x1_0000_0000L));
        rejects("movz: shift 32", a -> a.movz(Reg.W0, 1, 32));
        rejects("movk: immediate 65536", a -> a.movk(Reg.X0, 0x10000, 0));
        rejects("lsl: shift 64", a -> a.lsl(Reg.X0, Reg.X1, 64));
        rejects("ubfx: width 60", a -> a.ubfx(Reg.X0, Reg.X1, 8, 60));
        rejects("fmov: 0.0 is not encodable", a -> a.fmov(VReg.D0, 0.0));
        rejects("fmov: 0.1 is not encodable", a -> a.fmov(VReg.S0, 0.1));
        rejects("brk: immediate 65536", a -> a.brk(0x10000));
        rejects("tbz: bit 40", a -> a.tbz(Reg.W0, 40, 8));
    }

    @Test
    void registersOfTheWrongKind() {
        rejects("registers of different widths, x0 and w1", a -> a.add(Reg.X0, Reg.W1, Reg.X2));
        rejects("sp is not allowed here", a -> a.add(Reg.X0, Reg.SP, Reg.X2, Shift.LSL, 1));
        rejects("xzr is not allowed here (register 31 is sp", a -> a.add(Reg.XZR, Reg.X1, 1));
        rejects("ror is not a shift of add and subtract", a -> a.add(Reg.X0, Reg.X1, Reg.X2, Shift.ROR, 1));
        rejects("uxtw extends a W register", a -> a.add(Reg.X0, Reg.X1, Reg.X2, Extend.UXTW, 0));
        rejects("smaddl: w0 must be an X register", a -> a.smaddl(Reg.W0, Reg.W1, Reg.W2, Reg.X3));
        rejects("rev32 takes X registers", a -> a.rev32(Reg.W0, Reg.W1));
        rejects("registers of different sizes, d0 and s1", a -> a.fadd(VReg.D0, VReg.S1, VReg.D2));
        rejects("fcvt: converts between an S and a D register", a -> a.fcvt(VReg.D0, VReg.D1));
        rejects("fmov: x0 and s1 are not the same size", a -> a.fmov(Reg.X0, VReg.S1));
        rejects("status register must differ", a -> a.stlxr(Reg.W1, Reg.X1, Reg.X2));
        rejects("w1 does not fit an access of 8 bytes", a -> a.ordered(Ordered.LDAR, 3, Reg.W1, Reg.X2));
    }

    @Test
    void addressesOutOfRange() {
        rejects("offset 4100 is neither a multiple of 8", a -> a.ldr(Reg.X0, Mem.at(Reg.X1, 4100)));
        rejects("offset 32768 is neither", a -> a.ldr(Reg.X0, Mem.at(Reg.X1, 32768)));
        rejects("index offset 256", a -> a.ldr(Reg.X0, Mem.preIndex(Reg.X1, 256)));
        rejects("offset 12 is not a multiple of 8", a -> a.ldp(Reg.X0, Reg.X1, Mem.at(Reg.SP, 12)));
        rejects("offset 512 is not a multiple of 8 in [-512, 504]", a -> a.stp(Reg.X0, Reg.X1, Mem.at(Reg.SP, 512)));
        rejects("no register-offset form", a -> a.ldp(Reg.X0, Reg.X1, Mem.index(Reg.SP, Reg.X2)));
        rejects("unscaled: [-256, 255] only", a -> a.ldur(Reg.X0, Mem.at(Reg.X1, 256)));
        assertThrows(A64EncodingException.class, () -> Mem.at(Reg.W1, 0), "a W base");
        assertThrows(A64EncodingException.class, () -> Mem.at(Reg.XZR, 0), "xzr as a base");
        assertThrows(A64EncodingException.class, () -> Mem.index(Reg.X1, Reg.W2, Extend.SXTX, false));
    }

    @Test
    void featuresAreEnforced() {
        rejects("needs the LSE atomics", a -> a.ldadd(AtomicOrder.ACQ_REL, Reg.X0, Reg.X1, Reg.X2));
        rejects("needs the LSE atomics", a -> a.casb(AtomicOrder.RELAXED, Reg.W0, Reg.W1, Reg.X2));
        CodeBuffer buf = new CodeBuffer();
        new A64Assembler(buf).ldadd(AtomicOrder.ACQ_REL, Reg.X0, Reg.X1, Reg.X2);
        assertEquals(4, buf.position());
    }

    @Test
    void conditionsInvert() {
        for (Cond c : Cond.values()) {
            if (c != Cond.AL && c != Cond.NV) {
                assertEquals(c, c.invert().invert());
                assertEquals(c.code() ^ 1, c.invert().code());
            }
        }
        assertThrows(A64EncodingException.class, Cond.AL::invert);
    }
}
