package dev.vex.x64.asm;

/**
 * Instructions that read a condition: setcc ({@code 0F 90+cc /0}, one byte) and cmovcc
 * ({@code 0F 40+cc /r}, 16, 32 or 64 bits). jcc is with the other branches in
 * {@link BranchInstructions}.
 */
final class ConditionalInstructions {
    private ConditionalInstructions() {
    }

    static void setcc(Encoder e, Cond cc, Gpr dst) {
        Encoder.requireBits(dst, 8, "setcc");
        e.rr(dst.sizeFlags, 0x0F90 + cc.code, 0, dst.number);
    }

    static void setcc(Encoder e, Cond cc, Mem dst) {
        Encoder.memBits(dst, 8);
        e.rm(0, 0x0F90 + cc.code, 0, dst, 0);
    }

    static void cmovcc(Encoder e, Cond cc, Gpr dst, Gpr src) {
        Encoder.sameBits(dst, src);
        Encoder.requireBits(dst, 16 | 32 | 64, "cmov");
        e.rr(dst.sizeFlags, 0x0F40 + cc.code, dst.number, src.number);
    }

    static void cmovcc(Encoder e, Cond cc, Gpr dst, Mem src) {
        Encoder.requireBits(dst, 16 | 32 | 64, "cmov");
        Encoder.memBits(src, dst.bits);
        e.rm(dst.sizeFlags, 0x0F40 + cc.code, dst.number, src, 0);
    }
}
