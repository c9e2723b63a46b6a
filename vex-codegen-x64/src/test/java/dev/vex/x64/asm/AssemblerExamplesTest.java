package dev.vex.x64.asm;

import static dev.vex.x64.asm.Gpr.*;
import static dev.vex.x64.asm.Mem.mem;
import static dev.vex.x64.asm.Xmm.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vex.code.CodeBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A few encodings worked out by hand from the Intel SDM's opcode tables, independent of GNU as;
 * they document the API as much as they test it. The exhaustive check is the encoding matrix.
 */
class AssemblerExamplesTest {
    private static String hex(java.util.function.Consumer<X64Assembler> emit) {
        CodeBuffer b = new CodeBuffer();
        emit.accept(new X64Assembler(b, CpuFeatures.all()));
        return HexFormat.of().formatHex(b.toByteArray());
    }

    @Test
    void registerAndMemoryForms() {
        // add r/m64, r64 = REX.W 01 /r; r12 in ModRM.reg sets REX.R: 0x4C; ModRM 11 100 000.
        assertEquals("4c01e0", hex(a -> a.add(RAX, R12)));
        // mov r/m64, r64 = REX.W 89 /r; [rsp+8] needs SIB 0x24 and disp8.
        assertEquals("48897c2408", hex(a -> a.mov(mem(RSP, 8), RDI)));
        // [r13] has no mod=00 form: mod=01 with disp8 0, REX.B.
        assertEquals("498b4500", hex(a -> a.mov(RAX, mem(R13))));
        // sub r/m32, imm8 = 83 /5 ib.
        assertEquals("83ef10", hex(a -> a.sub(EDI, 16)));
        // sil needs an empty REX (0x40) to mean sil rather than dh.
        assertEquals("400fb6c6", hex(a -> a.movzx(EAX, SIL)));
        // addsd xmm, xmm = F2 0F 58 /r; xmm9 as source sets REX.B.
        assertEquals("f2410f58c1", hex(a -> a.addsd(XMM0, XMM9)));
        // ret, ud2, int3.
        assertEquals("c30f0bcc", hex(a -> a.ret().ud2().int3()));
    }

    @Test
    void immediatesTakeTheShortestForm() {
        assertEquals("4883c001", hex(a -> a.add(RAX, 1)));              // imm8
        assertEquals("480580000000", hex(a -> a.add(RAX, 128)));        // accumulator imm32
        assertEquals("4881c180000000", hex(a -> a.add(RCX, 128)));      // 81 /0 imm32
        assertEquals("b805000000", hex(a -> a.mov(RAX, 5)));            // zero-extending mov r32
        assertEquals("48c7c0ffffffff", hex(a -> a.mov(RAX, -1)));       // sign-extended imm32
        assertEquals("48b80000000001000000", hex(a -> a.mov(RAX, 1L << 32))); // movabs
        assertEquals("48d1e0", hex(a -> a.shl(RAX, 1)));                 // D1 /4
    }

    @Test
    void nopsOfEveryLengthHaveThatLength() {
        for (int n = 0; n <= 40; n++) {
            int length = n;
            assertEquals(2 * n, hex(a -> a.nop(length)).length(), "nop(" + n + ")");
        }
        CodeBuffer b = new CodeBuffer();
        X64Assembler a = new X64Assembler(b, CpuFeatures.none());
        a.int3().align(16);
        assertEquals(16, b.position());
        a.align(16);
        assertEquals(16, b.position());
    }
}
