package dev.vex.x64.asm;

import dev.vex.code.CodeBuffer;

/**
 * Integer arithmetic and logic: the {@link AluOp} eight, test, the one-operand {@link UnaryOp}s,
 * imul in its three shapes, the rdx sign extensions and the {@link ShiftOp} shifts and rotates.
 *
 * <p>Part of the {@link X64Assembler} front, which is split into one layer per instruction group
 * so that no file holds them all; use it through {@code X64Assembler}.
 */
public abstract sealed class ArithmeticMnemonics extends AssemblerCore permits MoveMnemonics {
    ArithmeticMnemonics(CodeBuffer buf, CpuFeatures features) {
        super(buf, features);
    }

    // ---- integer arithmetic and logic (AluOp) ----
    public X64Assembler alu(AluOp op, Gpr dst, Gpr src) {
        op.rr(enc, dst, src);
        return self();
    }

    public X64Assembler alu(AluOp op, Gpr dst, Mem src) {
        op.rm(enc, dst, src);
        return self();
    }

    public X64Assembler alu(AluOp op, Mem dst, Gpr src) {
        op.mr(enc, dst, src);
        return self();
    }

    public X64Assembler alu(AluOp op, Gpr dst, int imm) {
        op.ri(enc, dst, imm);
        return self();
    }

    /** {@code dst} must be sized (qword, dword, word or bytePtr). */
    public X64Assembler alu(AluOp op, Mem dst, int imm) {
        op.mi(enc, dst, imm);
        return self();
    }

    public X64Assembler add(Gpr dst, Gpr src) {
        return alu(AluOp.ADD, dst, src);
    }

    public X64Assembler add(Gpr dst, Mem src) {
        return alu(AluOp.ADD, dst, src);
    }

    public X64Assembler add(Mem dst, Gpr src) {
        return alu(AluOp.ADD, dst, src);
    }

    public X64Assembler add(Gpr dst, int imm) {
        return alu(AluOp.ADD, dst, imm);
    }

    public X64Assembler add(Mem dst, int imm) {
        return alu(AluOp.ADD, dst, imm);
    }

    public X64Assembler or(Gpr dst, Gpr src) {
        return alu(AluOp.OR, dst, src);
    }

    public X64Assembler or(Gpr dst, Mem src) {
        return alu(AluOp.OR, dst, src);
    }

    public X64Assembler or(Mem dst, Gpr src) {
        return alu(AluOp.OR, dst, src);
    }

    public X64Assembler or(Gpr dst, int imm) {
        return alu(AluOp.OR, dst, imm);
    }

    public X64Assembler or(Mem dst, int imm) {
        return alu(AluOp.OR, dst, imm);
    }

    public X64Assembler adc(Gpr dst, Gpr src) {
        return alu(AluOp.ADC, dst, src);
    }

    public X64Assembler adc(Gpr dst, Mem src) {
        return alu(AluOp.ADC, dst, src);
    }

    public X64Assembler adc(Mem dst, Gpr src) {
        return alu(AluOp.ADC, dst, src);
    }

    public X64Assembler adc(Gpr dst, int imm) {
        return alu(AluOp.ADC, dst, imm);
    }

    public X64Assembler adc(Mem dst, int imm) {
        return alu(AluOp.ADC, dst, imm);
    }

    public X64Assembler sbb(Gpr dst, Gpr src) {
        return alu(AluOp.SBB, dst, src);
    }

    public X64Assembler sbb(Gpr dst, Mem src) {
        return alu(AluOp.SBB, dst, src);
    }

    public X64Assembler sbb(Mem dst, Gpr src) {
        return alu(AluOp.SBB, dst, src);
    }

    public X64Assembler sbb(Gpr dst, int imm) {
        return alu(AluOp.SBB, dst, imm);
    }

    public X64Assembler sbb(Mem dst, int imm) {
        return alu(AluOp.SBB, dst, imm);
    }

    public X64Assembler and(Gpr dst, Gpr src) {
        return alu(AluOp.AND, dst, src);
    }

    public X64Assembler and(Gpr dst, Mem src) {
        return alu(AluOp.AND, dst, src);
    }

    public X64Assembler and(Mem dst, Gpr src) {
        return alu(AluOp.AND, dst, src);
    }

    public X64Assembler and(Gpr dst, int imm) {
        return alu(AluOp.AND, dst, imm);
    }

    public X64Assembler and(Mem dst, int imm) {
        return alu(AluOp.AND, dst, imm);
    }

    public X64Assembler sub(Gpr dst, Gpr src) {
        return alu(AluOp.SUB, dst, src);
    }

    public X64Assembler sub(Gpr dst, Mem src) {
        return alu(AluOp.SUB, dst, src);
    }

    public X64Assembler sub(Mem dst, Gpr src) {
        return alu(AluOp.SUB, dst, src);
    }

    public X64Assembler sub(Gpr dst, int imm) {
        return alu(AluOp.SUB, dst, imm);
    }

    public X64Assembler sub(Mem dst, int imm) {
        return alu(AluOp.SUB, dst, imm);
    }

    public X64Assembler xor(Gpr dst, Gpr src) {
        return alu(AluOp.XOR, dst, src);
    }

    public X64Assembler xor(Gpr dst, Mem src) {
        return alu(AluOp.XOR, dst, src);
    }

    public X64Assembler xor(Mem dst, Gpr src) {
        return alu(AluOp.XOR, dst, src);
    }

    public X64Assembler xor(Gpr dst, int imm) {
        return alu(AluOp.XOR, dst, imm);
    }

    public X64Assembler xor(Mem dst, int imm) {
        return alu(AluOp.XOR, dst, imm);
    }

    public X64Assembler cmp(Gpr dst, Gpr src) {
        return alu(AluOp.CMP, dst, src);
    }

    public X64Assembler cmp(Gpr dst, Mem src) {
        return alu(AluOp.CMP, dst, src);
    }

    public X64Assembler cmp(Mem dst, Gpr src) {
        return alu(AluOp.CMP, dst, src);
    }

    public X64Assembler cmp(Gpr dst, int imm) {
        return alu(AluOp.CMP, dst, imm);
    }

    public X64Assembler cmp(Mem dst, int imm) {
        return alu(AluOp.CMP, dst, imm);
    }

    public X64Assembler test(Gpr a, Gpr b) {
        TestInstruction.rr(enc, a, b);
        return self();
    }

    public X64Assembler test(Mem a, Gpr b) {
        TestInstruction.mr(enc, a, b);
        return self();
    }

    public X64Assembler test(Gpr a, int imm) {
        TestInstruction.ri(enc, a, imm);
        return self();
    }

    public X64Assembler test(Mem a, int imm) {
        TestInstruction.mi(enc, a, imm);
        return self();
    }

    // ---- one-operand integer instructions (UnaryOp) ----

    public X64Assembler unary(UnaryOp op, Gpr dst) {
        op.r(enc, dst);
        return self();
    }

    /** {@code dst} must be sized. */
    public X64Assembler unary(UnaryOp op, Mem dst) {
        op.m(enc, dst);
        return self();
    }

    public X64Assembler inc(Gpr dst) {
        return unary(UnaryOp.INC, dst);
    }

    public X64Assembler inc(Mem dst) {
        return unary(UnaryOp.INC, dst);
    }

    public X64Assembler dec(Gpr dst) {
        return unary(UnaryOp.DEC, dst);
    }

    public X64Assembler dec(Mem dst) {
        return unary(UnaryOp.DEC, dst);
    }

    public X64Assembler neg(Gpr dst) {
        return unary(UnaryOp.NEG, dst);
    }

    public X64Assembler neg(Mem dst) {
        return unary(UnaryOp.NEG, dst);
    }

    public X64Assembler not(Gpr dst) {
        return unary(UnaryOp.NOT, dst);
    }

    public X64Assembler not(Mem dst) {
        return unary(UnaryOp.NOT, dst);
    }

    public X64Assembler mul(Gpr dst) {
        return unary(UnaryOp.MUL, dst);
    }

    public X64Assembler mul(Mem dst) {
        return unary(UnaryOp.MUL, dst);
    }

    public X64Assembler div(Gpr dst) {
        return unary(UnaryOp.DIV, dst);
    }

    public X64Assembler div(Mem dst) {
        return unary(UnaryOp.DIV, dst);
    }

    public X64Assembler idiv(Gpr dst) {
        return unary(UnaryOp.IDIV, dst);
    }

    public X64Assembler idiv(Mem dst) {
        return unary(UnaryOp.IDIV, dst);
    }
    /** One-operand imul: rdx:rax = rax * src (signed). */
    public X64Assembler imul(Gpr src) {
        return unary(UnaryOp.IMUL, src);
    }

    public X64Assembler imul(Mem src) {
        return unary(UnaryOp.IMUL, src);
    }

    public X64Assembler imul(Gpr dst, Gpr src) {
        MultiplyInstructions.imul(enc, dst, src);
        return self();
    }

    public X64Assembler imul(Gpr dst, Mem src) {
        MultiplyInstructions.imul(enc, dst, src);
        return self();
    }

    public X64Assembler imul(Gpr dst, Gpr src, int imm) {
        MultiplyInstructions.imul(enc, dst, src, imm);
        return self();
    }

    public X64Assembler imul(Gpr dst, Mem src, int imm) {
        MultiplyInstructions.imul(enc, dst, src, imm);
        return self();
    }

    /** Sign-extends ax into dx. */
    public X64Assembler cwd() {
        MultiplyInstructions.signExtendIntoRdx(enc, 16);
        return self();
    }

    /** Sign-extends eax into edx (before a 32-bit idiv). */
    public X64Assembler cdq() {
        MultiplyInstructions.signExtendIntoRdx(enc, 32);
        return self();
    }

    /** Sign-extends rax into rdx (before a 64-bit idiv). */
    public X64Assembler cqo() {
        MultiplyInstructions.signExtendIntoRdx(enc, 64);
        return self();
    }

    /** Sign-extends eax into rax. */
    public X64Assembler cdqe() {
        MultiplyInstructions.cdqe(enc);
        return self();
    }

    // ---- shifts and rotates (ShiftOp) ----

    /** Shift or rotate by an immediate count; a count of 1 takes the short D0/D1 form. */
    public X64Assembler shift(ShiftOp op, Gpr dst, int count) {
        op.ri(enc, dst, count);
        return self();
    }

    public X64Assembler shift(ShiftOp op, Mem dst, int count) {
        op.mi(enc, dst, count);
        return self();
    }

    /** Shift or rotate by cl. */
    public X64Assembler shiftByCl(ShiftOp op, Gpr dst) {
        op.rcl(enc, dst);
        return self();
    }

    public X64Assembler shiftByCl(ShiftOp op, Mem dst) {
        op.mcl(enc, dst);
        return self();
    }

    public X64Assembler rol(Gpr dst, int count) {
        return shift(ShiftOp.ROL, dst, count);
    }

    public X64Assembler rolCl(Gpr dst) {
        return shiftByCl(ShiftOp.ROL, dst);
    }

    public X64Assembler rol(Mem dst, int count) {
        return shift(ShiftOp.ROL, dst, count);
    }

    public X64Assembler rolCl(Mem dst) {
        return shiftByCl(ShiftOp.ROL, dst);
    }

    public X64Assembler ror(Gpr dst, int count) {
        return shift(ShiftOp.ROR, dst, count);
    }

    public X64Assembler rorCl(Gpr dst) {
        return shiftByCl(ShiftOp.ROR, dst);
    }

    public X64Assembler ror(Mem dst, int count) {
        return shift(ShiftOp.ROR, dst, count);
    }

    public X64Assembler rorCl(Mem dst) {
        return shiftByCl(ShiftOp.ROR, dst);
    }

    public X64Assembler rcl(Gpr dst, int count) {
        return shift(ShiftOp.RCL, dst, count);
    }

    public X64Assembler rclCl(Gpr dst) {
        return shiftByCl(ShiftOp.RCL, dst);
    }

    public X64Assembler rcl(Mem dst, int count) {
        return shift(ShiftOp.RCL, dst, count);
    }

    public X64Assembler rclCl(Mem dst) {
        return shiftByCl(ShiftOp.RCL, dst);
    }

    public X64Assembler rcr(Gpr dst, int count) {
        return shift(ShiftOp.RCR, dst, count);
    }

    public X64Assembler rcrCl(Gpr dst) {
        return shiftByCl(ShiftOp.RCR, dst);
    }

    public X64Assembler rcr(Mem dst, int count) {
        return shift(ShiftOp.RCR, dst, count);
    }

    public X64Assembler rcrCl(Mem dst) {
        return shiftByCl(ShiftOp.RCR, dst);
    }

    public X64Assembler shl(Gpr dst, int count) {
        return shift(ShiftOp.SHL, dst, count);
    }

    public X64Assembler shlCl(Gpr dst) {
        return shiftByCl(ShiftOp.SHL, dst);
    }

    public X64Assembler shl(Mem dst, int count) {
        return shift(ShiftOp.SHL, dst, count);
    }

    public X64Assembler shlCl(Mem dst) {
        return shiftByCl(ShiftOp.SHL, dst);
    }

    public X64Assembler shr(Gpr dst, int count) {
        return shift(ShiftOp.SHR, dst, count);
    }

    public X64Assembler shrCl(Gpr dst) {
        return shiftByCl(ShiftOp.SHR, dst);
    }

    public X64Assembler shr(Mem dst, int count) {
        return shift(ShiftOp.SHR, dst, count);
    }

    public X64Assembler shrCl(Mem dst) {
        return shiftByCl(ShiftOp.SHR, dst);
    }

    public X64Assembler sar(Gpr dst, int count) {
        return shift(ShiftOp.SAR, dst, count);
    }

    public X64Assembler sarCl(Gpr dst) {
        return shiftByCl(ShiftOp.SAR, dst);
    }

    public X64Assembler sar(Mem dst, int count) {
        return shift(ShiftOp.SAR, dst, count);
    }

    public X64Assembler sarCl(Mem dst) {
        return shiftByCl(ShiftOp.SAR, dst);
    }
}
