package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoding.NONE;
import static dev.vex.x64.asm.Encoding.legacy;
import static dev.vex.x64.asm.Format.D;
import static dev.vex.x64.asm.Format.I;
import static dev.vex.x64.asm.Format.M;
import static dev.vex.x64.asm.Format.ZO;
import static dev.vex.x64.asm.Operand.REL32;
import static dev.vex.x64.asm.Operand.REL8;
import static dev.vex.x64.asm.Operand.RM64;
import static dev.vex.x64.asm.Operand.UIMM16;

import dev.vex.code.FixupFormat;
import dev.vex.code.Label;
import java.util.ArrayList;
import java.util.List;

/**
 * Control transfer: jmp, jcc and call to labels, symbols, registers and memory, and ret.
 *
 * <p><b>Short branches.</b> A branch to a label that is already bound (a backward branch) takes
 * the 2-byte rel8 form when the displacement fits and the rel32 form otherwise. A branch to a
 * label not yet bound (a forward branch) takes rel32, because its distance is unknown and the
 * bytes already emitted after it cannot move; a caller who knows the target is near asks for
 * {@code jmpShort}/{@code jccShort}, and if the label is then bound out of reach, binding throws
 * {@link dev.vex.code.CodeException} rather than leaving a wrong displacement. This is the
 * simple, always-sound strategy; a relaxation pass over a finished function can come later
 * without changing the API.
 *
 * <p>The rel8 and rel32 forms are written straight into the buffer (two or three opcode-and-
 * displacement writes, the hottest path of the assembler); their opcodes come from the rows.
 */
final class BranchInstructions {
    static final Encoding JMP_REL8 = legacy("branch", "jmp", D, 0, 0xEB, NONE, REL8);
    static final Encoding JMP_REL32 = legacy("branch", "jmp", D, 0, 0xE9, NONE, REL32);
    static final Encoding CALL_REL32 = legacy("branch", "call", D, 0, 0xE8, NONE, REL32);
    static final Encoding CALL_M = legacy("branch", "call", M, 0, 0xFF, 2, RM64);
    static final Encoding JMP_M = legacy("branch", "jmp", M, 0, 0xFF, 4, RM64);
    private static final Encoding RET = legacy("branch", "ret", ZO, 0, 0xC3, NONE);
    private static final Encoding RET_IMM = legacy("branch", "ret", I, 0, 0xC2, NONE, UIMM16);
    /** By condition code. */
    private static final Encoding[] JCC_REL8 = new Encoding[16];
    private static final Encoding[] JCC_REL32 = new Encoding[16];

    static {
        for (Cond cc : Cond.values()) {
            JCC_REL8[cc.code] = legacy("branch", "j" + cc.suffix(), D, 0, 0x70 + cc.code, NONE, REL8);
            JCC_REL32[cc.code] = legacy("branch", "j" + cc.suffix(), D, 0, 0x0F80 + cc.code, NONE, REL32);
        }
    }

    private BranchInstructions() {
    }

    static List<Encoding> rows() {
        List<Encoding> all = new ArrayList<>(List.of(JMP_REL8, JMP_REL32, CALL_REL32, CALL_M, JMP_M, RET, RET_IMM));
        all.addAll(Rows.of(JCC_REL8));
        all.addAll(Rows.of(JCC_REL32));
        return all;
    }

    static void jmp(Encoder e, Label target) {
        int pos = e.buf.position();
        if (target.isBound() && Encoder.isInt8(target.position() - (pos + 2))) {
            e.buf.put11(JMP_REL8.opcode(), target.position() - (pos + 2));
            return;
        }
        e.buf.put14(JMP_REL32.opcode(), 0);
        e.buf.useLabel(target, FixupFormat.PC_REL32, pos + 1, -4);
    }

    static void jmpShort(Encoder e, Label target) {
        int pos = e.buf.position();
        e.buf.put11(JMP_REL8.opcode(), 0);
        e.buf.useLabel(target, FixupFormat.PC_REL8, pos + 1, -1);
    }

    static void jcc(Encoder e, Cond cc, Label target) {
        int pos = e.buf.position();
        if (target.isBound() && Encoder.isInt8(target.position() - (pos + 2))) {
            e.buf.put11(JCC_REL8[cc.code].opcode(), target.position() - (pos + 2));
            return;
        }
        int opcode = JCC_REL32[cc.code].opcode();
        e.buf.put1(opcode >>> 8);
        e.buf.put14(opcode & 0xFF, 0);
        e.buf.useLabel(target, FixupFormat.PC_REL32, pos + 2, -4);
    }

    static void jccShort(Encoder e, Cond cc, Label target) {
        int pos = e.buf.position();
        e.buf.put11(JCC_REL8[cc.code].opcode(), 0);
        e.buf.useLabel(target, FixupFormat.PC_REL8, pos + 1, -1);
    }

    static void call(Encoder e, Label target) {
        int pos = e.buf.position();
        e.buf.put14(CALL_REL32.opcode(), 0);
        e.buf.useLabel(target, FixupFormat.PC_REL32, pos + 1, -4);
    }

    /**
     * A rel32 call or jump ({@link #CALL_REL32}, {@link #JMP_REL32}) to a symbol resolved by the
     * linker: the relocation's addend is -4 because the displacement counts from the end of the
     * instruction (ELF's R_X86_64_PLT32).
     */
    static void toSymbol(Encoder e, Encoding form, String symbol) {
        int pos = e.buf.position();
        e.buf.put14(form.opcode(), 0);
        e.buf.addRelocation(pos + 1, FixupFormat.PC_REL32, symbol, -4);
    }

    /** call ({@link #CALL_M}) or jmp ({@link #JMP_M}) through a 64-bit register. */
    static void indirect(Encoder e, Encoding form, Gpr target) {
        Encoder.requireBits(target, 64, form.mnemonic());
        e.digit(form, 0, target.number);
    }

    static void indirect(Encoder e, Encoding form, Mem target) {
        Encoder.memBits(target, 64);
        e.digit(form, target);
    }

    static void ret(Encoder e, int popBytes) {
        if (popBytes == 0) {
            e.buf.put1(RET.opcode());
        } else {
            if (popBytes < 0 || popBytes > 0xFFFF) {
                throw new X64EncodingException("ret pops 0 to 65535 bytes, not " + popBytes);
            }
            e.op(RET_IMM, 0);
            e.imm(RET_IMM, popBytes);
        }
    }
}
