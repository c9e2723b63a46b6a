package dev.vex.x64.asm;

/**
 * {@code test}: AND that only sets flags. 84/85 /r for registers and memory; A8/A9 for the
 * accumulator with an immediate; F6/F7 /0 otherwise. There is no sign-extended imm8 form, so a
 * 16-, 32- or 64-bit test always carries a full 16- or 32-bit immediate.
 */
final class TestInstruction {
    private TestInstruction() {
    }

    static void rr(Encoder e, Gpr a, Gpr b) {
        int bits = Encoder.sameBits(a, b);
        e.rr(a.sizeFlags | b.sizeFlags, bits == 8 ? 0x84 : 0x85, b.number, a.number);
    }

    static void mr(Encoder e, Mem a, Gpr b) {
        Encoder.memBits(a, b.bits);
        e.rm(b.sizeFlags, b.bits == 8 ? 0x84 : 0x85, b.number, a, 0);
    }

    static void ri(Encoder e, Gpr a, int imm) {
        int bits = a.bits;
        long v = Immediates.truncate(imm, bits, "test");
        int immBytes = bits == 8 ? 1 : bits == 16 ? 2 : 4;
        if (a.number == 0) {
            e.op(a.sizeFlags, bits == 8 ? 0xA8 : 0xA9);
        } else {
            e.rr(a.sizeFlags, bits == 8 ? 0xF6 : 0xF7, 0, a.number);
        }
        e.imm(v, immBytes);
    }

    static void mi(Encoder e, Mem a, int imm) {
        int bits = Encoder.explicitBits(a, "test");
        long v = Immediates.truncate(imm, bits, "test");
        int immBytes = bits == 8 ? 1 : bits == 16 ? 2 : 4;
        e.rm(Encoder.flagsForBits(bits), bits == 8 ? 0xF6 : 0xF7, 0, a, immBytes);
        e.imm(v, immBytes);
    }
}
