package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoding.NONE;
import static dev.vex.x64.asm.Encoding.legacy;
import static dev.vex.x64.asm.Format.I;
import static dev.vex.x64.asm.Format.M;
import static dev.vex.x64.asm.Format.O;
import static dev.vex.x64.asm.Operand.IMM32;
import static dev.vex.x64.asm.Operand.IMM8;
import static dev.vex.x64.asm.Operand.R64;
import static dev.vex.x64.asm.Operand.RM64;

import java.util.List;

/**
 * push and pop of 64-bit values: 50+r / 58+r for registers, FF /6 / 8F /0 for memory, and push of
 * a sign-extended immediate (6A ib or 68 id).
 */
final class StackInstructions {
    private static final Encoding PUSH_R = legacy("stack", "push", O, 0, 0x50, NONE, R64);
    private static final Encoding POP_R = legacy("stack", "pop", O, 0, 0x58, NONE, R64);
    private static final Encoding PUSH_M = legacy("stack", "push", M, 0, 0xFF, 6, RM64);
    private static final Encoding POP_M = legacy("stack", "pop", M, 0, 0x8F, 0, RM64);
    private static final Encoding PUSH_IMM8 = legacy("stack", "push", I, 0, 0x6A, NONE, IMM8);
    private static final Encoding PUSH_IMM32 = legacy("stack", "push", I, 0, 0x68, NONE, IMM32);

    private StackInstructions() {
    }

    static List<Encoding> rows() {
        return List.of(PUSH_R, POP_R, PUSH_M, POP_M, PUSH_IMM8, PUSH_IMM32);
    }

    static void push(Encoder e, Gpr r) {
        Encoder.requireBits(r, 64, "push");
        e.o(PUSH_R, 0, r.number);
    }

    static void pop(Encoder e, Gpr r) {
        Encoder.requireBits(r, 64, "pop");
        e.o(POP_R, 0, r.number);
    }

    static void push(Encoder e, Mem m) {
        Encoder.memBits(m, 64);
        e.digit(PUSH_M, m);
    }

    static void pop(Encoder e, Mem m) {
        Encoder.memBits(m, 64);
        e.digit(POP_M, m);
    }

    static void push(Encoder e, int imm) {
        Encoding f = Encoder.isInt8(imm) ? PUSH_IMM8 : PUSH_IMM32;
        e.op(f, 0);
        e.imm(f, imm);
    }
}
