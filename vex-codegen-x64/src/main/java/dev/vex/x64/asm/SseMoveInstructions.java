package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoder.P66;
import static dev.vex.x64.asm.Encoder.PF2;
import static dev.vex.x64.asm.Encoder.PF3;
import static dev.vex.x64.asm.Encoder.W;
import static dev.vex.x64.asm.Encoding.REG;
import static dev.vex.x64.asm.Encoding.legacy;
import static dev.vex.x64.asm.Format.MR;
import static dev.vex.x64.asm.Format.RM;
import static dev.vex.x64.asm.Operand.*;

import java.util.List;

/**
 * Scalar moves into, out of and between xmm registers: movss/movsd (F3/F2 0F 10 load and
 * register copy, 0F 11 store), movd/movq between xmm and general-purpose registers (66 0F 6E/7E,
 * REX.W for movq), movd/movq with memory (66 0F 6E/7E for 32 bits; F3 0F 7E load and 66 0F D6
 * store for 64 bits) and movq xmm, xmm (F3 0F 7E, which clears the upper half).
 */
final class SseMoveInstructions {
    private static final Encoding MOVSS_LOAD = legacy("sse-move", "movss", RM, PF3, 0x0F10, REG, XMM, XMM_M32);
    private static final Encoding MOVSS_STORE = legacy("sse-move", "movss", MR, PF3, 0x0F11, REG, M32, XMM);
    private static final Encoding MOVSD_LOAD = legacy("sse-move", "movsd", RM, PF2, 0x0F10, REG, XMM, XMM_M64);
    private static final Encoding MOVSD_STORE = legacy("sse-move", "movsd", MR, PF2, 0x0F11, REG, M64, XMM);
    private static final Encoding MOVD_TO_XMM = legacy("sse-move", "movd", RM, P66, 0x0F6E, REG, XMM, RM32);
    private static final Encoding MOVQ_TO_XMM = legacy("sse-move", "movq", RM, P66 | W, 0x0F6E, REG, XMM, RM64);
    private static final Encoding MOVD_FROM_XMM = legacy("sse-move", "movd", MR, P66, 0x0F7E, REG, RM32, XMM);
    private static final Encoding MOVQ_FROM_XMM = legacy("sse-move", "movq", MR, P66 | W, 0x0F7E, REG, RM64, XMM);
    private static final Encoding MOVQ_LOAD = legacy("sse-move", "movq", RM, PF3, 0x0F7E, REG, XMM, XMM_M64);
    private static final Encoding MOVQ_STORE = legacy("sse-move", "movq", MR, P66, 0x0FD6, REG, M64, XMM);

    private SseMoveInstructions() {
    }

    static List<Encoding> rows() {
        return List.of(MOVSS_LOAD, MOVSS_STORE, MOVSD_LOAD, MOVSD_STORE, MOVD_TO_XMM, MOVQ_TO_XMM, MOVD_FROM_XMM,
            MOVQ_FROM_XMM, MOVQ_LOAD, MOVQ_STORE);
    }

    /** movss (single = true) or movsd between registers: the load form, as GNU as encodes it. */
    static void scalarRR(Encoder e, boolean single, Xmm dst, Xmm src) {
        e.rr(single ? MOVSS_LOAD : MOVSD_LOAD, 0, dst.number, src.number);
    }

    static void scalarLoad(Encoder e, boolean single, Xmm dst, Mem src) {
        Encoder.memBits(src, single ? 32 : 64);
        e.rm(single ? MOVSS_LOAD : MOVSD_LOAD, 0, dst.number, src);
    }

    static void scalarStore(Encoder e, boolean single, Mem dst, Xmm src) {
        Encoder.memBits(dst, single ? 32 : 64);
        e.rm(single ? MOVSS_STORE : MOVSD_STORE, 0, src.number, dst);
    }

    /** movd (32-bit src) or movq (64-bit src) xmm, gpr. */
    static void toXmm(Encoder e, Xmm dst, Gpr src) {
        Encoder.requireBits(src, 32 | 64, "movd/movq");
        e.rr(src.bits == 64 ? MOVQ_TO_XMM : MOVD_TO_XMM, 0, dst.number, src.number);
    }

    /** movd (32-bit dst) or movq (64-bit dst) gpr, xmm. */
    static void toGpr(Encoder e, Gpr dst, Xmm src) {
        Encoder.requireBits(dst, 32 | 64, "movd/movq");
        e.rr(dst.bits == 64 ? MOVQ_FROM_XMM : MOVD_FROM_XMM, 0, src.number, dst.number);
    }

    static void movdLoad(Encoder e, Xmm dst, Mem src) {
        Encoder.memBits(src, 32);
        e.rm(MOVD_TO_XMM, 0, dst.number, src);
    }

    static void movdStore(Encoder e, Mem dst, Xmm src) {
        Encoder.memBits(dst, 32);
        e.rm(MOVD_FROM_XMM, 0, src.number, dst);
    }

    static void movqLoad(Encoder e, Xmm dst, Mem src) {
        Encoder.memBits(src, 64);
        e.rm(MOVQ_LOAD, 0, dst.number, src);
    }

    static void movqStore(Encoder e, Mem dst, Xmm src) {
        Encoder.memBits(dst, 64);
        e.rm(MOVQ_STORE, 0, src.number, dst);
    }

    static void movqRR(Encoder e, Xmm dst, Xmm src) {
        e.rr(MOVQ_LOAD, 0, dst.number, src.number);
    }
}
