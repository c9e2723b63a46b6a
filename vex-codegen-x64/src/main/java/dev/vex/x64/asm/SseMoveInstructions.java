package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoder.P66;
import static dev.vex.x64.asm.Encoder.PF2;
import static dev.vex.x64.asm.Encoder.PF3;
import static dev.vex.x64.asm.Encoder.W;

/**
 * Scalar moves into, out of and between xmm registers: movss/movsd (F3/F2 0F 10 load and
 * register copy, 0F 11 store), movd/movq between xmm and general-purpose registers (66 0F 6E/7E,
 * REX.W for movq), movd/movq with memory (66 0F 6E/7E for 32 bits; F3 0F 7E load and 66 0F D6
 * store for 64 bits) and movq xmm, xmm (F3 0F 7E, which clears the upper half).
 */
final class SseMoveInstructions {
    private SseMoveInstructions() {
    }

    /** movss (single = true) or movsd between registers: the load form, as GNU as encodes it. */
    static void scalarRR(Encoder e, boolean single, Xmm dst, Xmm src) {
        e.rr(single ? PF3 : PF2, 0x0F10, dst.number, src.number);
    }

    static void scalarLoad(Encoder e, boolean single, Xmm dst, Mem src) {
        Encoder.memBits(src, single ? 32 : 64);
        e.rm(single ? PF3 : PF2, 0x0F10, dst.number, src, 0);
    }

    static void scalarStore(Encoder e, boolean single, Mem dst, Xmm src) {
        Encoder.memBits(dst, single ? 32 : 64);
        e.rm(single ? PF3 : PF2, 0x0F11, src.number, dst, 0);
    }

    /** movd (32-bit src) or movq (64-bit src) xmm, gpr. */
    static void toXmm(Encoder e, Xmm dst, Gpr src) {
        Encoder.requireBits(src, 32 | 64, "movd/movq");
        e.rr(P66 | (src.bits == 64 ? W : 0), 0x0F6E, dst.number, src.number);
    }

    /** movd (32-bit dst) or movq (64-bit dst) gpr, xmm. */
    static void toGpr(Encoder e, Gpr dst, Xmm src) {
        Encoder.requireBits(dst, 32 | 64, "movd/movq");
        e.rr(P66 | (dst.bits == 64 ? W : 0), 0x0F7E, src.number, dst.number);
    }

    static void movdLoad(Encoder e, Xmm dst, Mem src) {
        Encoder.memBits(src, 32);
        e.rm(P66, 0x0F6E, dst.number, src, 0);
    }

    static void movdStore(Encoder e, Mem dst, Xmm src) {
        Encoder.memBits(dst, 32);
        e.rm(P66, 0x0F7E, src.number, dst, 0);
    }

    static void movqLoad(Encoder e, Xmm dst, Mem src) {
        Encoder.memBits(src, 64);
        e.rm(PF3, 0x0F7E, dst.number, src, 0);
    }

    static void movqStore(Encoder e, Mem dst, Xmm src) {
        Encoder.memBits(dst, 64);
        e.rm(P66, 0x0FD6, src.number, dst, 0);
    }

    static void movqRR(Encoder e, Xmm dst, Xmm src) {
        e.rr(PF3, 0x0F7E, dst.number, src.number);
    }
}
