package dev.vex.x64.asm;

import static dev.vex.x64.asm.Gpr.*;
import static dev.vex.x64.asm.Mem.mem;
import static dev.vex.x64.asm.Xmm.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.code.CodeBuffer;
import dev.vex.diag.VexException;
import org.junit.jupiter.api.Test;

class OperandCheckTest {
    private final X64Assembler asm = new X64Assembler(new CodeBuffer(), CpuFeatures.all());

    @Test
    void badOperandsAreVexExceptions() {
        assertThrows(X64EncodingException.class, () -> asm.add(RAX, ECX));
        assertThrows(X64EncodingException.class, () -> mem(RAX, RSP, 1, 0));
        assertThrows(X64EncodingException.class, () -> mem(EAX, 0));
        assertThrows(X64EncodingException.class, () -> mem(RAX, RCX, 3, 0));
        assertThrows(X64EncodingException.class, () -> asm.inc(mem(RAX)));
        assertThrows(X64EncodingException.class, () -> asm.add(AL, 256));
        assertThrows(X64EncodingException.class, () -> asm.mov(AX, 0x10000));
        assertThrows(X64EncodingException.class, () -> asm.mov(EAX, 1L << 32));
        assertThrows(X64EncodingException.class, () -> asm.shl(RAX, 256));
        assertThrows(X64EncodingException.class, () -> asm.movsxd(EAX, ECX));
        assertThrows(X64EncodingException.class, () -> asm.movzx(EAX, EAX));
        assertThrows(X64EncodingException.class, () -> asm.mov(RAX, mem(RCX).withBits(32)));
        assertThrows(X64EncodingException.class, () -> asm.push(EAX));
        assertThrows(X64EncodingException.class, () -> asm.movabsLoad(RCX, 0x1000));
        assertThrows(X64EncodingException.class, () -> asm.cvtsi2sd(XMM0, mem(RAX)));
        assertThrows(X64EncodingException.class, () -> asm.lea(AL, mem(RAX)));
        assertThrows(X64EncodingException.class, () -> asm.andn(AX, CX, DX));
        assertThrows(X64EncodingException.class, () -> asm.ret(-1));
        assertTrue(VexException.class.isAssignableFrom(X64EncodingException.class));
    }

    @Test
    void registersConvertBetweenWidths() {
        assertEquals(R12D, R12.withBits(32));
        assertEquals(SPL, Gpr.of(4, 8));
        assertEquals("r13w", R13.withBits(16).toString());
        assertEquals("qword ptr [rsp+rbp*2-0x8]", mem(RSP, RBP, 2, -8).withBits(64).toString());
        assertEquals(Cond.NE, Cond.E.negate());
        assertEquals(Cond.LE, Cond.G.negate());
    }
}
