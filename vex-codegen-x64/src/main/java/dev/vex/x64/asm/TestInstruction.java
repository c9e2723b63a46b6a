package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoder.P66;
import static dev.vex.x64.asm.Encoder.W;
import static dev.vex.x64.asm.Encoding.NONE;
import static dev.vex.x64.asm.Encoding.REG;
import static dev.vex.x64.asm.Encoding.legacy;
import static dev.vex.x64.asm.Format.AI;
import static dev.vex.x64.asm.Format.MI;
import static dev.vex.x64.asm.Format.MR;
import static dev.vex.x64.asm.Operand.*;

import java.util.List;

/**
 * {@code test}: AND that only sets flags. 84/85 /r for registers and memory; A8/A9 for the
 * accumulator with an immediate; F6/F7 /0 otherwise. There is no sign-extended imm8 form, so a
 * 16-, 32- or 64-bit test always carries a full 16- or 32-bit immediate.
 */
final class TestInstruction {
    /** Per width (8, 16, 32, 64 bits), one row per form. */
    private static final Widths MR_FORMS = new Widths(
        legacy("test", "test", MR, 0, 0x84, REG, RM8, R8),
        legacy("test", "test", MR, P66, 0x85, REG, RM16, R16),
        legacy("test", "test", MR, 0, 0x85, REG, RM32, R32),
        legacy("test", "test", MR, W, 0x85, REG, RM64, R64)
    );
    private static final Widths ACC_FORMS = new Widths(
        legacy("test", "test", AI, 0, 0xA8, NONE, AL, IMM8),
        legacy("test", "test", AI, P66, 0xA9, NONE, AX, IMM16),
        legacy("test", "test", AI, 0, 0xA9, NONE, EAX, IMM32),
        legacy("test", "test", AI, W, 0xA9, NONE, RAX, IMM32)
    );
    private static final Widths MI_FORMS = new Widths(
        legacy("test", "test", MI, 0, 0xF6, 0, RM8, IMM8),
        legacy("test", "test", MI, P66, 0xF7, 0, RM16, IMM16),
        legacy("test", "test", MI, 0, 0xF7, 0, RM32, IMM32),
        legacy("test", "test", MI, W, 0xF7, 0, RM64, IMM32)
    );

    private TestInstruction() {
    }

    static List<Encoding> rows() {
        return Rows.concat(MR_FORMS, ACC_FORMS, MI_FORMS);
    }

    static void rr(Encoder e, Gpr a, Gpr b) {
        Encoder.sameBits(a, b);
        e.rr(MR_FORMS.of(a.bits), a.rex | b.rex, b.number, a.number);
    }

    static void mr(Encoder e, Mem a, Gpr b) {
        Encoder.memBits(a, b.bits);
        e.rm(MR_FORMS.of(b.bits), b.rex, b.number, a);
    }

    static void ri(Encoder e, Gpr a, int imm) {
        long v = Immediates.truncate(imm, a.bits, "test");
        if (a.number == 0) {
            Encoding f = ACC_FORMS.of(a.bits);
            e.op(f, 0);
            e.imm(f, v);
        } else {
            Encoding f = MI_FORMS.of(a.bits);
            e.digit(f, a.rex, a.number);
            e.imm(f, v);
        }
    }

    static void mi(Encoder e, Mem a, int imm) {
        int bits = Encoder.explicitBits(a, "test");
        long v = Immediates.truncate(imm, bits, "test");
        Encoding f = MI_FORMS.of(bits);
        e.digit(f, a);
        e.imm(f, v);
    }
}
