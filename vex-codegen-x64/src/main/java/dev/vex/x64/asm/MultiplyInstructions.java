package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoder.P66;
import static dev.vex.x64.asm.Encoder.W;
import static dev.vex.x64.asm.Encoding.NONE;
import static dev.vex.x64.asm.Encoding.REG;
import static dev.vex.x64.asm.Encoding.legacy;
import static dev.vex.x64.asm.Format.RM;
import static dev.vex.x64.asm.Format.RMI;
import static dev.vex.x64.asm.Format.ZO;
import static dev.vex.x64.asm.Operand.*;

import java.util.List;

/**
 * The two- and three-operand imul (0F AF /r; 6B /r ib or 69 /r iz) and the sign extensions of
 * the accumulator into rdx that set up division (cwd, cdq, cqo) or widen rax in place (cdqe).
 * The one-operand mul, imul, div and idiv are in {@link UnaryOp}.
 */
final class MultiplyInstructions {
    /** Per width (none for 8 bits). */
    private static final Widths IMUL = new Widths(
        null,
        legacy("multiply", "imul", RM, P66, 0x0FAF, REG, R16, RM16),
        legacy("multiply", "imul", RM, 0, 0x0FAF, REG, R32, RM32),
        legacy("multiply", "imul", RM, W, 0x0FAF, REG, R64, RM64)
    );
    private static final Widths IMUL_IMM8 = new Widths(
        null,
        legacy("multiply", "imul", RMI, P66, 0x6B, REG, R16, RM16, IMM8),
        legacy("multiply", "imul", RMI, 0, 0x6B, REG, R32, RM32, IMM8),
        legacy("multiply", "imul", RMI, W, 0x6B, REG, R64, RM64, IMM8)
    );
    private static final Widths IMUL_IMM = new Widths(
        null,
        legacy("multiply", "imul", RMI, P66, 0x69, REG, R16, RM16, IMM16),
        legacy("multiply", "imul", RMI, 0, 0x69, REG, R32, RM32, IMM32),
        legacy("multiply", "imul", RMI, W, 0x69, REG, R64, RM64, IMM32)
    );
    /** cwd, cdq, cqo by width (none for 8 bits). */
    private static final Widths INTO_RDX = new Widths(
        null,
        legacy("multiply", "cwd", ZO, P66, 0x99, NONE),
        legacy("multiply", "cdq", ZO, 0, 0x99, NONE),
        legacy("multiply", "cqo", ZO, W, 0x99, NONE)
    );
    private static final Encoding CDQE = legacy("multiply", "cdqe", ZO, W, 0x98, NONE);

    private MultiplyInstructions() {
    }

    static List<Encoding> rows() {
        return Rows.concat(IMUL, IMUL_IMM8, IMUL_IMM, INTO_RDX, new Widths(null, null, null, CDQE));
    }

    static void imul(Encoder e, Gpr dst, Gpr src) {
        Encoder.sameBits(dst, src);
        Encoder.requireBits(dst, 16 | 32 | 64, "imul");
        e.rr(IMUL.of(dst.bits), 0, dst.number, src.number);
    }

    static void imul(Encoder e, Gpr dst, Mem src) {
        Encoder.requireBits(dst, 16 | 32 | 64, "imul");
        Encoder.memBits(src, dst.bits);
        e.rm(IMUL.of(dst.bits), 0, dst.number, src);
    }

    static void imul(Encoder e, Gpr dst, Gpr src, int imm) {
        Encoder.sameBits(dst, src);
        Encoder.requireBits(dst, 16 | 32 | 64, "imul");
        long v = Immediates.truncate(imm, dst.bits, "imul");
        Encoding f = Encoder.isInt8(v) ? IMUL_IMM8.of(dst.bits) : IMUL_IMM.of(dst.bits);
        e.rr(f, 0, dst.number, src.number);
        e.imm(f, v);
    }

    static void imul(Encoder e, Gpr dst, Mem src, int imm) {
        Encoder.requireBits(dst, 16 | 32 | 64, "imul");
        Encoder.memBits(src, dst.bits);
        long v = Immediates.truncate(imm, dst.bits, "imul");
        Encoding f = Encoder.isInt8(v) ? IMUL_IMM8.of(dst.bits) : IMUL_IMM.of(dst.bits);
        e.rm(f, 0, dst.number, src);
        e.imm(f, v);
    }

    /** cwd (66 99), cdq (99) or cqo (48 99): sign-extend ax/eax/rax into dx/edx/rdx. */
    static void signExtendIntoRdx(Encoder e, int bits) {
        e.op(INTO_RDX.of(bits), 0);
    }

    /** cdqe (48 98): sign-extend eax into rax. */
    static void cdqe(Encoder e) {
        e.op(CDQE, 0);
    }
}
