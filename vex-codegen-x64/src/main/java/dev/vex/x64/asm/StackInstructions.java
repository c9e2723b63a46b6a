package dev.vex.x64.asm;

/**
 * push and pop of 64-bit values: 50+r / 58+r for registers, FF /6 / 8F /0 for memory, and push of
 * a sign-extended immediate (6A ib or 68 id).
 */
final class StackInstructions {
    private StackInstructions() {
    }

    static void push(Encoder e, Gpr r) {
        Encoder.requireBits(r, 64, "push");
        e.o(0, 0x50, r.number);
    }

    static void pop(Encoder e, Gpr r) {
        Encoder.requireBits(r, 64, "pop");
        e.o(0, 0x58, r.number);
    }

    static void push(Encoder e, Mem m) {
        Encoder.memBits(m, 64);
        e.rm(0, 0xFF, 6, m, 0);
    }

    static void pop(Encoder e, Mem m) {
        Encoder.memBits(m, 64);
        e.rm(0, 0x8F, 0, m, 0);
    }

    static void push(Encoder e, int imm) {
        if (Encoder.isInt8(imm)) {
            e.op(0, 0x6A);
            e.imm(imm, 1);
        } else {
            e.op(0, 0x68);
            e.imm(imm, 4);
        }
    }
}
