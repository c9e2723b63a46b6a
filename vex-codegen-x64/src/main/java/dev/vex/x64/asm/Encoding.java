package dev.vex.x64.asm;

import java.util.List;
import java.util.Locale;

/**
 * One row of an instruction family's table: a single encoding form, as the Intel manual lists it
 * ({@code REX.W 01 /r  add r/m64, r64  MR}). It says which operands the form takes and where they
 * go ({@link Format}), the prefixes (REX.W, 66, F2, F3; for VEX forms the same flags stand for
 * VEX.W and VEX.pp), the opcode bytes with their escapes ({@code 0x0FAF} is {@code 0F AF}; a VEX
 * form's escape is its map), the ModRM use ({@code /r} or {@code /digit}), the immediate size and
 * the CPU feature it needs.
 *
 * <p>The rows are the single source of the encoding facts: the assembler's families emit from
 * them, {@link dev.vex.x64.disasm.X64Disassembler} decodes with them, and the encoding matrix in
 * the tests checks that every row is emitted and decodes back to itself. {@link EncodingTable}
 * lists them all.
 */
public record Encoding(String family, String mnemonic, Format format, List<Operand> operands, int prefixes, int opcode,
        int modrm, int immBytes, CpuFeature feature, boolean vex, int vexPp, int vexMap, int vexW) {
    // A record, so that the JIT treats a constant row's fields as constants: a family that emits
    // a row held in a static final field costs no more than one that wrote the bytes as literals.
    // The components: the family (one file of the assembler) the row belongs to, e.g. "alu";
    // the operands in Intel order; the Encoder prefix flags (W, P66, PF2, PF3); the opcode with
    // its escape bytes, most significant first (for O forms the register-0 opcode); the ModRM
    // use (REG, NONE or the opcode extension 0..7); the bytes after ModRM/SIB/displacement; the
    // CPU feature or null when every x86-64 CPU has the form; whether it is VEX-encoded, and then
    // its VEX.pp, VEX.mmmmm and VEX.W.

    /** {@link #modrm} of a form whose ModRM.reg holds a register operand ({@code /r}). */
    public static final int REG = -1;
    /** {@link #modrm} of a form without a ModRM byte. */
    public static final int NONE = -2;

    public Encoding {
        operands = List.copyOf(operands);
        if (operands.size() != format.slots.size()) {
            throw new IllegalStateException(mnemonic + ": " + format + " takes " + format.slots.size() + " operands");
        }
        boolean wantsDigit = format.hasOpcodeExtension();
        boolean ok = format.hasModRm() ? (wantsDigit ? modrm >= 0 && modrm <= 7 : modrm == REG) : modrm == NONE;
        if (!ok) {
            throw new IllegalStateException(mnemonic + ": ModRM use does not fit " + format);
        }
        if (vex && vexMap == 0) {
            throw new IllegalStateException(mnemonic + ": a VEX form needs a 0F, 0F38 or 0F3A map");
        }
    }

    private static Encoding make(String family, String mnemonic, Format format, int prefixes, int opcode, int modrm,
            CpuFeature feature, boolean vex, Operand... operands) {
        int imm = 0;
        for (Operand o : operands) {
            imm += o.trailingBytes();
        }
        int vexW = (prefixes & Encoder.W) != 0 ? 1 : 0;
        int vexPp = (prefixes & Encoder.P66) != 0 ? Encoder.VEX_66 : (prefixes & Encoder.PF3) != 0 ? Encoder.VEX_F3
                : (prefixes & Encoder.PF2) != 0 ? Encoder.VEX_F2 : Encoder.VEX_NONE;
        int vexMap = switch (opcode >>> 8) {
            case 0x0F -> Encoder.MAP_0F;
            case 0x0F38 -> Encoder.MAP_0F38;
            case 0x0F3A -> Encoder.MAP_0F3A;
            default -> 0;
        };
        return new Encoding(family, mnemonic, format, List.of(operands), prefixes, opcode, modrm, imm, feature, vex,
            vexPp, vexMap, vexW);
    }

    /** A legacy (non-VEX) form. */
    static Encoding legacy(String family, String mnemonic, Format format, int prefixes, int opcode, int modrm,
            CpuFeature feature, Operand... operands) {
        return make(family, mnemonic, format, prefixes, opcode, modrm, feature, false, operands);
    }

    /** A legacy form every x86-64 CPU has. */
    static Encoding legacy(String family, String mnemonic, Format format, int prefixes, int opcode, int modrm,
            Operand... operands) {
        return legacy(family, mnemonic, format, prefixes, opcode, modrm, null, operands);
    }

    /** A VEX form (VEX.L is 0: scalar or LZ); {@code opcode} carries the map as its escape (0x0F38F2). */
    static Encoding vex(String family, String mnemonic, Format format, int prefixes, int opcode, int modrm,
            CpuFeature feature, Operand... operands) {
        return make(family, mnemonic, format, prefixes, opcode, modrm, feature, true, operands);
    }

    /** REX.W (legacy) or VEX.W. */
    public boolean w() {
        return (prefixes & Encoder.W) != 0;
    }

    /** The 66 prefix (operand size or mandatory; VEX.pp = 66 for VEX forms). */
    public boolean p66() {
        return (prefixes & Encoder.P66) != 0;
    }

    /** The F2 prefix (mandatory; VEX.pp = F2 for VEX forms). */
    public boolean pF2() {
        return (prefixes & Encoder.PF2) != 0;
    }

    /** The F3 prefix (mandatory; VEX.pp = F3 for VEX forms). */
    public boolean pF3() {
        return (prefixes & Encoder.PF3) != 0;
    }

    /** The lock prefix (F0): part of the form for the read-modify-write rows that are only atomic with it. */
    public boolean lock() {
        return (prefixes & Encoder.LOCK) != 0;
    }

    /** The opcode map: 0 for one-byte opcodes, 1 for 0F, 2 for 0F 38, 3 for 0F 3A. */
    public int map() {
        if (fixedModRm() >= 0) {
            return 1;
        }
        return switch (opcode >>> 8) {
            case 0 -> 0;
            case 0x0F -> 1;
            case 0x0F38 -> 2;
            case 0x0F3A -> 3;
            default -> throw new IllegalStateException("opcode " + Integer.toHexString(opcode));
        };
    }

    /** The last opcode byte (for O forms, the one for register 0). */
    public int opcodeByte() {
        return opcode & 0xFF;
    }

    /**
     * For the few operand-less forms whose third opcode byte is really a fixed ModRM
     * ({@code mfence} is 0F AE F0): that byte; else -1. Such a form decodes under its second byte.
     */
    public int fixedModRm() {
        int escape = opcode >>> 8;
        return !vex && opcode > 0xFFFF && escape != 0x0F38 && escape != 0x0F3A ? opcode & 0xFF : -1;
    }

    /** The opcode byte a decoder files this form under (in its {@link #map()}). */
    public int decodeByte() {
        return fixedModRm() >= 0 ? (opcode >>> 8) & 0xFF : opcodeByte();
    }

    /** The row as the manual prints it: opcode column, instruction, Op/En and feature. */
    @Override
    public String toString() {
        StringBuilder enc = new StringBuilder();
        if (vex) {
            enc.append("VEX.L0.").append(p66() ? "66." : pF2() ? "F2." : pF3() ? "F3." : "")
                .append(vexMap == Encoder.MAP_0F ? "0F" : vexMap == Encoder.MAP_0F38 ? "0F38" : "0F3A")
                .append(w() ? ".W1 " : ".W0 ").append(hex2(opcodeByte()));
        } else {
            if (p66()) {
                enc.append("66 ");
            }
            if (lock()) {
                enc.append("F0 ");
            }
            if (pF2()) {
                enc.append("F2 ");
            }
            if (pF3()) {
                enc.append("F3 ");
            }
            if (w()) {
                enc.append("REX.W ");
            }
            for (int shift = 16; shift > 0; shift -= 8) {
                if (opcode >>> shift != 0) {
                    enc.append(hex2((opcode >>> shift) & 0xFF)).append(' ');
                }
            }
            enc.append(hex2(opcodeByte()));
            if (format.slots.contains(Format.Slot.OPCODE_REG)) {
                enc.append("+r");
            }
        }
        if (modrm == REG) {
            enc.append(" /r");
        } else if (modrm >= 0) {
            enc.append(" /").append(modrm);
        }
        for (Operand o : operands) {
            if (o.trailingBytes() > 0) {
                enc.append(o.kind == Operand.Kind.REL ? " c" : " i").append(switch (o.trailingBytes()) {
                    case 1 -> 'b';
                    case 2 -> 'w';
                    case 4 -> 'd';
                    default -> 'o';
                });
            }
        }
        StringBuilder ins = new StringBuilder(mnemonic);
        for (int i = 0; i < operands.size(); i++) {
            ins.append(i == 0 ? " " : ", ").append(operands.get(i).text);
        }
        return String.format(Locale.ROOT, "%-28s %-34s %-4s %s", enc, ins, format, feature == null ? "" : feature).stripTrailing();
    }

    private static String hex2(int b) {
        return String.format(Locale.ROOT, "%02X", b);
    }
}
