package dev.vex.aarch64.asm;

import dev.vex.code.CodeBuffer;
import java.util.Set;

/**
 * Bitfield moves and their aliases (shifts by immediate, sign and zero extensions, bitfield
 * extracts and inserts), EXTR, conditional select, shifts by register, division, one-source bit
 * operations and the multiplies.
 */
public abstract sealed class BitInstructions extends ArithmeticInstructions permits BranchInstructions {
    BitInstructions(CodeBuffer buf, Set<Feature> features) {
        super(buf, features);
    }

    // ---- bitfield ------------------------------------------------------------------------------

    /** A bitfield row (SBFM, BFM, UBFM) with its raw immr and imms. */
    public A64Assembler bitfield(Bitfield row, Reg d, Reg n, int immr, int imms) {
        Encoding e = row.encoding();
        String m = e.mnemonic();
        if (e.form() != Form.BITFIELD) {
            throw new IllegalArgumentException(row + " is not a bitfield form");
        }
        sameWidth(m, d, n);
        int max = d.is64() ? 63 : 31;
        checkRange(m, "immr", immr, 0, max);
        checkRange(m, "imms", imms, 0, max);
        int nBit = d.is64() ? Field.N.put(1) : 0;
        return emit(e.bits() | sf(d) | nBit | Field.IMMR.put(immr) | Field.IMMS.put(imms) | Field.RN.put(zr(m, n))
            | Field.RD.put(zr(m, d)));
    }

    public A64Assembler sbfm(Reg d, Reg n, int immr, int imms) {
        return bitfield(Bitfield.SBFM, d, n, immr, imms);
    }

    public A64Assembler bfm(Reg d, Reg n, int immr, int imms) {
        return bitfield(Bitfield.BFM, d, n, immr, imms);
    }

    public A64Assembler ubfm(Reg d, Reg n, int immr, int imms) {
        return bitfield(Bitfield.UBFM, d, n, immr, imms);
    }

    private static int width(Reg r) {
        return r.is64() ? 64 : 32;
    }

    /** LSL by an immediate: UBFM d, n, #(-s mod w), #(w - 1 - s). */
    public A64Assembler lsl(Reg d, Reg n, int shift) {
        int w = width(d);
        checkRange("lsl", "shift", shift, 0, w - 1);
        return ubfm(d, n, (w - shift) % w, w - 1 - shift);
    }

    public A64Assembler lsr(Reg d, Reg n, int shift) {
        checkRange("lsr", "shift", shift, 0, width(d) - 1);
        return ubfm(d, n, shift, width(d) - 1);
    }

    public A64Assembler asr(Reg d, Reg n, int shift) {
        checkRange("asr", "shift", shift, 0, width(d) - 1);
        return sbfm(d, n, shift, width(d) - 1);
    }

    /** ROR by an immediate: EXTR d, n, n, #shift. */
    public A64Assembler ror(Reg d, Reg n, int shift) {
        return extr(d, n, n, shift);
    }

    /** Unsigned bitfield extract: {@code width} bits from bit {@code lsb}. */
    public A64Assembler ubfx(Reg d, Reg n, int lsb, int width) {
        checkBitfield("ubfx", d, lsb, width);
        return ubfm(d, n, lsb, lsb + width - 1);
    }

    public A64Assembler sbfx(Reg d, Reg n, int lsb, int width) {
        checkBitfield("sbfx", d, lsb, width);
        return sbfm(d, n, lsb, lsb + width - 1);
    }

    /** Unsigned bitfield insert in zero: the low {@code width} bits of n at bit {@code lsb}. */
    public A64Assembler ubfiz(Reg d, Reg n, int lsb, int width) {
        checkBitfield("ubfiz", d, lsb, width);
        return ubfm(d, n, (width(d) - lsb) % width(d), width - 1);
    }

    public A64Assembler sbfiz(Reg d, Reg n, int lsb, int width) {
        checkBitfield("sbfiz", d, lsb, width);
        return sbfm(d, n, (width(d) - lsb) % width(d), width - 1);
    }

    /** Bitfield insert: the low {@code width} bits of n into d at bit {@code lsb}. */
    public A64Assembler bfi(Reg d, Reg n, int lsb, int width) {
        checkBitfield("bfi", d, lsb, width);
        return bfm(d, n, (width(d) - lsb) % width(d), width - 1);
    }

    /** Bitfield extract and insert low: bits [lsb, lsb + width) of n into the low bits of d. */
    public A64Assembler bfxil(Reg d, Reg n, int lsb, int width) {
        checkBitfield("bfxil", d, lsb, width);
        return bfm(d, n, lsb, lsb + width - 1);
    }

    private static void checkBitfield(String m, Reg d, int lsb, int width) {
        checkRange(m, "lsb", lsb, 0, width(d) - 1);
        checkRange(m, "width", width, 1, width(d) - lsb);
    }

    /** Sign-extend the low byte of the W register n into d (W or X). */
    public A64Assembler sxtb(Reg d, Reg n) {
        return sbfm(d, n.withSize(d.is64()), 0, 7);
    }

    public A64Assembler sxth(Reg d, Reg n) {
        return sbfm(d, n.withSize(d.is64()), 0, 15);
    }

    /** Sign-extend the W register n into the X register d. */
    public A64Assembler sxtw(Reg d, Reg n) {
        requireX("sxtw", d);
        return sbfm(d, n.withSize(true), 0, 31);
    }

    /** Zero-extend the low byte into a W register (which clears the upper 32 bits too). */
    public A64Assembler uxtb(Reg d, Reg n) {
        requireW("uxtb", d);
        return ubfm(d, n, 0, 7);
    }

    public A64Assembler uxth(Reg d, Reg n) {
        requireW("uxth", d);
        return ubfm(d, n, 0, 15);
    }

    /** EXTR: the register pair n:m shifted right by {@code lsb}, low half. */
    public A64Assembler extr(Reg d, Reg n, Reg rm, int lsb) {
        Encoding e = Bitfield.EXTR.encoding();
        String m = e.mnemonic();
        sameWidth(m, d, n, rm);
        checkRange(m, "lsb", lsb, 0, width(d) - 1);
        int nBit = d.is64() ? Field.N.put(1) : 0;
        return emit(e.bits() | sf(d) | nBit | Field.RM.put(zr(m, rm)) | Field.IMMS.put(lsb) | Field.RN.put(zr(m, n))
            | Field.RD.put(zr(m, d)));
    }

    // ---- conditional select --------------------------------------------------------------------

    public A64Assembler condSelect(CondSelect row, Reg d, Reg n, Reg rm, Cond cond) {
        Encoding e = row.encoding();
        String m = e.mnemonic();
        sameWidth(m, d, n, rm);
        return emit(e.bits() | sf(d) | Field.RM.put(zr(m, rm)) | Field.COND.put(cond.code()) | Field.RN.put(zr(m, n))
            | Field.RD.put(zr(m, d)));
    }

    public A64Assembler csel(Reg d, Reg n, Reg m, Cond cond) {
        return condSelect(CondSelect.CSEL, d, n, m, cond);
    }

    public A64Assembler csinc(Reg d, Reg n, Reg m, Cond cond) {
        return condSelect(CondSelect.CSINC, d, n, m, cond);
    }

    public A64Assembler csinv(Reg d, Reg n, Reg m, Cond cond) {
        return condSelect(CondSelect.CSINV, d, n, m, cond);
    }

    public A64Assembler csneg(Reg d, Reg n, Reg m, Cond cond) {
        return condSelect(CondSelect.CSNEG, d, n, m, cond);
    }

    /** CSET: d = cond ? 1 : 0. */
    public A64Assembler cset(Reg d, Cond cond) {
        Reg z = d.is64() ? Reg.XZR : Reg.WZR;
        return csinc(d, z, z, cond.invert());
    }

    /** CSETM: d = cond ? -1 : 0. */
    public A64Assembler csetm(Reg d, Cond cond) {
        Reg z = d.is64() ? Reg.XZR : Reg.WZR;
        return csinv(d, z, z, cond.invert());
    }

    /** CINC: d = cond ? n + 1 : n. */
    public A64Assembler cinc(Reg d, Reg n, Cond cond) {
        return csinc(d, n, n, cond.invert());
    }

    public A64Assembler cinv(Reg d, Reg n, Cond cond) {
        return csinv(d, n, n, cond.invert());
    }

    public A64Assembler cneg(Reg d, Reg n, Cond cond) {
        return csneg(d, n, n, cond.invert());
    }

    // ---- conditional compare -----------------------------------------------------------------

    /** CCMP/CCMN with a register: if {@code cond}, the flags of comparing n with m, else {@code nzcv}. */
    public A64Assembler condCompare(CondCompare row, Reg n, Reg rm, int nzcv, Cond cond) {
        Encoding e = row.encoding();
        String m = e.mnemonic();
        if (e.form() != Form.COND_COMPARE_REG) {
            throw new IllegalArgumentException(row + " is not a register form");
        }
        sameWidth(m, n, rm);
        checkRange(m, "nzcv", nzcv, 0, 15);
        return emit(e.bits() | sf(n) | Field.RM.put(zr(m, rm)) | Field.COND.put(cond.code()) | Field.RN.put(zr(m, n))
            | Field.NZCV.put(nzcv));
    }

    /** CCMP/CCMN with an immediate in [0, 31]. */
    public A64Assembler condCompare(CondCompare row, Reg n, int imm5, int nzcv, Cond cond) {
        Encoding e = row.encoding();
        String m = e.mnemonic();
        if (e.form() != Form.COND_COMPARE_IMM) {
            throw new IllegalArgumentException(row + " is not an immediate form");
        }
        checkRange(m, "immediate", imm5, 0, 31);
        checkRange(m, "nzcv", nzcv, 0, 15);
        return emit(e.bits() | sf(n) | Field.IMM5.put(imm5) | Field.COND.put(cond.code()) | Field.RN.put(zr(m, n))
            | Field.NZCV.put(nzcv));
    }

    public A64Assembler ccmp(Reg n, Reg m, int nzcv, Cond cond) {
        return condCompare(CondCompare.CCMP_REG, n, m, nzcv, cond);
    }

    public A64Assembler ccmp(Reg n, int imm5, int nzcv, Cond cond) {
        return condCompare(CondCompare.CCMP_IMM, n, imm5, nzcv, cond);
    }

    public A64Assembler ccmn(Reg n, Reg m, int nzcv, Cond cond) {
        return condCompare(CondCompare.CCMN_REG, n, m, nzcv, cond);
    }

    public A64Assembler ccmn(Reg n, int imm5, int nzcv, Cond cond) {
        return condCompare(CondCompare.CCMN_IMM, n, imm5, nzcv, cond);
    }

    // ---- two- and one-source -------------------------------------------------------------------

    public A64Assembler dataProc2(DataProc2 row, Reg d, Reg n, Reg rm) {
        Encoding e = row.encoding();
        String m = e.mnemonic();
        sameWidth(m, d, n, rm);
        return emit(e.bits() | sf(d) | Field.RM.put(zr(m, rm)) | Field.RN.put(zr(m, n)) | Field.RD.put(zr(m, d)));
    }

    public A64Assembler udiv(Reg d, Reg n, Reg m) {
        return dataProc2(DataProc2.UDIV, d, n, m);
    }

    public A64Assembler sdiv(Reg d, Reg n, Reg m) {
        return dataProc2(DataProc2.SDIV, d, n, m);
    }

    /** LSL by a register (LSLV): the amount is taken modulo the width. */
    public A64Assembler lsl(Reg d, Reg n, Reg m) {
        return dataProc2(DataProc2.LSLV, d, n, m);
    }

    public A64Assembler lsr(Reg d, Reg n, Reg m) {
        return dataProc2(DataProc2.LSRV, d, n, m);
    }

    public A64Assembler asr(Reg d, Reg n, Reg m) {
        return dataProc2(DataProc2.ASRV, d, n, m);
    }

    public A64Assembler ror(Reg d, Reg n, Reg m) {
        return dataProc2(DataProc2.RORV, d, n, m);
    }

    public A64Assembler dataProc1(DataProc1 row, Reg d, Reg n) {
        Encoding e = row.encoding();
        String m = e.mnemonic();
        sameWidth(m, d, n);
        int size = 0;
        if (e.form() == Form.DP1) {
            size = sf(d);
        } else if (d.is64() != ((e.bits() & Field.SF.mask) != 0)) {
            throw new A64EncodingException(m + " takes " + ((e.bits() & Field.SF.mask) != 0 ? "X" : "W") + " registers");
        }
        return emit(e.bits() | size | Field.RN.put(zr(m, n)) | Field.RD.put(zr(m, d)));
    }

    public A64Assembler rbit(Reg d, Reg n) {
        return dataProc1(DataProc1.RBIT, d, n);
    }

    public A64Assembler rev16(Reg d, Reg n) {
        return dataProc1(DataProc1.REV16, d, n);
    }

    /** REV32: reverse the bytes in each word of an X register. */
    public A64Assembler rev32(Reg d, Reg n) {
        return dataProc1(DataProc1.REV32, d, n);
    }

    /** REV: reverse all the bytes of the register. */
    public A64Assembler rev(Reg d, Reg n) {
        return dataProc1(d.is64() ? DataProc1.REV_X : DataProc1.REV_W, d, n);
    }

    public A64Assembler clz(Reg d, Reg n) {
        return dataProc1(DataProc1.CLZ, d, n);
    }

    public A64Assembler cls(Reg d, Reg n) {
        return dataProc1(DataProc1.CLS, d, n);
    }

    // ---- multiplies ----------------------------------------------------------------------------

    /**
     * A multiply row. MADD/MSUB take four registers of one width; the long forms an X
     * destination and accumulator and W sources; SMULH/UMULH three X registers (a is ignored).
     */
    public A64Assembler multiply(Multiply row, Reg d, Reg n, Reg rm, Reg a) {
        Encoding e = row.encoding();
        String m = e.mnemonic();
        switch (e.form()) {
            case DP3 -> {
                sameWidth(m, d, n, rm);
                sameWidth(m, d, a);
                return emit(e.bits() | sf(d) | Field.RM.put(zr(m, rm)) | Field.RA.put(zr(m, a)) | Field.RN.put(zr(m, n))
                    | Field.RD.put(zr(m, d)));
            }
            case DP3_LONG -> {
                requireX(m, d);
                requireX(m, a);
                requireW(m, n);
                requireW(m, rm);
                return emit(e.bits() | Field.RM.put(zr(m, rm)) | Field.RA.put(zr(m, a)) | Field.RN.put(zr(m, n))
                    | Field.RD.put(zr(m, d)));
            }
            default -> {
                requireX(m, d);
                sameWidth(m, d, n, rm);
                return emit(e.bits() | Field.RM.put(zr(m, rm)) | Field.RN.put(zr(m, n)) | Field.RD.put(zr(m, d)));
            }
        }
    }

    public A64Assembler madd(Reg d, Reg n, Reg m, Reg a) {
        return multiply(Multiply.MADD, d, n, m, a);
    }

    public A64Assembler msub(Reg d, Reg n, Reg m, Reg a) {
        return multiply(Multiply.MSUB, d, n, m, a);
    }

    /** MUL: MADD with the zero register as the addend. */
    public A64Assembler mul(Reg d, Reg n, Reg m) {
        return multiply(Multiply.MADD, d, n, m, d.is64() ? Reg.XZR : Reg.WZR);
    }

    public A64Assembler mneg(Reg d, Reg n, Reg m) {
        return multiply(Multiply.MSUB, d, n, m, d.is64() ? Reg.XZR : Reg.WZR);
    }

    public A64Assembler smaddl(Reg d, Reg n, Reg m, Reg a) {
        return multiply(Multiply.SMADDL, d, n, m, a);
    }

    public A64Assembler umaddl(Reg d, Reg n, Reg m, Reg a) {
        return multiply(Multiply.UMADDL, d, n, m, a);
    }

    public A64Assembler smsubl(Reg d, Reg n, Reg m, Reg a) {
        return multiply(Multiply.SMSUBL, d, n, m, a);
    }

    public A64Assembler umsubl(Reg d, Reg n, Reg m, Reg a) {
        return multiply(Multiply.UMSUBL, d, n, m, a);
    }

    /** SMULL: the 64-bit product of two W registers. */
    public A64Assembler smull(Reg d, Reg n, Reg m) {
        return multiply(Multiply.SMADDL, d, n, m, Reg.XZR);
    }

    public A64Assembler umull(Reg d, Reg n, Reg m) {
        return multiply(Multiply.UMADDL, d, n, m, Reg.XZR);
    }

    public A64Assembler smulh(Reg d, Reg n, Reg m) {
        return multiply(Multiply.SMULH, d, n, m, Reg.XZR);
    }

    public A64Assembler umulh(Reg d, Reg n, Reg m) {
        return multiply(Multiply.UMULH, d, n, m, Reg.XZR);
    }
}
