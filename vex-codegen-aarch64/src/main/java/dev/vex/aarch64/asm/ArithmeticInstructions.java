package dev.vex.aarch64.asm;

import dev.vex.code.CodeBuffer;
import java.util.Set;

/**
 * Add and subtract, bitwise logic and the moves of immediates and registers, with the aliases
 * isel writes (CMP, CMN, TST, NEG, MVN, MOV).
 */
public abstract sealed class ArithmeticInstructions extends AssemblerCore permits BitInstructions {
    ArithmeticInstructions(CodeBuffer buf, Set<Feature> features) {
        super(buf, features);
    }

    // ---- add and subtract ----------------------------------------------------------------------

    /**
     * An add/sub immediate row: {@code imm} in [0, 4095], or a multiple of 4096 up to
     * 4095 << 12 (encoded with LSL #12).
     */
    public A64Assembler addSubImm(AddSub row, Reg d, Reg n, long imm) {
        Encoding e = row.encoding();
        String m = e.mnemonic();
        if (e.form() != Form.ADDSUB_IMM) {
            throw new IllegalArgumentException(row + " is not an immediate form");
        }
        sameWidth(m, d, n);
        boolean setsFlags = row == AddSub.ADDS_IMM || row == AddSub.SUBS_IMM;
        int rd = setsFlags ? zr(m, d) : sp(m, d);
        int rn = sp(m, n);
        int bits;
        if (imm >= 0 && imm < 4096) {
            bits = Field.IMM12.put((int) imm);
        } else if (imm > 0 && (imm & 0xFFF) == 0 && imm >>> 12 < 4096) {
            bits = Field.IMM12.put((int) (imm >>> 12)) | Field.SH.put(1);
        } else {
            throw new A64EncodingException(m + ": immediate " + imm + " is neither in [0, 4095] nor such a value shifted left by 12");
        }
        return emit(e.bits() | sf(d) | bits | Field.RN.put(rn) | Field.RD.put(rd));
    }

    /** An add/sub shifted-register row: {@code m} shifted by LSL, LSR or ASR. */
    public A64Assembler addSubShifted(AddSub row, Reg d, Reg n, Reg rm, Shift shift, int amount) {
        Encoding e = row.encoding();
        String m = e.mnemonic();
        if (e.form() != Form.ADDSUB_SHIFTED) {
            throw new IllegalArgumentException(row + " is not a shifted-register form");
        }
        sameWidth(m, d, n, rm);
        if (shift == Shift.ROR) {
            throw new A64EncodingException(m + ": ror is not a shift of add and subtract");
        }
        checkRange(m, "shift amount", amount, 0, d.is64() ? 63 : 31);
        return emit(e.bits() | sf(d) | Field.SHIFT.put(shift.code()) | Field.RM.put(zr(m, rm)) | Field.IMM6.put(amount)
            | Field.RN.put(zr(m, n)) | Field.RD.put(zr(m, d)));
    }

    /**
     * An add/sub extended-register row: {@code rm} (a W register, or an X register for UXTX and
     * SXTX) extended, then shifted left by 0 to 4. Here sp is allowed as {@code n}, and as
     * {@code d} for the forms that do not set flags.
     */
    public A64Assembler addSubExtended(AddSub row, Reg d, Reg n, Reg rm, Extend extend, int amount) {
        Encoding e = row.encoding();
        String m = e.mnemonic();
        if (e.form() != Form.ADDSUB_EXTENDED) {
            throw new IllegalArgumentException(row + " is not an extended-register form");
        }
        sameWidth(m, d, n);
        if (rm.is64() != (extend.takesX())) {
            throw new A64EncodingException(m + ": " + extend.text() + " extends " + (extend.takesX() ? "an X" : "a W")
                + " register, not " + rm);
        }
        if (!d.is64() && extend.takesX()) {
            throw new A64EncodingException(m + ": " + extend.text() + " needs 64-bit operands");
        }
        checkRange(m, "shift amount", amount, 0, 4);
        boolean setsFlags = row == AddSub.ADDS_EXTENDED || row == AddSub.SUBS_EXTENDED;
        int rd = setsFlags ? zr(m, d) : sp(m, d);
        return emit(e.bits() | sf(d) | Field.RM.put(zr(m, rm)) | Field.OPTION.put(extend.code()) | Field.IMM3.put(amount)
            | Field.RN.put(sp(m, n)) | Field.RD.put(rd));
    }

    /** {@code d = n + imm} (sp allowed as d and n). */
    public A64Assembler add(Reg d, Reg n, long imm) {
        return addSubImm(AddSub.ADD_IMM, d, n, imm);
    }

    public A64Assembler adds(Reg d, Reg n, long imm) {
        return addSubImm(AddSub.ADDS_IMM, d, n, imm);
    }

    public A64Assembler sub(Reg d, Reg n, long imm) {
        return addSubImm(AddSub.SUB_IMM, d, n, imm);
    }

    public A64Assembler subs(Reg d, Reg n, long imm) {
        return addSubImm(AddSub.SUBS_IMM, d, n, imm);
    }

    /** {@code d = n + m}; with sp as d or n this is the extended form (UXTX/UXTW). */
    public A64Assembler add(Reg d, Reg n, Reg m) {
        if (d.isSp() || n.isSp()) {
            return addSubExtended(AddSub.ADD_EXTENDED, d, n, m, m.is64() ? Extend.UXTX : Extend.UXTW, 0);
        }
        return addSubShifted(AddSub.ADD_SHIFTED, d, n, m, Shift.LSL, 0);
    }

    public A64Assembler add(Reg d, Reg n, Reg m, Shift shift, int amount) {
        return addSubShifted(AddSub.ADD_SHIFTED, d, n, m, shift, amount);
    }

    public A64Assembler add(Reg d, Reg n, Reg m, Extend extend, int amount) {
        return addSubExtended(AddSub.ADD_EXTENDED, d, n, m, extend, amount);
    }

    public A64Assembler adds(Reg d, Reg n, Reg m) {
        return addSubShifted(AddSub.ADDS_SHIFTED, d, n, m, Shift.LSL, 0);
    }

    public A64Assembler sub(Reg d, Reg n, Reg m) {
        if (d.isSp() || n.isSp()) {
            return addSubExtended(AddSub.SUB_EXTENDED, d, n, m, m.is64() ? Extend.UXTX : Extend.UXTW, 0);
        }
        return addSubShifted(AddSub.SUB_SHIFTED, d, n, m, Shift.LSL, 0);
    }

    public A64Assembler sub(Reg d, Reg n, Reg m, Shift shift, int amount) {
        return addSubShifted(AddSub.SUB_SHIFTED, d, n, m, shift, amount);
    }

    public A64Assembler sub(Reg d, Reg n, Reg m, Extend extend, int amount) {
        return addSubExtended(AddSub.SUB_EXTENDED, d, n, m, extend, amount);
    }

    public A64Assembler subs(Reg d, Reg n, Reg m) {
        return addSubShifted(AddSub.SUBS_SHIFTED, d, n, m, Shift.LSL, 0);
    }

    /** CMP: SUBS to the zero register. */
    public A64Assembler cmp(Reg n, long imm) {
        return addSubImm(AddSub.SUBS_IMM, n.is64() ? Reg.XZR : Reg.WZR, n, imm);
    }

    public A64Assembler cmp(Reg n, Reg m) {
        if (n.isSp()) {
            return addSubExtended(AddSub.SUBS_EXTENDED, n.is64() ? Reg.XZR : Reg.WZR, n, m, m.is64() ? Extend.UXTX : Extend.UXTW, 0);
        }
        return addSubShifted(AddSub.SUBS_SHIFTED, n.is64() ? Reg.XZR : Reg.WZR, n, m, Shift.LSL, 0);
    }

    public A64Assembler cmp(Reg n, Reg m, Extend extend, int amount) {
        return addSubExtended(AddSub.SUBS_EXTENDED, n.is64() ? Reg.XZR : Reg.WZR, n, m, extend, amount);
    }

    /** CMN: ADDS to the zero register. */
    public A64Assembler cmn(Reg n, long imm) {
        return addSubImm(AddSub.ADDS_IMM, n.is64() ? Reg.XZR : Reg.WZR, n, imm);
    }

    public A64Assembler cmn(Reg n, Reg m) {
        return addSubShifted(AddSub.ADDS_SHIFTED, n.is64() ? Reg.XZR : Reg.WZR, n, m, Shift.LSL, 0);
    }

    /** NEG: SUB from the zero register. */
    public A64Assembler neg(Reg d, Reg m) {
        return addSubShifted(AddSub.SUB_SHIFTED, d, d.is64() ? Reg.XZR : Reg.WZR, m, Shift.LSL, 0);
    }

    public A64Assembler negs(Reg d, Reg m) {
        return addSubShifted(AddSub.SUBS_SHIFTED, d, d.is64() ? Reg.XZR : Reg.WZR, m, Shift.LSL, 0);
    }

    // ---- logic ---------------------------------------------------------------------------------

    /** A shifted-register logical row (AND, BIC, ORR, ORN, EOR, EON, ANDS, BICS). */
    public A64Assembler logicalShifted(Logical row, Reg d, Reg n, Reg rm, Shift shift, int amount) {
        Encoding e = row.encoding();
        String m = e.mnemonic();
        if (e.form() != Form.LOGICAL_SHIFTED) {
            throw new IllegalArgumentException(row + " is not a shifted-register form");
        }
        sameWidth(m, d, n, rm);
        checkRange(m, "shift amount", amount, 0, d.is64() ? 63 : 31);
        return emit(e.bits() | sf(d) | Field.SHIFT.put(shift.code()) | Field.RM.put(zr(m, rm)) | Field.IMM6.put(amount)
            | Field.RN.put(zr(m, n)) | Field.RD.put(zr(m, d)));
    }

    /**
     * A logical-immediate row (AND, ORR, EOR, ANDS) with a bitmask immediate.
     *
     * @throws A64EncodingException if {@code imm} is no bitmask pattern for the width
     */
    public A64Assembler logicalImm(Logical row, Reg d, Reg n, long imm) {
        Encoding e = row.encoding();
        String m = e.mnemonic();
        if (e.form() != Form.LOGICAL_IMM) {
            throw new IllegalArgumentException(row + " is not an immediate form");
        }
        sameWidth(m, d, n);
        if (!d.is64() && (imm >>> 32) != 0 && (imm >> 31) != -1) {
            throw new A64EncodingException(m + ": immediate 0x" + Long.toHexString(imm) + " does not fit 32 bits");
        }
        int field = BitmaskImmediate.encode(imm, d.is64());
        if (field == BitmaskImmediate.NONE) {
            throw new A64EncodingException(m + ": 0x" + Long.toHexString(d.is64() ? imm : imm & 0xFFFF_FFFFL)
                + " is not encodable as a logical immediate for a " + (d.is64() ? 64 : 32)
                + "-bit register (it must be a repeated element holding one rotated run of ones, and neither 0 nor all ones)");
        }
        int rd = row == Logical.ANDS_IMM ? zr(m, d) : sp(m, d);
        return emit(e.bits() | sf(d) | field << 10 | Field.RN.put(zr(m, n)) | Field.RD.put(rd));
    }

    public A64Assembler and(Reg d, Reg n, Reg m) {
        return logicalShifted(Logical.AND, d, n, m, Shift.LSL, 0);
    }

    public A64Assembler and(Reg d, Reg n, long imm) {
        return logicalImm(Logical.AND_IMM, d, n, imm);
    }

    public A64Assembler ands(Reg d, Reg n, Reg m) {
        return logicalShifted(Logical.ANDS, d, n, m, Shift.LSL, 0);
    }

    public A64Assembler ands(Reg d, Reg n, long imm) {
        return logicalImm(Logical.ANDS_IMM, d, n, imm);
    }

    public A64Assembler orr(Reg d, Reg n, Reg m) {
        return logicalShifted(Logical.ORR, d, n, m, Shift.LSL, 0);
    }

    public A64Assembler orr(Reg d, Reg n, long imm) {
        return logicalImm(Logical.ORR_IMM, d, n, imm);
    }

    public A64Assembler eor(Reg d, Reg n, Reg m) {
        return logicalShifted(Logical.EOR, d, n, m, Shift.LSL, 0);
    }

    public A64Assembler eor(Reg d, Reg n, long imm) {
        return logicalImm(Logical.EOR_IMM, d, n, imm);
    }

    public A64Assembler bic(Reg d, Reg n, Reg m) {
        return logicalShifted(Logical.BIC, d, n, m, Shift.LSL, 0);
    }

    public A64Assembler orn(Reg d, Reg n, Reg m) {
        return logicalShifted(Logical.ORN, d, n, m, Shift.LSL, 0);
    }

    public A64Assembler eon(Reg d, Reg n, Reg m) {
        return logicalShifted(Logical.EON, d, n, m, Shift.LSL, 0);
    }

    /** TST: ANDS to the zero register. */
    public A64Assembler tst(Reg n, Reg m) {
        return logicalShifted(Logical.ANDS, n.is64() ? Reg.XZR : Reg.WZR, n, m, Shift.LSL, 0);
    }

    public A64Assembler tst(Reg n, long imm) {
        return logicalImm(Logical.ANDS_IMM, n.is64() ? Reg.XZR : Reg.WZR, n, imm);
    }

    /** MVN: ORN from the zero register. */
    public A64Assembler mvn(Reg d, Reg m) {
        return logicalShifted(Logical.ORN, d, d.is64() ? Reg.XZR : Reg.WZR, m, Shift.LSL, 0);
    }

    // ---- moves ---------------------------------------------------------------------------------

    /** A move-wide row: {@code imm16} into the halfword at {@code shift} (0, 16, 32 or 48). */
    public A64Assembler moveWide(MoveWide row, Reg d, int imm16, int shift) {
        Encoding e = row.encoding();
        String m = e.mnemonic();
        checkRange(m, "immediate", imm16, 0, 0xFFFF);
        if ((shift & 15) != 0 || shift < 0 || shift > (d.is64() ? 48 : 16)) {
            throw new A64EncodingException(m + ": shift " + shift + " is not 0, 16" + (d.is64() ? ", 32 or 48" : ""));
        }
        return emit(e.bits() | sf(d) | Field.HW.put(shift >> 4) | Field.IMM16.put(imm16) | Field.RD.put(zr(m, d)));
    }

    public A64Assembler movz(Reg d, int imm16, int shift) {
        return moveWide(MoveWide.MOVZ, d, imm16, shift);
    }

    public A64Assembler movn(Reg d, int imm16, int shift) {
        return moveWide(MoveWide.MOVN, d, imm16, shift);
    }

    public A64Assembler movk(Reg d, int imm16, int shift) {
        return moveWide(MoveWide.MOVK, d, imm16, shift);
    }

    /** A register move: ORR from the zero register, or ADD #0 when sp is involved. */
    public A64Assembler mov(Reg d, Reg n) {
        sameWidth("mov", d, n);
        if (d.isSp() || n.isSp()) {
            return addSubImm(AddSub.ADD_IMM, d, n, 0);
        }
        return logicalShifted(Logical.ORR, d, d.is64() ? Reg.XZR : Reg.WZR, n, Shift.LSL, 0);
    }

    /**
     * Any constant into {@code d} (for a W register, the low 32 bits of {@code value}) in the
     * fewest instructions: one MOVZ or MOVN when all but one halfword are zeros or ones, else
     * ORR of a bitmask immediate when the value is one, else MOVZ or MOVN (whichever leaves
     * fewer halfwords) followed by a MOVK for each remaining halfword. Up to 4 instructions.
     *
     * @return the number of instructions emitted
     */
    public int movConstant(Reg d, long value) {
        zr("mov", d);
        int halves = d.is64() ? 4 : 2;
        long v = d.is64() ? value : value & 0xFFFF_FFFFL;
        int zeros = 0;
        int ones = 0;
        for (int i = 0; i < halves; i++) {
            int h = (int) (v >>> (16 * i)) & 0xFFFF;
            if (h == 0) {
                zeros++;
            } else if (h == 0xFFFF) {
                ones++;
            }
        }
        if (zeros >= halves - 1) {
            int at = 0;
            for (int i = 0; i < halves; i++) {
                if (((v >>> (16 * i)) & 0xFFFF) != 0) {
                    at = i;
                }
            }
            movz(d, (int) (v >>> (16 * at)) & 0xFFFF, 16 * at);
            return 1;
        }
        if (ones >= halves - 1) {
            int at = 0;
            for (int i = 0; i < halves; i++) {
                if (((v >>> (16 * i)) & 0xFFFF) != 0xFFFF) {
                    at = i;
                }
            }
            movn(d, ~(int) (v >>> (16 * at)) & 0xFFFF, 16 * at);
            return 1;
        }
        if (BitmaskImmediate.encode(v, d.is64()) != BitmaskImmediate.NONE) {
            logicalImm(Logical.ORR_IMM, d, d.is64() ? Reg.XZR : Reg.WZR, v);
            return 1;
        }
        boolean inverted = ones > zeros;
        int skip = inverted ? 0xFFFF : 0;
        int count = 0;
        for (int i = 0; i < halves; i++) {
            int h = (int) (v >>> (16 * i)) & 0xFFFF;
            if (h == skip) {
                continue;
            }
            if (count == 0) {
                if (inverted) {
                    movn(d, ~h & 0xFFFF, 16 * i);
                } else {
                    movz(d, h, 16 * i);
                }
            } else {
                movk(d, h, 16 * i);
            }
            count++;
        }
        return count;
    }

    /** {@link #movConstant}, chained. */
    public A64Assembler mov(Reg d, long value) {
        movConstant(d, value);
        return self();
    }
}
