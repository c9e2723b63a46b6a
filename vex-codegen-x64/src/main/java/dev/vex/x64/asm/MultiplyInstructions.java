package dev.vex.x64.asm;

/**
 * The two- and three-operand imul (0F AF /r; 6B /r ib or 69 /r iz) and the sign extensions of
 * the accumulator into rdx that set up division (cwd, cdq, cqo) or widen rax in place (cdqe).
 * The one-operand mul, imul, div and idiv are in {@link UnaryOp}.
 */
final class MultiplyInstructions {
    private MultiplyInstructions() {
    }

    static void imul(Encoder e, Gpr dst, Gpr src) {
        Encoder.sameBits(dst, src);
        Encoder.requireBits(dst, 16 | 32 | 64, "imul");
        e.rr(dst.sizeFlags, 0x0FAF, dst.number, src.number);
    }

    static void imul(Encoder e, Gpr dst, Mem src) {
        Encoder.requireBits(dst, 16 | 32 | 64, "imul");
        Encoder.memBits(src, dst.bits);
        e.rm(dst.sizeFlags, 0x0FAF, dst.number, src, 0);
    }

    static void imul(Encoder e, Gpr dst, Gpr src, int imm) {
        Encoder.sameBits(dst, src);
        Encoder.requireBits(dst, 16 | 32 | 64, "imul");
        long v = Immediates.truncate(imm, dst.bits, "imul");
        if (Encoder.isInt8(v)) {
            e.rr(dst.sizeFlags, 0x6B, dst.number, src.number);
            e.imm(v, 1);
        } else {
            e.rr(dst.sizeFlags, 0x69, dst.number, src.number);
            e.imm(v, dst.bits == 16 ? 2 : 4);
        }
    }

    static void imul(Encoder e, Gpr dst, Mem src, int imm) {
        Encoder.requireBits(dst, 16 | 32 | 64, "imul");
        Encoder.memBits(src, dst.bits);
        long v = Immediates.truncate(imm, dst.bits, "imul");
        if (Encoder.isInt8(v)) {
            e.rm(dst.sizeFlags, 0x6B, dst.number, src, 1);
            e.imm(v, 1);
        } else {
            int immBytes = dst.bits == 16 ? 2 : 4;
            e.rm(dst.sizeFlags, 0x69, dst.number, src, immBytes);
            e.imm(v, immBytes);
        }
    }

    /** cwd (66 99), cdq (99) or cqo (48 99): sign-extend ax/eax/rax into dx/edx/rdx. */
    static void signExtendIntoRdx(Encoder e, int bits) {
        e.op(Encoder.flagsForBits(bits), 0x99);
    }

    /** cdqe (48 98): sign-extend eax into rax. */
    static void cdqe(Encoder e) {
        e.op(Encoder.W, 0x98);
    }
}
