package dev.vex.x64.asm;

import static dev.vex.x64.asm.Gpr.*;
import static dev.vex.x64.asm.Mem.mem;
import static dev.vex.x64.asm.Xmm.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vex.code.CodeBuffer;
import dev.vex.code.Label;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Emitting into a buffer that is already large enough allocates nothing: the guard for the
 * "allocation-free hot path" promise, measured with the JVM's per-thread allocation counter.
 */
class AllocationFreeTest {
    private static final Mem SLOT = mem(RSP, 8);
    private static final Mem INDEXED = mem(R12, R13, 8, -0x80);

    private static void emitMix(X64Assembler a, Label top) {
        a.mov(RAX, SLOT).add(RAX, R12).add(RAX, 1000).cmp(RAX, 5).jcc(Cond.L, top)
            .lea(RCX, INDEXED).mov(SLOT, RDI).imul(RDX, RCX, 7).shl(RDX, 3).movzx(EAX, SIL)
            .addsd(XMM0, XMM9).movsd(XMM1, SLOT).cvtsi2sd(XMM2, RAX).ucomisd(XMM0, XMM1)
            .setcc(Cond.A, AL).cmov(Cond.NE, RAX, RCX).test(EAX, EAX).jmp(top).mov(R11, 0x123456789L)
            .vfmadd231sd(XMM0, XMM1, XMM2).tzcnt(RAX, RBX).shlx(RAX, RBX, RCX).call(top);
    }

    @Test
    void emittingAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter in this JVM");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
        long thread = Thread.currentThread().getId();
        CodeBuffer buf = new CodeBuffer(1 << 20);
        X64Assembler asm = new X64Assembler(buf, CpuFeatures.all());
        Label top = new Label();
        buf.bind(top);
        for (int i = 0; i < 2000; i++) {
            emitMix(asm, top); // warm up, and fill the one-off class initialisation
        }
        buf.reset();
        top.reset();
        buf.bind(top);
        long before = counter.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 2000; i++) {
            emitMix(asm, top);
        }
        long allocated = counter.getThreadAllocatedBytes(thread) - before;
        // The counter itself is allowed a few bytes of noise; a single Mem per instruction would be ~1 MB.
        assertEquals(0, allocated / 1024, "allocated " + allocated + " bytes while emitting 46,000 instructions");
    }
}
