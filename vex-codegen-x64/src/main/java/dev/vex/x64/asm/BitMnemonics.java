package dev.vex.x64.asm;

import dev.vex.code.CodeBuffer;

/**
 * Bit manipulation: {@link BitTestOp} (bt, bts, btr, btc), {@link BitCountOp} (popcnt, lzcnt,
 * tzcnt) and the BMI1/BMI2 {@link BmiOp}s.
 *
 * <p>Part of the {@link X64Assembler} front, which is split into one layer per instruction group
 * so that no file holds them all; use it through {@code X64Assembler}.
 */
public abstract sealed class BitMnemonics extends MoveMnemonics permits SseMnemonics {
    BitMnemonics(CodeBuffer buf, CpuFeatures features) {
        super(buf, features);
    }

    // ---- bit manipulation (BitTestOp, BitCountOp, BmiOp) ----

    public X64Assembler bitTest(BitTestOp op, Gpr base, Gpr bit) {
        op.rr(enc, base, bit);
        return self();
    }

    public X64Assembler bitTest(BitTestOp op, Mem base, Gpr bit) {
        op.mr(enc, base, bit);
        return self();
    }

    public X64Assembler bitTest(BitTestOp op, Gpr base, int bit) {
        op.ri(enc, base, bit);
        return self();
    }

    public X64Assembler bitTest(BitTestOp op, Mem base, int bit) {
        op.mi(enc, base, bit);
        return self();
    }

    public X64Assembler bt(Gpr base, Gpr bit) {
        return bitTest(BitTestOp.BT, base, bit);
    }

    public X64Assembler bt(Mem base, Gpr bit) {
        return bitTest(BitTestOp.BT, base, bit);
    }

    public X64Assembler bt(Gpr base, int bit) {
        return bitTest(BitTestOp.BT, base, bit);
    }

    public X64Assembler bt(Mem base, int bit) {
        return bitTest(BitTestOp.BT, base, bit);
    }

    public X64Assembler bitCount(BitCountOp op, Gpr dst, Gpr src) {
        op.rr(enc, dst, src);
        return self();
    }

    public X64Assembler bitCount(BitCountOp op, Gpr dst, Mem src) {
        op.rm(enc, dst, src);
        return self();
    }

    public X64Assembler popcnt(Gpr dst, Gpr src) {
        return bitCount(BitCountOp.POPCNT, dst, src);
    }

    public X64Assembler popcnt(Gpr dst, Mem src) {
        return bitCount(BitCountOp.POPCNT, dst, src);
    }

    public X64Assembler lzcnt(Gpr dst, Gpr src) {
        return bitCount(BitCountOp.LZCNT, dst, src);
    }

    public X64Assembler lzcnt(Gpr dst, Mem src) {
        return bitCount(BitCountOp.LZCNT, dst, src);
    }

    public X64Assembler tzcnt(Gpr dst, Gpr src) {
        return bitCount(BitCountOp.TZCNT, dst, src);
    }

    public X64Assembler tzcnt(Gpr dst, Mem src) {
        return bitCount(BitCountOp.TZCNT, dst, src);
    }
    /** A three-register BMI instruction (RVM or RMV form) with operands in Intel order. */
    public X64Assembler bmi(BmiOp op, Gpr a, Gpr b, Gpr c) {
        op.rrr(enc, a, b, c);
        return self();
    }

    /** An RVM-form BMI instruction with a memory last operand (andn, pdep, pext, mulx). */
    public X64Assembler bmi(BmiOp op, Gpr a, Gpr b, Mem c) {
        op.rrm(enc, a, b, c);
        return self();
    }

    /** An RMV-form BMI instruction with a memory middle operand (bextr, bzhi, sarx, shlx, shrx). */
    public X64Assembler bmi(BmiOp op, Gpr a, Mem b, Gpr c) {
        op.rmr(enc, a, b, c);
        return self();
    }

    /** A VM-form BMI1 instruction (blsr, blsmsk, blsi). */
    public X64Assembler bmi(BmiOp op, Gpr dst, Gpr src) {
        op.rr(enc, dst, src);
        return self();
    }

    public X64Assembler bmi(BmiOp op, Gpr dst, Mem src) {
        op.rm(enc, dst, src);
        return self();
    }

    public X64Assembler andn(Gpr a, Gpr b, Gpr c) {
        return bmi(BmiOp.ANDN, a, b, c);
    }

    public X64Assembler andn(Gpr a, Gpr b, Mem c) {
        return bmi(BmiOp.ANDN, a, b, c);
    }

    public X64Assembler pdep(Gpr a, Gpr b, Gpr c) {
        return bmi(BmiOp.PDEP, a, b, c);
    }

    public X64Assembler pdep(Gpr a, Gpr b, Mem c) {
        return bmi(BmiOp.PDEP, a, b, c);
    }

    public X64Assembler pext(Gpr a, Gpr b, Gpr c) {
        return bmi(BmiOp.PEXT, a, b, c);
    }

    public X64Assembler pext(Gpr a, Gpr b, Mem c) {
        return bmi(BmiOp.PEXT, a, b, c);
    }

    public X64Assembler mulx(Gpr a, Gpr b, Gpr c) {
        return bmi(BmiOp.MULX, a, b, c);
    }

    public X64Assembler mulx(Gpr a, Gpr b, Mem c) {
        return bmi(BmiOp.MULX, a, b, c);
    }

    public X64Assembler bextr(Gpr a, Gpr b, Gpr c) {
        return bmi(BmiOp.BEXTR, a, b, c);
    }

    public X64Assembler bextr(Gpr a, Mem b, Gpr c) {
        return bmi(BmiOp.BEXTR, a, b, c);
    }

    public X64Assembler bzhi(Gpr a, Gpr b, Gpr c) {
        return bmi(BmiOp.BZHI, a, b, c);
    }

    public X64Assembler bzhi(Gpr a, Mem b, Gpr c) {
        return bmi(BmiOp.BZHI, a, b, c);
    }

    public X64Assembler sarx(Gpr a, Gpr b, Gpr c) {
        return bmi(BmiOp.SARX, a, b, c);
    }

    public X64Assembler sarx(Gpr a, Mem b, Gpr c) {
        return bmi(BmiOp.SARX, a, b, c);
    }

    public X64Assembler shlx(Gpr a, Gpr b, Gpr c) {
        return bmi(BmiOp.SHLX, a, b, c);
    }

    public X64Assembler shlx(Gpr a, Mem b, Gpr c) {
        return bmi(BmiOp.SHLX, a, b, c);
    }

    public X64Assembler shrx(Gpr a, Gpr b, Gpr c) {
        return bmi(BmiOp.SHRX, a, b, c);
    }

    public X64Assembler shrx(Gpr a, Mem b, Gpr c) {
        return bmi(BmiOp.SHRX, a, b, c);
    }

    public X64Assembler blsr(Gpr dst, Gpr src) {
        return bmi(BmiOp.BLSR, dst, src);
    }

    public X64Assembler blsr(Gpr dst, Mem src) {
        return bmi(BmiOp.BLSR, dst, src);
    }

    public X64Assembler blsmsk(Gpr dst, Gpr src) {
        return bmi(BmiOp.BLSMSK, dst, src);
    }

    public X64Assembler blsmsk(Gpr dst, Mem src) {
        return bmi(BmiOp.BLSMSK, dst, src);
    }

    public X64Assembler blsi(Gpr dst, Gpr src) {
        return bmi(BmiOp.BLSI, dst, src);
    }

    public X64Assembler blsi(Gpr dst, Mem src) {
        return bmi(BmiOp.BLSI, dst, src);
    }

    public X64Assembler rorx(Gpr dst, Gpr src, int imm) {
        BmiOp.RORX.rri(enc, dst, src, imm);
        return self();
    }

    public X64Assembler rorx(Gpr dst, Mem src, int imm) {
        BmiOp.RORX.rmi(enc, dst, src, imm);
        return self();
    }
}
