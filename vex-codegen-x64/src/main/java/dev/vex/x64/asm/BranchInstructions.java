package dev.vex.x64.asm;

import dev.vex.code.FixupFormat;
import dev.vex.code.Label;

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
 */
final class BranchInstructions {
    private BranchInstructions() {
    }

    static void jmp(Encoder e, Label target) {
        int pos = e.buf.position();
        if (target.isBound() && Encoder.isInt8(target.position() - (pos + 2))) {
            e.buf.put11(0xEB, target.position() - (pos + 2));
            return;
        }
        e.buf.put14(0xE9, 0);
        e.buf.useLabel(target, FixupFormat.PC_REL32, pos + 1, -4);
    }

    static void jmpShort(Encoder e, Label target) {
        int pos = e.buf.position();
        e.buf.put11(0xEB, 0);
        e.buf.useLabel(target, FixupFormat.PC_REL8, pos + 1, -1);
    }

    static void jcc(Encoder e, Cond cc, Label target) {
        int pos = e.buf.position();
        if (target.isBound() && Encoder.isInt8(target.position() - (pos + 2))) {
            e.buf.put11(0x70 + cc.code, target.position() - (pos + 2));
            return;
        }
        e.buf.put1(0x0F);
        e.buf.put14(0x80 + cc.code, 0);
        e.buf.useLabel(target, FixupFormat.PC_REL32, pos + 2, -4);
    }

    static void jccShort(Encoder e, Cond cc, Label target) {
        int pos = e.buf.position();
        e.buf.put11(0x70 + cc.code, 0);
        e.buf.useLabel(target, FixupFormat.PC_REL8, pos + 1, -1);
    }

    static void call(Encoder e, Label target) {
        int pos = e.buf.position();
        e.buf.put14(0xE8, 0);
        e.buf.useLabel(target, FixupFormat.PC_REL32, pos + 1, -4);
    }

    /**
     * A rel32 call or jump to a symbol resolved by the linker: the relocation's addend is -4
     * because the displacement counts from the end of the instruction (ELF's R_X86_64_PLT32).
     */
    static void toSymbol(Encoder e, int opcode, String symbol) {
        int pos = e.buf.position();
        e.buf.put14(opcode, 0);
        e.buf.addRelocation(pos + 1, FixupFormat.PC_REL32, symbol, -4);
    }

    /** call (digit 2) or jmp (digit 4) through a 64-bit register: FF /digit. */
    static void indirect(Encoder e, int digit, Gpr target) {
        Encoder.requireBits(target, 64, digit == 2 ? "call" : "jmp");
        e.rr(0, 0xFF, digit, target.number);
    }

    static void indirect(Encoder e, int digit, Mem target) {
        Encoder.memBits(target, 64);
        e.rm(0, 0xFF, digit, target, 0);
    }

    static void ret(Encoder e, int popBytes) {
        if (popBytes == 0) {
            e.buf.put1(0xC3);
        } else {
            if (popBytes < 0 || popBytes > 0xFFFF) {
                throw new X64EncodingException("ret pops 0 to 65535 bytes, not " + popBytes);
            }
            e.buf.put1(0xC2);
            e.buf.put2(popBytes);
        }
    }
}
