package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoder.P66;
import static dev.vex.x64.asm.Encoder.W;
import static dev.vex.x64.asm.Encoding.NONE;
import static dev.vex.x64.asm.Encoding.REG;
import static dev.vex.x64.asm.Encoding.legacy;
import static dev.vex.x64.asm.Format.FD;
import static dev.vex.x64.asm.Format.MI;
import static dev.vex.x64.asm.Format.MR;
import static dev.vex.x64.asm.Format.O;
import static dev.vex.x64.asm.Format.OA;
import static dev.vex.x64.asm.Format.OI;
import static dev.vex.x64.asm.Format.RM;
import static dev.vex.x64.asm.Format.TD;
import static dev.vex.x64.asm.Operand.*;

import dev.vex.code.FixupFormat;
import java.util.List;

/**
 * Data movement between general-purpose registers and memory: mov in all its forms (including
 * movabs with a 64-bit immediate or a 64-bit absolute address), lea, xchg and bswap. The row
 * arrays are per width: 8, 16, 32, 64 bits.
 */
final class MoveInstructions {
    private static final Widths MOV_MR = new Widths(
        legacy("move", "mov", MR, 0, 0x88, REG, RM8, R8),
        legacy("move", "mov", MR, P66, 0x89, REG, RM16, R16),
        legacy("move", "mov", MR, 0, 0x89, REG, RM32, R32),
        legacy("move", "mov", MR, W, 0x89, REG, RM64, R64)
    );
    private static final Widths MOV_RM = new Widths(
        legacy("move", "mov", RM, 0, 0x8A, REG, R8, RM8),
        legacy("move", "mov", RM, P66, 0x8B, REG, R16, RM16),
        legacy("move", "mov", RM, 0, 0x8B, REG, R32, RM32),
        legacy("move", "mov", RM, W, 0x8B, REG, R64, RM64)
    );
    private static final Widths MOV_OI = new Widths(
        legacy("move", "mov", OI, 0, 0xB0, NONE, R8, IMM8),
        legacy("move", "mov", OI, P66, 0xB8, NONE, R16, IMM16),
        legacy("move", "mov", OI, 0, 0xB8, NONE, R32, IMM32),
        legacy("move", "movabs", OI, W, 0xB8, NONE, R64, IMM64)
    );
    private static final Widths MOV_MI = new Widths(
        legacy("move", "mov", MI, 0, 0xC6, 0, RM8, IMM8),
        legacy("move", "mov", MI, P66, 0xC7, 0, RM16, IMM16),
        legacy("move", "mov", MI, 0, 0xC7, 0, RM32, IMM32),
        legacy("move", "mov", MI, W, 0xC7, 0, RM64, IMM32)
    );
    private static final Widths MOVABS_LOAD = new Widths(
        legacy("move", "movabs", FD, 0, 0xA0, NONE, AL, MOFFS64),
        legacy("move", "movabs", FD, P66, 0xA1, NONE, AX, MOFFS64),
        legacy("move", "movabs", FD, 0, 0xA1, NONE, EAX, MOFFS64),
        legacy("move", "movabs", FD, W, 0xA1, NONE, RAX, MOFFS64)
    );
    private static final Widths MOVABS_STORE = new Widths(
        legacy("move", "movabs", TD, 0, 0xA2, NONE, MOFFS64, AL),
        legacy("move", "movabs", TD, P66, 0xA3, NONE, MOFFS64, AX),
        legacy("move", "movabs", TD, 0, 0xA3, NONE, MOFFS64, EAX),
        legacy("move", "movabs", TD, W, 0xA3, NONE, MOFFS64, RAX)
    );
    private static final Widths LEA = new Widths(
        null,
        legacy("move", "lea", RM, P66, 0x8D, REG, R16, M),
        legacy("move", "lea", RM, 0, 0x8D, REG, R32, M),
        legacy("move", "lea", RM, W, 0x8D, REG, R64, M)
    );
    private static final Widths XCHG_MR = new Widths(
        legacy("move", "xchg", MR, 0, 0x86, REG, RM8, R8),
        legacy("move", "xchg", MR, P66, 0x87, REG, RM16, R16),
        legacy("move", "xchg", MR, 0, 0x87, REG, RM32, R32),
        legacy("move", "xchg", MR, W, 0x87, REG, RM64, R64)
    );
    private static final Widths XCHG_ACC = new Widths(
        null,
        legacy("move", "xchg", OA, P66, 0x90, NONE, R16, AX),
        legacy("move", "xchg", OA, 0, 0x90, NONE, R32, EAX),
        legacy("move", "xchg", OA, W, 0x90, NONE, R64, RAX)
    );
    private static final Widths BSWAP = new Widths(
        null,
        null,
        legacy("move", "bswap", O, 0, 0x0FC8, NONE, R32),
        legacy("move", "bswap", O, W, 0x0FC8, NONE, R64)
    );

    private MoveInstructions() {
    }

    static List<Encoding> rows() {
        return Rows.concat(MOV_MR, MOV_RM, MOV_OI, MOV_MI, MOVABS_LOAD, MOVABS_STORE, LEA, XCHG_MR, XCHG_ACC, BSWAP);
    }

    /** {@code mov dst, src}: 88/89 /r, the r/m,r direction GNU as uses for register pairs. */
    static void rr(Encoder e, Gpr dst, Gpr src) {
        Encoder.sameBits(dst, src);
        e.rr(MOV_MR.of(dst.bits), dst.rex | src.rex, src.number, dst.number);
    }

    static void rm(Encoder e, Gpr dst, Mem src) {
        Encoder.memBits(src, dst.bits);
        e.rm(MOV_RM.of(dst.bits), dst.rex, dst.number, src);
    }

    static void mr(Encoder e, Mem dst, Gpr src) {
        Encoder.memBits(dst, src.bits);
        e.rm(MOV_MR.of(src.bits), src.rex, src.number, dst);
    }

    /**
     * {@code mov dst, imm} in the shortest form. For a 64-bit register: an immediate in
     * [0, 2^32) uses the 32-bit {@code mov r32, imm32} (B8+r, 5 or 6 bytes), because writing the
     * 32-bit register clears the upper half; a negative value that fits 32 bits uses
     * {@code REX.W C7 /0 imm32} (7 bytes, sign-extended); anything else the 10-byte movabs.
     */
    static void ri(Encoder e, Gpr dst, long imm) {
        int n = dst.number;
        Encoding f;
        long v = imm;
        switch (dst.bits) {
            case 8, 16 -> {
                v = Immediates.truncate(imm, dst.bits, "mov");
                f = MOV_OI.of(dst.bits);
            }
            case 32 -> {
                if (imm < Integer.MIN_VALUE || imm > 0xFFFF_FFFFL) {
                    throw new X64EncodingException("mov: immediate " + imm + " does not fit 32 bits");
                }
                f = MOV_OI.d();
            }
            default -> {
                if (imm >= 0 && imm <= 0xFFFF_FFFFL) {
                    f = MOV_OI.d();
                } else if (imm == (int) imm) {
                    f = MOV_MI.q();
                    e.digit(f, 0, n);
                    e.imm(f, imm);
                    return;
                } else {
                    f = MOV_OI.q();
                }
            }
        }
        e.o(f, dst.rex, n);
        e.imm(f, v);
    }

    /** {@code mov [mem], imm}: C6 /0 ib or C7 /0 iw/id (a 64-bit store sign-extends imm32). */
    static void mi(Encoder e, Mem dst, int imm) {
        int bits = Encoder.explicitBits(dst, "mov");
        long v = Immediates.truncate(imm, bits, "mov");
        Encoding f = MOV_MI.of(bits);
        e.digit(f, dst);
        e.imm(f, v);
    }

    /** {@code movabs r64, imm64}: always the 10-byte REX.W B8+r io form. */
    static void movabs(Encoder e, Gpr dst, long imm) {
        Encoder.requireBits(dst, 64, "movabs");
        e.o(MOV_OI.q(), 0, dst.number);
        e.imm(MOV_OI.q(), imm);
    }

    /** {@code movabs r64, symbol+addend}: the 64-bit address of a symbol, resolved by the linker. */
    static void movabs(Encoder e, Gpr dst, String symbol, long addend) {
        Encoder.requireBits(dst, 64, "movabs");
        e.o(MOV_OI.q(), 0, dst.number);
        int field = e.buf.position();
        e.imm(MOV_OI.q(), 0);
        e.buf.addRelocation(field, FixupFormat.ABS64, symbol, addend);
    }

    private static void checkAccumulator(Gpr acc) {
        if (acc.number != 0) {
            throw new X64EncodingException("movabs with a 64-bit address needs al, ax, eax or rax, not " + acc);
        }
    }

    /** {@code movabs acc, [addr64]}: A0/A1 with a 64-bit absolute address. */
    static void loadAbsolute(Encoder e, Gpr acc, long address) {
        checkAccumulator(acc);
        Encoding f = MOVABS_LOAD.of(acc.bits);
        e.op(f, 0);
        e.imm(f, address);
    }

    /** {@code movabs [addr64], acc}: A2/A3. */
    static void storeAbsolute(Encoder e, long address, Gpr acc) {
        checkAccumulator(acc);
        Encoding f = MOVABS_STORE.of(acc.bits);
        e.op(f, 0);
        e.imm(f, address);
    }

    /** {@code lea dst, [mem]}: 8D /r, 16, 32 or 64 bits. */
    static void lea(Encoder e, Gpr dst, Mem src) {
        Encoder.requireBits(dst, 16 | 32 | 64, "lea");
        e.rm(LEA.of(dst.bits), 0, dst.number, src);
    }

    /**
     * {@code xchg a, b}: 90+r when one side is the accumulator (as GNU as does; {@code xchg eax,
     * eax} keeps 87 because 90 would not clear the upper half, and {@code xchg rax, rax} is the
     * one-byte nop), else 86/87 /r with {@code a} in ModRM.rm.
     */
    static void xchg(Encoder e, Gpr a, Gpr b) {
        int bits = Encoder.sameBits(a, b);
        if (bits != 8 && (a.number == 0 || b.number == 0) && !(bits == 32 && a.number == b.number)) {
            Gpr other = a.number == 0 ? b : a;
            if (bits == 64 && other.number == 0) {
                MiscInstructions.nop(e, 1);
            } else {
                e.o(XCHG_ACC.of(a.bits), 0, other.number);
            }
        } else {
            e.rr(XCHG_MR.of(a.bits), a.rex | b.rex, b.number, a.number);
        }
    }

    /** {@code xchg [mem], r}: 86/87 /r (implicitly locked). */
    static void xchg(Encoder e, Mem a, Gpr b) {
        Encoder.memBits(a, b.bits);
        e.rm(XCHG_MR.of(b.bits), b.rex, b.number, a);
    }

    /** {@code bswap r32/r64}: 0F C8+r. */
    static void bswap(Encoder e, Gpr r) {
        Encoder.requireBits(r, 32 | 64, "bswap");
        e.o(BSWAP.of(r.bits), 0, r.number);
    }
}
