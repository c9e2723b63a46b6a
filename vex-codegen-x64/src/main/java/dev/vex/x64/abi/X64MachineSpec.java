package dev.vex.x64.abi;

import dev.vex.backend.MachineSpec;
import dev.vex.backend.RegClass;

/**
 * The x86-64 registers as the allocator sees them, System V style: physical registers 0–15 are
 * the general-purpose registers by their hardware number, 16–31 are xmm0–xmm15.
 *
 * <p>Never allocated: rsp, rbp (the frame pointer, kept so that frames can be walked), r11 and
 * xmm15 (the scratch registers of the allocator's move sequencer and of emit). Caller-saved:
 * rax rcx rdx rsi rdi r8–r11 and every xmm register; callee-saved: rbx r12–r15 (rbp is saved by
 * every prologue).
 */
public final class X64MachineSpec implements MachineSpec {
    public static final X64MachineSpec INSTANCE = new X64MachineSpec();

    public static final int RAX = 0, RCX = 1, RDX = 2, RBX = 3, RSP = 4, RBP = 5, RSI = 6, RDI = 7;
    public static final int R8 = 8, R9 = 9, R10 = 10, R11 = 11, R12 = 12, R13 = 13, R14 = 14, R15 = 15;
    /** Physical register number of xmm0; xmm{@code n} is {@code XMM0 + n}. */
    public static final int XMM0 = 16;
    public static final int SCRATCH_INT = R11;
    public static final int SCRATCH_FLOAT = XMM0 + 15;

    private static final String[] NAMES = {
        "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
        "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
        "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15",
    };
    private static final int[] INT_ORDER = {RAX, RCX, RDX, RSI, RDI, R8, R9, R10, RBX, R12, R13, R14, R15};
    private static final int[] FLOAT_ORDER = {
        XMM0, XMM0 + 1, XMM0 + 2, XMM0 + 3, XMM0 + 4, XMM0 + 5, XMM0 + 6, XMM0 + 7,
        XMM0 + 8, XMM0 + 9, XMM0 + 10, XMM0 + 11, XMM0 + 12, XMM0 + 13, XMM0 + 14,
    };
    private static final long CALLER_SAVED = bits(RAX, RCX, RDX, RSI, RDI, R8, R9, R10, R11) | 0xffff_0000L;
    private static final long CALLEE_SAVED = bits(RBX, R12, R13, R14, R15);

    private X64MachineSpec() {}

    private static long bits(int... regs) {
        long m = 0;
        for (int r : regs) {
            m |= 1L << r;
        }
        return m;
    }

    @Override
    public int numRegs() {
        return 32;
    }

    @Override
    public RegClass regClass(int preg) {
        return preg < XMM0 ? RegClass.INT : RegClass.FLOAT;
    }

    @Override
    public String regName(int preg) {
        return NAMES[preg];
    }

    @Override
    public int[] allocationOrder(RegClass cls) {
        return cls == RegClass.INT ? INT_ORDER.clone() : FLOAT_ORDER.clone();
    }

    @Override
    public long callerSaved() {
        return CALLER_SAVED;
    }

    @Override
    public long calleeSaved() {
        return CALLEE_SAVED;
    }

    @Override
    public int scratch(RegClass cls) {
        return cls == RegClass.INT ? SCRATCH_INT : SCRATCH_FLOAT;
    }

    @Override
    public int spillSlotSize(RegClass cls) {
        return 8;
    }
}
