package dev.vex.x64.asm;

import java.util.Locale;

/**
 * The operand kinds of an {@link Encoding} row, spelled as the Intel manual spells them
 * ({@code r/m64}, {@code imm8}, {@code xmm/m32}). A kind says what may stand there (a register,
 * memory, either, a fixed register, an immediate, a branch displacement) and its width.
 */
public enum Operand {
    R8(Kind.GPR, 8, "r8"), R16(Kind.GPR, 16, "r16"), R32(Kind.GPR, 32, "r32"), R64(Kind.GPR, 64, "r64"),
    RM8(Kind.GPR_OR_MEM, 8, "r/m8"), RM16(Kind.GPR_OR_MEM, 16, "r/m16"), RM32(Kind.GPR_OR_MEM, 32, "r/m32"),
    RM64(Kind.GPR_OR_MEM, 64, "r/m64"),
    /** An address whose width does not matter (lea). */
    M(Kind.MEM, 0, "m"),
    M8(Kind.MEM, 8, "m8"), M16(Kind.MEM, 16, "m16"), M32(Kind.MEM, 32, "m32"), M64(Kind.MEM, 64, "m64"),
    AL(Kind.FIXED, 8, "al"), AX(Kind.FIXED, 16, "ax"), EAX(Kind.FIXED, 32, "eax"), RAX(Kind.FIXED, 64, "rax"),
    CL(Kind.FIXED, 8, "cl"),
    /** The implied shift count of the D0/D1 forms. */
    ONE(Kind.FIXED, 8, "1"),
    /** Signed immediates; an imm8 or imm32 of a wider operation is sign-extended to its width. */
    IMM8(Kind.IMM, 8, "imm8"), IMM16(Kind.IMM, 16, "imm16"), IMM32(Kind.IMM, 32, "imm32"), IMM64(Kind.IMM, 64, "imm64"),
    /** Unsigned immediates: counts, bit indices, rounding modes, ret's pop size. */
    UIMM8(Kind.UIMM, 8, "uimm8"), UIMM16(Kind.UIMM, 16, "uimm16"),
    REL8(Kind.REL, 8, "rel8"), REL32(Kind.REL, 32, "rel32"),
    /** A 64-bit absolute address (movabs with the accumulator). */
    MOFFS64(Kind.MOFFS, 64, "moffs64"),
    XMM(Kind.XMM, 128, "xmm"),
    XMM_M32(Kind.XMM_OR_MEM, 32, "xmm/m32"), XMM_M64(Kind.XMM_OR_MEM, 64, "xmm/m64"),
    XMM_M128(Kind.XMM_OR_MEM, 128, "xmm/m128");

    /** What may stand in an operand position. */
    public enum Kind { GPR, GPR_OR_MEM, MEM, FIXED, IMM, UIMM, REL, MOFFS, XMM, XMM_OR_MEM }

    public final Kind kind;
    /** The width in bits: of the register or memory, or of the immediate field. 0 for an unsized address. */
    public final int bits;
    /** The Intel manual's spelling. */
    public final String text;

    Operand(Kind kind, int bits, String text) {
        this.kind = kind;
        this.bits = bits;
        this.text = text;
    }

    /** Bytes this operand adds after ModRM/SIB/displacement (immediates, displacements, addresses). */
    int trailingBytes() {
        return switch (kind) {
            case IMM, UIMM, REL, MOFFS -> bits / 8;
            default -> 0;
        };
    }

    /** Whether a register (not memory) may stand here. */
    public boolean acceptsRegister() {
        return kind != Kind.MEM;
    }

    /** Whether memory may stand here. */
    public boolean acceptsMemory() {
        return kind == Kind.MEM || kind == Kind.GPR_OR_MEM || kind == Kind.XMM_OR_MEM;
    }

    /** The register a fixed operand names ({@code al}, {@code cl}, ...), or its literal text. */
    public String fixedText() {
        return text.toLowerCase(Locale.ROOT);
    }
}
