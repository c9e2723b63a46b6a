package dev.vex.x64.asm;

import dev.vex.code.CodeBuffer;

/**
 * Data movement and conditions: mov in every form, movabs, the {@link ExtendOp} widenings, lea,
 * xchg, bswap, push, pop, setcc and cmovcc; and the atomic lock xadd, lock cmpxchg and mfence.
 *
 * <p>Part of the {@link X64Assembler} front, which is split into one layer per instruction group
 * so that no file holds them all; use it through {@code X64Assembler}.
 */
public abstract sealed class MoveMnemonics extends ArithmeticMnemonics permits BitMnemonics {
    MoveMnemonics(CodeBuffer buf, CpuFeatures features) {
        super(buf, features);
    }

    // ---- moves (MoveInstructions, ExtendOp) ----

    public X64Assembler mov(Gpr dst, Gpr src) {
        MoveInstructions.rr(enc, dst, src);
        return self();
    }

    public X64Assembler mov(Gpr dst, Mem src) {
        MoveInstructions.rm(enc, dst, src);
        return self();
    }

    public X64Assembler mov(Mem dst, Gpr src) {
        MoveInstructions.mr(enc, dst, src);
        return self();
    }

    /**
     * {@code dst = imm} in the shortest encoding; for a 64-bit register an immediate in
     * [0, 2^32) is encoded as the 32-bit mov, which zero-extends.
     */
    public X64Assembler mov(Gpr dst, long imm) {
        MoveInstructions.ri(enc, dst, imm);
        return self();
    }

    /** A store of an immediate; {@code dst} must be sized, and a qword store sign-extends imm. */
    public X64Assembler mov(Mem dst, int imm) {
        MoveInstructions.mi(enc, dst, imm);
        return self();
    }

    /** {@code movabs r64, imm64}: always the 10-byte form, e.g. for a constant patched later. */
    public X64Assembler movabs(Gpr dst, long imm) {
        MoveInstructions.movabs(enc, dst, imm);
        return self();
    }

    /** {@code movabs r64, symbol + addend}, with an absolute 64-bit relocation. */
    public X64Assembler movabs(Gpr dst, String symbol, long addend) {
        MoveInstructions.movabs(enc, dst, symbol, addend);
        return self();
    }

    /** {@code movabs acc, [address]}: load al/ax/eax/rax from a 64-bit absolute address. */
    public X64Assembler movabsLoad(Gpr acc, long address) {
        MoveInstructions.loadAbsolute(enc, acc, address);
        return self();
    }

    /** {@code movabs [address], acc}: store al/ax/eax/rax to a 64-bit absolute address. */
    public X64Assembler movabsStore(long address, Gpr acc) {
        MoveInstructions.storeAbsolute(enc, address, acc);
        return self();
    }

    public X64Assembler extend(ExtendOp op, Gpr dst, Gpr src) {
        op.rr(enc, dst, src);
        return self();
    }

    /** {@code src} must be sized for movzx and movsx (byte or word); movsxd reads a dword. */
    public X64Assembler extend(ExtendOp op, Gpr dst, Mem src) {
        op.rm(enc, dst, src);
        return self();
    }

    public X64Assembler movzx(Gpr dst, Gpr src) {
        return extend(ExtendOp.MOVZX, dst, src);
    }

    public X64Assembler movzx(Gpr dst, Mem src) {
        return extend(ExtendOp.MOVZX, dst, src);
    }

    public X64Assembler movsx(Gpr dst, Gpr src) {
        return extend(ExtendOp.MOVSX, dst, src);
    }

    public X64Assembler movsx(Gpr dst, Mem src) {
        return extend(ExtendOp.MOVSX, dst, src);
    }

    public X64Assembler movsxd(Gpr dst, Gpr src) {
        return extend(ExtendOp.MOVSXD, dst, src);
    }

    public X64Assembler movsxd(Gpr dst, Mem src) {
        return extend(ExtendOp.MOVSXD, dst, src);
    }

    public X64Assembler lea(Gpr dst, Mem src) {
        MoveInstructions.lea(enc, dst, src);
        return self();
    }

    public X64Assembler xchg(Gpr a, Gpr b) {
        MoveInstructions.xchg(enc, a, b);
        return self();
    }

    public X64Assembler xchg(Mem a, Gpr b) {
        MoveInstructions.xchg(enc, a, b);
        return self();
    }

    /** {@code lock xadd [mem], r} ({@link AtomicInstructions}). */
    public X64Assembler lockXadd(Mem m, Gpr r) {
        AtomicInstructions.lockXadd(enc, m, r);
        return self();
    }

    /** {@code lock cmpxchg [mem], r}; the expected value is in the accumulator of r's width. */
    public X64Assembler lockCmpxchg(Mem m, Gpr r) {
        AtomicInstructions.lockCmpxchg(enc, m, r);
        return self();
    }

    /** {@code mfence}: a full memory barrier. */
    public X64Assembler mfence() {
        AtomicInstructions.mfence(enc);
        return self();
    }

    public X64Assembler bswap(Gpr r) {
        MoveInstructions.bswap(enc, r);
        return self();
    }

    public X64Assembler push(Gpr r) {
        StackInstructions.push(enc, r);
        return self();
    }

    public X64Assembler push(Mem m) {
        StackInstructions.push(enc, m);
        return self();
    }

    /** Pushes a sign-extended immediate (8 bytes on the stack). */
    public X64Assembler push(int imm) {
        StackInstructions.push(enc, imm);
        return self();
    }

    public X64Assembler pop(Gpr r) {
        StackInstructions.pop(enc, r);
        return self();
    }

    public X64Assembler pop(Mem m) {
        StackInstructions.pop(enc, m);
        return self();
    }

    // ---- conditions ----

    public X64Assembler setcc(Cond cc, Gpr dst) {
        ConditionalInstructions.setcc(enc, cc, dst);
        return self();
    }

    public X64Assembler setcc(Cond cc, Mem dst) {
        ConditionalInstructions.setcc(enc, cc, dst);
        return self();
    }

    public X64Assembler cmov(Cond cc, Gpr dst, Gpr src) {
        ConditionalInstructions.cmovcc(enc, cc, dst, src);
        return self();
    }

    public X64Assembler cmov(Cond cc, Gpr dst, Mem src) {
        ConditionalInstructions.cmovcc(enc, cc, dst, src);
        return self();
    }
}
