package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoder.W;

import dev.vex.code.FixupFormat;

/**
 * Data movement between general-purpose registers and memory: mov in all its forms (including
 * movabs with a 64-bit immediate or a 64-bit absolute address), lea, xchg and bswap.
 */
final class MoveInstructions {
    private MoveInstructions() {
    }

    /** {@code mov dst, src}: 88/89 /r, the r/m,r direction GNU as uses for register pairs. */
    static void rr(Encoder e, Gpr dst, Gpr src) {
        int bits = Encoder.sameBits(dst, src);
        e.rr(dst.sizeFlags | src.sizeFlags, bits == 8 ? 0x88 : 0x89, src.number, dst.number);
    }

    static void rm(Encoder e, Gpr dst, Mem src) {
        Encoder.memBits(src, dst.bits);
        e.rm(dst.sizeFlags, dst.bits == 8 ? 0x8A : 0x8B, dst.number, src, 0);
    }

    static void mr(Encoder e, Mem dst, Gpr src) {
        Encoder.memBits(dst, src.bits);
        e.rm(src.sizeFlags, src.bits == 8 ? 0x88 : 0x89, src.number, dst, 0);
    }

    /**
     * {@code mov dst, imm} in the shortest form. For a 64-bit register: an immediate in
     * [0, 2^32) uses the 32-bit {@code mov r32, imm32} (B8+r, 5 or 6 bytes), because writing the
     * 32-bit register clears the upper half; a negative value that fits 32 bits uses
     * {@code REX.W C7 /0 imm32} (7 bytes, sign-extended); anything else the 10-byte movabs.
     */
    static void ri(Encoder e, Gpr dst, long imm) {
        int n = dst.number;
        switch (dst.bits) {
            case 8 -> {
                long v = Immediates.truncate(imm, 8, "mov");
                e.o(dst.sizeFlags, 0xB0, n);
                e.imm(v, 1);
            }
            case 16 -> {
                long v = Immediates.truncate(imm, 16, "mov");
                e.o(dst.sizeFlags, 0xB8, n);
                e.imm(v, 2);
            }
            case 32 -> {
                if (imm < Integer.MIN_VALUE || imm > 0xFFFF_FFFFL) {
                    throw new X64EncodingException("mov: immediate " + imm + " does not fit 32 bits");
                }
                e.o(0, 0xB8, n);
                e.imm(imm, 4);
            }
            default -> {
                if (imm >= 0 && imm <= 0xFFFF_FFFFL) {
                    e.o(0, 0xB8, n);
                    e.imm(imm, 4);
                } else if (imm == (int) imm) {
                    e.rr(W, 0xC7, 0, n);
                    e.imm(imm, 4);
                } else {
                    e.o(W, 0xB8, n);
                    e.imm(imm, 8);
                }
            }
        }
    }

    /** {@code mov [mem], imm}: C6 /0 ib or C7 /0 iw/id (a 64-bit store sign-extends imm32). */
    static void mi(Encoder e, Mem dst, int imm) {
        int bits = Encoder.explicitBits(dst, "mov");
        long v = Immediates.truncate(imm, bits, "mov");
        int immBytes = bits == 8 ? 1 : bits == 16 ? 2 : 4;
        e.rm(Encoder.flagsForBits(bits), bits == 8 ? 0xC6 : 0xC7, 0, dst, immBytes);
        e.imm(v, immBytes);
    }

    /** {@code movabs r64, imm64}: always the 10-byte REX.W B8+r io form. */
    static void movabs(Encoder e, Gpr dst, long imm) {
        Encoder.requireBits(dst, 64, "movabs");
        e.o(W, 0xB8, dst.number);
        e.imm(imm, 8);
    }

    /** {@code movabs r64, symbol+addend}: the 64-bit address of a symbol, resolved by the linker. */
    static void movabs(Encoder e, Gpr dst, String symbol, long addend) {
        Encoder.requireBits(dst, 64, "movabs");
        e.o(W, 0xB8, dst.number);
        int field = e.buf.position();
        e.imm(0, 8);
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
        e.op(acc.sizeFlags, acc.bits == 8 ? 0xA0 : 0xA1);
        e.imm(address, 8);
    }

    /** {@code movabs [addr64], acc}: A2/A3. */
    static void storeAbsolute(Encoder e, long address, Gpr acc) {
        checkAccumulator(acc);
        e.op(acc.sizeFlags, acc.bits == 8 ? 0xA2 : 0xA3);
        e.imm(address, 8);
    }

    /** {@code lea dst, [mem]}: 8D /r, 16, 32 or 64 bits. */
    static void lea(Encoder e, Gpr dst, Mem src) {
        Encoder.requireBits(dst, 16 | 32 | 64, "lea");
        e.rm(dst.sizeFlags, 0x8D, dst.number, src, 0);
    }

    /**
     * {@code xchg a, b}: 90+r when one side is the accumulator (as GNU as does; {@code xchg eax,
     * eax} keeps 87 because 90 would not clear the upper half, and {@code xchg rax, rax} is 90),
     * else 86/87 /r with {@code a} in ModRM.rm.
     */
    static void xchg(Encoder e, Gpr a, Gpr b) {
        int bits = Encoder.sameBits(a, b);
        if (bits != 8 && (a.number == 0 || b.number == 0) && !(bits == 32 && a.number == b.number)) {
            Gpr other = a.number == 0 ? b : a;
            e.o(bits == 64 && other.number == 0 ? 0 : other.sizeFlags, 0x90, other.number);
        } else {
            e.rr(a.sizeFlags | b.sizeFlags, bits == 8 ? 0x86 : 0x87, b.number, a.number);
        }
    }

    /** {@code xchg [mem], r}: 86/87 /r (implicitly locked). */
    static void xchg(Encoder e, Mem a, Gpr b) {
        Encoder.memBits(a, b.bits);
        e.rm(b.sizeFlags, b.bits == 8 ? 0x86 : 0x87, b.number, a, 0);
    }

    /** {@code bswap r32/r64}: 0F C8+r. */
    static void bswap(Encoder e, Gpr r) {
        Encoder.requireBits(r, 32 | 64, "bswap");
        e.o(r.sizeFlags, 0x0FC8, r.number);
    }
}
