package dev.vex.aarch64.asm;

import static dev.vex.aarch64.asm.Reg.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vex.code.CodeBuffer;
import dev.vex.code.Label;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Emitting into a buffer that is already large enough allocates nothing: the guard for the
 * allocation-free promise, measured with the JVM's per-thread allocation counter.
 */
class AllocationFreeTest {
    private static final Mem SLOT = Mem.at(SP, 16);
    private static final Mem FIELD = Mem.at(X1, -8);
    private static final Mem ELEMENT = Mem.index(X2, X3, Extend.UXTX, true);
    private static final Mem PUSH = Mem.preIndex(SP, -16);
    private static final Mem POP = Mem.postIndex(SP, 16);

    /** 42 instructions; top is re-bound at the start of each block so that TBNZ reaches it. */
    private static void emitMix(A64Assembler a, Label top) {
        top.reset();
        a.bind(top).stp(FP, LR, PUSH).mov(FP, SP).ldr(X0, SLOT).ldr(X4, FIELD).add(X0, X0, X4).add(X0, X0, 1000).cmp(X0, 5)
            .bcond(Cond.LT, top).ldr(X5, ELEMENT).str(X5, SLOT).mul(X6, X5, X4).lsl(X6, X6, 3).and(X6, X6, 0xFF)
            .csel(X7, X6, X5, Cond.NE).cset(W8, Cond.HS).cbz(X8, top).tbnz(W8, 3, top).sdiv(X9, X0, X4)
            .msub(X10, X9, X4, X0).sxtw(X11, W10).ubfx(X12, X11, 4, 8).clz(X13, X12).rev(W14, W13)
            .ldr(VReg.D0, SLOT).fadd(VReg.D0, VReg.D0, VReg.D1).fcmp(VReg.D0, VReg.D1).fcsel(VReg.D2, VReg.D0, VReg.D1, Cond.GT)
            .scvtf(VReg.D3, X0).fcvtzs(X15, VReg.D3).fmov(X16, VReg.D3).ldaxr(X17, X1).stlxr(W9, X17, X1)
            .ldadd(AtomicOrder.ACQ_REL, X4, X5, X1).dmb(BarrierOption.ISH).mov(X0, 0x1234_5678_9ABCL)
            .bl(top).ldp(FP, LR, POP).ret();
    }

    @Test
    void emittingAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter in this JVM");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
        long thread = Thread.currentThread().getId();
        CodeBuffer buf = new CodeBuffer(1 << 20);
        A64Assembler asm = new A64Assembler(buf);
        Label top = new Label();
        emitMix(asm, top);
        int block = buf.position();
        for (int i = 0; i < 2000; i++) {
            emitMix(asm, top); // warm up, and the one-off class initialisation
        }
        // The best of three rounds: a loaded machine's JIT can charge a one-off allocation to any one.
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            buf.reset();
            long before = counter.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 2000; i++) {
                emitMix(asm, top);
            }
            allocated = Math.min(allocated, counter.getThreadAllocatedBytes(thread) - before);
            assertEquals(2000 * block, buf.position(), "bytes emitted");
        }
        // The counter itself may show a few bytes; one object per instruction would be megabytes.
        assertEquals(0, allocated / 1024, "allocated " + allocated + " bytes while emitting " + buf.position() / 4 + " instructions");
    }
}
