package dev.vex.x64.asm;

import dev.vex.code.CodeBuffer;
import dev.vex.code.Label;

/**
 * The x86-64 assembler: a fluent, typed front to the instruction families, writing into a
 * {@link CodeBuffer} from {@code vex-core}.
 *
 * <pre>{@code
 * X64Assembler asm = new X64Assembler(new CodeBuffer(), CpuFeatures.host());
 * Label loop = asm.newLabel();
 * asm.xor(EAX, EAX).bind(loop)
 *    .add(RAX, mem(RDI, RCX, 8, 0)).inc(RCX).cmp(RCX, RSI).jcc(Cond.L, loop).ret();
 * }</pre>
 *
 * <p>Each method encodes one instruction; immediates take the shortest legal form; widths come
 * from the register operands (or from a sized {@link Mem} where there is none), and a mismatch
 * throws {@link X64EncodingException}. Emitting allocates nothing: the operands are constants
 * or caller-made {@link Mem}s, the buffer grows by doubling and forward label uses live in the
 * label's {@code int[]}. Short versus near branches: see {@link #jmp(Label)} and the README.
 *
 * <p><b>CPU features.</b> The assembler checks them: lzcnt, tzcnt, popcnt, BMI1/BMI2, FMA and
 * roundss/roundsd throw {@link X64EncodingException} unless the {@link CpuFeatures} given at
 * construction include the feature (lzcnt and tzcnt decode as bsr and bsf on CPUs without it,
 * which would be a silent miscompile). Instruction selection asks {@link #features()} first and
 * picks a fallback sequence.
 *
 * <p><b>Test coverage rules</b> (the encoding matrix in the tests follows them for every form):
 * <ul>
 *   <li>both halves of the register file (rax..rdi and r8..r15, xmm0..7 and xmm8..15) in every
 *       operand position, and the byte registers including spl, bpl, sil, dil (which need a REX
 *       prefix) and r8b..r15b;</li>
 *   <li>addressing with rsp/r12 as a base (which need a SIB byte), rbp/r13 as a base (which have
 *       no displacement-free form), r12/r13 as an index, no base, RIP-relative and absolute,
 *       with displacements of 0, disp8 (both signs and the limits) and disp32;</li>
 *   <li>immediates of 0, 1, imm8 (both limits) and imm16/imm32 (both limits).</li>
 * </ul>
 */
public final class X64Assembler {
    private final CodeBuffer buf;
    private final CpuFeatures features;
    private final Encoder enc;

    public X64Assembler(CodeBuffer buf, CpuFeatures features) {
        this.buf = buf;
        this.features = features;
        this.enc = new Encoder(buf, features);
    }

    /** The buffer this assembler writes. */
    public CodeBuffer buffer() {
        return buf;
    }

    /** The optional instructions this assembler may emit. */
    public CpuFeatures features() {
        return features;
    }

    /** The offset of the next instruction. */
    public int position() {
        return buf.position();
    }

    // ---- labels and symbols ----

    public Label newLabel() {
        return new Label();
    }

    /** Binds {@code label} here; waiting branches to it are patched. */
    public X64Assembler bind(Label label) {
        buf.bind(label);
        return this;
    }

    /** Defines a symbol (a function entry, say) at the current position. */
    public X64Assembler defineSymbol(String name) {
        buf.defineSymbol(name);
        return this;
    }

    /** Pads with nops up to a multiple of {@code alignment} (a power of two). */
    public X64Assembler align(int alignment) {
        if (alignment <= 0 || (alignment & (alignment - 1)) != 0) {
            throw new X64EncodingException("alignment must be a power of two: " + alignment);
        }
        MiscInstructions.nop(enc, -buf.position() & (alignment - 1));
        return this;
    }
    // ---- integer arithmetic and logic (AluOp) ----
    public X64Assembler alu(AluOp op, Gpr dst, Gpr src) {
        op.rr(enc, dst, src);
        return this;
    }

    public X64Assembler alu(AluOp op, Gpr dst, Mem src) {
        op.rm(enc, dst, src);
        return this;
    }

    public X64Assembler alu(AluOp op, Mem dst, Gpr src) {
        op.mr(enc, dst, src);
        return this;
    }

    public X64Assembler alu(AluOp op, Gpr dst, int imm) {
        op.ri(enc, dst, imm);
        return this;
    }

    /** {@code dst} must be sized (qword, dword, word or bytePtr). */
    public X64Assembler alu(AluOp op, Mem dst, int imm) {
        op.mi(enc, dst, imm);
        return this;
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
        return this;
    }

    public X64Assembler test(Mem a, Gpr b) {
        TestInstruction.mr(enc, a, b);
        return this;
    }

    public X64Assembler test(Gpr a, int imm) {
        TestInstruction.ri(enc, a, imm);
        return this;
    }

    public X64Assembler test(Mem a, int imm) {
        TestInstruction.mi(enc, a, imm);
        return this;
    }

    // ---- one-operand integer instructions (UnaryOp) ----

    public X64Assembler unary(UnaryOp op, Gpr dst) {
        op.r(enc, dst);
        return this;
    }

    /** {@code dst} must be sized. */
    public X64Assembler unary(UnaryOp op, Mem dst) {
        op.m(enc, dst);
        return this;
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
        return this;
    }

    public X64Assembler imul(Gpr dst, Mem src) {
        MultiplyInstructions.imul(enc, dst, src);
        return this;
    }

    public X64Assembler imul(Gpr dst, Gpr src, int imm) {
        MultiplyInstructions.imul(enc, dst, src, imm);
        return this;
    }

    public X64Assembler imul(Gpr dst, Mem src, int imm) {
        MultiplyInstructions.imul(enc, dst, src, imm);
        return this;
    }

    /** Sign-extends ax into dx. */
    public X64Assembler cwd() {
        MultiplyInstructions.signExtendIntoRdx(enc, 16);
        return this;
    }

    /** Sign-extends eax into edx (before a 32-bit idiv). */
    public X64Assembler cdq() {
        MultiplyInstructions.signExtendIntoRdx(enc, 32);
        return this;
    }

    /** Sign-extends rax into rdx (before a 64-bit idiv). */
    public X64Assembler cqo() {
        MultiplyInstructions.signExtendIntoRdx(enc, 64);
        return this;
    }

    /** Sign-extends eax into rax. */
    public X64Assembler cdqe() {
        MultiplyInstructions.cdqe(enc);
        return this;
    }

    // ---- shifts and rotates (ShiftOp) ----

    /** Shift or rotate by an immediate count; a count of 1 takes the short D0/D1 form. */
    public X64Assembler shift(ShiftOp op, Gpr dst, int count) {
        op.ri(enc, dst, count);
        return this;
    }

    public X64Assembler shift(ShiftOp op, Mem dst, int count) {
        op.mi(enc, dst, count);
        return this;
    }

    /** Shift or rotate by cl. */
    public X64Assembler shiftByCl(ShiftOp op, Gpr dst) {
        op.rcl(enc, dst);
        return this;
    }

    public X64Assembler shiftByCl(ShiftOp op, Mem dst) {
        op.mcl(enc, dst);
        return this;
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
    // ---- moves (MoveInstructions, ExtendOp) ----

    public X64Assembler mov(Gpr dst, Gpr src) {
        MoveInstructions.rr(enc, dst, src);
        return this;
    }

    public X64Assembler mov(Gpr dst, Mem src) {
        MoveInstructions.rm(enc, dst, src);
        return this;
    }

    public X64Assembler mov(Mem dst, Gpr src) {
        MoveInstructions.mr(enc, dst, src);
        return this;
    }

    /**
     * {@code dst = imm} in the shortest encoding; for a 64-bit register an immediate in
     * [0, 2^32) is encoded as the 32-bit mov, which zero-extends.
     */
    public X64Assembler mov(Gpr dst, long imm) {
        MoveInstructions.ri(enc, dst, imm);
        return this;
    }

    /** A store of an immediate; {@code dst} must be sized, and a qword store sign-extends imm. */
    public X64Assembler mov(Mem dst, int imm) {
        MoveInstructions.mi(enc, dst, imm);
        return this;
    }

    /** {@code movabs r64, imm64}: always the 10-byte form, e.g. for a constant patched later. */
    public X64Assembler movabs(Gpr dst, long imm) {
        MoveInstructions.movabs(enc, dst, imm);
        return this;
    }

    /** {@code movabs r64, symbol + addend}, with an absolute 64-bit relocation. */
    public X64Assembler movabs(Gpr dst, String symbol, long addend) {
        MoveInstructions.movabs(enc, dst, symbol, addend);
        return this;
    }

    /** {@code movabs acc, [address]}: load al/ax/eax/rax from a 64-bit absolute address. */
    public X64Assembler movabsLoad(Gpr acc, long address) {
        MoveInstructions.loadAbsolute(enc, acc, address);
        return this;
    }

    /** {@code movabs [address], acc}: store al/ax/eax/rax to a 64-bit absolute address. */
    public X64Assembler movabsStore(long address, Gpr acc) {
        MoveInstructions.storeAbsolute(enc, address, acc);
        return this;
    }

    public X64Assembler extend(ExtendOp op, Gpr dst, Gpr src) {
        op.rr(enc, dst, src);
        return this;
    }

    /** {@code src} must be sized for movzx and movsx (byte or word); movsxd reads a dword. */
    public X64Assembler extend(ExtendOp op, Gpr dst, Mem src) {
        op.rm(enc, dst, src);
        return this;
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
        return this;
    }

    public X64Assembler xchg(Gpr a, Gpr b) {
        MoveInstructions.xchg(enc, a, b);
        return this;
    }

    public X64Assembler xchg(Mem a, Gpr b) {
        MoveInstructions.xchg(enc, a, b);
        return this;
    }

    public X64Assembler bswap(Gpr r) {
        MoveInstructions.bswap(enc, r);
        return this;
    }

    public X64Assembler push(Gpr r) {
        StackInstructions.push(enc, r);
        return this;
    }

    public X64Assembler push(Mem m) {
        StackInstructions.push(enc, m);
        return this;
    }

    /** Pushes a sign-extended immediate (8 bytes on the stack). */
    public X64Assembler push(int imm) {
        StackInstructions.push(enc, imm);
        return this;
    }

    public X64Assembler pop(Gpr r) {
        StackInstructions.pop(enc, r);
        return this;
    }

    public X64Assembler pop(Mem m) {
        StackInstructions.pop(enc, m);
        return this;
    }

    // ---- conditions ----

    public X64Assembler setcc(Cond cc, Gpr dst) {
        ConditionalInstructions.setcc(enc, cc, dst);
        return this;
    }

    public X64Assembler setcc(Cond cc, Mem dst) {
        ConditionalInstructions.setcc(enc, cc, dst);
        return this;
    }

    public X64Assembler cmov(Cond cc, Gpr dst, Gpr src) {
        ConditionalInstructions.cmovcc(enc, cc, dst, src);
        return this;
    }

    public X64Assembler cmov(Cond cc, Gpr dst, Mem src) {
        ConditionalInstructions.cmovcc(enc, cc, dst, src);
        return this;
    }

    // ---- bit manipulation (BitTestOp, BitCountOp, BmiOp) ----

    public X64Assembler bitTest(BitTestOp op, Gpr base, Gpr bit) {
        op.rr(enc, base, bit);
        return this;
    }

    public X64Assembler bitTest(BitTestOp op, Mem base, Gpr bit) {
        op.mr(enc, base, bit);
        return this;
    }

    public X64Assembler bitTest(BitTestOp op, Gpr base, int bit) {
        op.ri(enc, base, bit);
        return this;
    }

    public X64Assembler bitTest(BitTestOp op, Mem base, int bit) {
        op.mi(enc, base, bit);
        return this;
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
        return this;
    }

    public X64Assembler bitCount(BitCountOp op, Gpr dst, Mem src) {
        op.rm(enc, dst, src);
        return this;
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
        return this;
    }

    /** An RVM-form BMI instruction with a memory last operand (andn, pdep, pext, mulx). */
    public X64Assembler bmi(BmiOp op, Gpr a, Gpr b, Mem c) {
        op.rrm(enc, a, b, c);
        return this;
    }

    /** An RMV-form BMI instruction with a memory middle operand (bextr, bzhi, sarx, shlx, shrx). */
    public X64Assembler bmi(BmiOp op, Gpr a, Mem b, Gpr c) {
        op.rmr(enc, a, b, c);
        return this;
    }

    /** A VM-form BMI1 instruction (blsr, blsmsk, blsi). */
    public X64Assembler bmi(BmiOp op, Gpr dst, Gpr src) {
        op.rr(enc, dst, src);
        return this;
    }

    public X64Assembler bmi(BmiOp op, Gpr dst, Mem src) {
        op.rm(enc, dst, src);
        return this;
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
        return this;
    }

    public X64Assembler rorx(Gpr dst, Mem src, int imm) {
        BmiOp.RORX.rmi(enc, dst, src, imm);
        return this;
    }

    // ---- control flow (BranchInstructions) ----

    /** Jumps to {@code target}: rel8 if it is bound and in reach, else rel32. */
    public X64Assembler jmp(Label target) {
        BranchInstructions.jmp(enc, target);
        return this;
    }

    /** Always rel8; binding the label out of reach throws. */
    public X64Assembler jmpShort(Label target) {
        BranchInstructions.jmpShort(enc, target);
        return this;
    }

    public X64Assembler jmp(Gpr target) {
        BranchInstructions.indirect(enc, 4, target);
        return this;
    }

    public X64Assembler jmp(Mem target) {
        BranchInstructions.indirect(enc, 4, target);
        return this;
    }

    /** A rel32 jump (tail call) to a symbol, with a pc-relative relocation. */
    public X64Assembler jmp(String symbol) {
        BranchInstructions.toSymbol(enc, 0xE9, symbol);
        return this;
    }

    /** Conditional jump: rel8 if {@code target} is bound and in reach, else rel32. */
    public X64Assembler jcc(Cond cc, Label target) {
        BranchInstructions.jcc(enc, cc, target);
        return this;
    }

    /** Always rel8; binding the label out of reach throws. */
    public X64Assembler jccShort(Cond cc, Label target) {
        BranchInstructions.jccShort(enc, cc, target);
        return this;
    }

    public X64Assembler call(Label target) {
        BranchInstructions.call(enc, target);
        return this;
    }

    /** A rel32 call to a symbol, with a pc-relative relocation (addend -4). */
    public X64Assembler call(String symbol) {
        BranchInstructions.toSymbol(enc, 0xE8, symbol);
        return this;
    }

    public X64Assembler call(Gpr target) {
        BranchInstructions.indirect(enc, 2, target);
        return this;
    }

    public X64Assembler call(Mem target) {
        BranchInstructions.indirect(enc, 2, target);
        return this;
    }

    public X64Assembler ret() {
        BranchInstructions.ret(enc, 0);
        return this;
    }

    /** Returns and pops {@code popBytes} more bytes. */
    public X64Assembler ret(int popBytes) {
        BranchInstructions.ret(enc, popBytes);
        return this;
    }

    // ---- traps and padding ----

    public X64Assembler ud2() {
        MiscInstructions.ud2(enc);
        return this;
    }

    public X64Assembler int3() {
        MiscInstructions.int3(enc);
        return this;
    }

    /** {@code length} bytes of nops, in as few instructions as the recommended forms allow. */
    public X64Assembler nop(int length) {
        MiscInstructions.nop(enc, length);
        return this;
    }

    public X64Assembler nop() {
        return nop(1);
    }

    // ---- SSE scalar and logic (SseOp, SseConvertOp, SseMoveInstructions) ----

    public X64Assembler sse(SseOp op, Xmm dst, Xmm src) {
        op.rr(enc, dst, src);
        return this;
    }

    public X64Assembler sse(SseOp op, Xmm dst, Mem src) {
        op.rm(enc, dst, src);
        return this;
    }

    public X64Assembler addss(Xmm dst, Xmm src) {
        return sse(SseOp.ADDSS, dst, src);
    }

    public X64Assembler addss(Xmm dst, Mem src) {
        return sse(SseOp.ADDSS, dst, src);
    }

    public X64Assembler addsd(Xmm dst, Xmm src) {
        return sse(SseOp.ADDSD, dst, src);
    }

    public X64Assembler addsd(Xmm dst, Mem src) {
        return sse(SseOp.ADDSD, dst, src);
    }

    public X64Assembler subss(Xmm dst, Xmm src) {
        return sse(SseOp.SUBSS, dst, src);
    }

    public X64Assembler subss(Xmm dst, Mem src) {
        return sse(SseOp.SUBSS, dst, src);
    }

    public X64Assembler subsd(Xmm dst, Xmm src) {
        return sse(SseOp.SUBSD, dst, src);
    }

    public X64Assembler subsd(Xmm dst, Mem src) {
        return sse(SseOp.SUBSD, dst, src);
    }

    public X64Assembler mulss(Xmm dst, Xmm src) {
        return sse(SseOp.MULSS, dst, src);
    }

    public X64Assembler mulss(Xmm dst, Mem src) {
        return sse(SseOp.MULSS, dst, src);
    }

    public X64Assembler mulsd(Xmm dst, Xmm src) {
        return sse(SseOp.MULSD, dst, src);
    }

    public X64Assembler mulsd(Xmm dst, Mem src) {
        return sse(SseOp.MULSD, dst, src);
    }

    public X64Assembler divss(Xmm dst, Xmm src) {
        return sse(SseOp.DIVSS, dst, src);
    }

    public X64Assembler divss(Xmm dst, Mem src) {
        return sse(SseOp.DIVSS, dst, src);
    }

    public X64Assembler divsd(Xmm dst, Xmm src) {
        return sse(SseOp.DIVSD, dst, src);
    }

    public X64Assembler divsd(Xmm dst, Mem src) {
        return sse(SseOp.DIVSD, dst, src);
    }

    public X64Assembler sqrtss(Xmm dst, Xmm src) {
        return sse(SseOp.SQRTSS, dst, src);
    }

    public X64Assembler sqrtss(Xmm dst, Mem src) {
        return sse(SseOp.SQRTSS, dst, src);
    }

    public X64Assembler sqrtsd(Xmm dst, Xmm src) {
        return sse(SseOp.SQRTSD, dst, src);
    }

    public X64Assembler sqrtsd(Xmm dst, Mem src) {
        return sse(SseOp.SQRTSD, dst, src);
    }

    public X64Assembler minss(Xmm dst, Xmm src) {
        return sse(SseOp.MINSS, dst, src);
    }

    public X64Assembler minss(Xmm dst, Mem src) {
        return sse(SseOp.MINSS, dst, src);
    }

    public X64Assembler minsd(Xmm dst, Xmm src) {
        return sse(SseOp.MINSD, dst, src);
    }

    public X64Assembler minsd(Xmm dst, Mem src) {
        return sse(SseOp.MINSD, dst, src);
    }

    public X64Assembler maxss(Xmm dst, Xmm src) {
        return sse(SseOp.MAXSS, dst, src);
    }

    public X64Assembler maxss(Xmm dst, Mem src) {
        return sse(SseOp.MAXSS, dst, src);
    }

    public X64Assembler maxsd(Xmm dst, Xmm src) {
        return sse(SseOp.MAXSD, dst, src);
    }

    public X64Assembler maxsd(Xmm dst, Mem src) {
        return sse(SseOp.MAXSD, dst, src);
    }

    public X64Assembler ucomiss(Xmm dst, Xmm src) {
        return sse(SseOp.UCOMISS, dst, src);
    }

    public X64Assembler ucomiss(Xmm dst, Mem src) {
        return sse(SseOp.UCOMISS, dst, src);
    }

    public X64Assembler ucomisd(Xmm dst, Xmm src) {
        return sse(SseOp.UCOMISD, dst, src);
    }

    public X64Assembler ucomisd(Xmm dst, Mem src) {
        return sse(SseOp.UCOMISD, dst, src);
    }

    public X64Assembler comiss(Xmm dst, Xmm src) {
        return sse(SseOp.COMISS, dst, src);
    }

    public X64Assembler comiss(Xmm dst, Mem src) {
        return sse(SseOp.COMISS, dst, src);
    }

    public X64Assembler comisd(Xmm dst, Xmm src) {
        return sse(SseOp.COMISD, dst, src);
    }

    public X64Assembler comisd(Xmm dst, Mem src) {
        return sse(SseOp.COMISD, dst, src);
    }

    public X64Assembler cvtss2sd(Xmm dst, Xmm src) {
        return sse(SseOp.CVTSS2SD, dst, src);
    }

    public X64Assembler cvtss2sd(Xmm dst, Mem src) {
        return sse(SseOp.CVTSS2SD, dst, src);
    }

    public X64Assembler cvtsd2ss(Xmm dst, Xmm src) {
        return sse(SseOp.CVTSD2SS, dst, src);
    }

    public X64Assembler cvtsd2ss(Xmm dst, Mem src) {
        return sse(SseOp.CVTSD2SS, dst, src);
    }

    public X64Assembler andps(Xmm dst, Xmm src) {
        return sse(SseOp.ANDPS, dst, src);
    }

    public X64Assembler andps(Xmm dst, Mem src) {
        return sse(SseOp.ANDPS, dst, src);
    }

    public X64Assembler andnps(Xmm dst, Xmm src) {
        return sse(SseOp.ANDNPS, dst, src);
    }

    public X64Assembler andnps(Xmm dst, Mem src) {
        return sse(SseOp.ANDNPS, dst, src);
    }

    public X64Assembler orps(Xmm dst, Xmm src) {
        return sse(SseOp.ORPS, dst, src);
    }

    public X64Assembler orps(Xmm dst, Mem src) {
        return sse(SseOp.ORPS, dst, src);
    }

    public X64Assembler xorps(Xmm dst, Xmm src) {
        return sse(SseOp.XORPS, dst, src);
    }

    public X64Assembler xorps(Xmm dst, Mem src) {
        return sse(SseOp.XORPS, dst, src);
    }

    public X64Assembler andpd(Xmm dst, Xmm src) {
        return sse(SseOp.ANDPD, dst, src);
    }

    public X64Assembler andpd(Xmm dst, Mem src) {
        return sse(SseOp.ANDPD, dst, src);
    }

    public X64Assembler andnpd(Xmm dst, Xmm src) {
        return sse(SseOp.ANDNPD, dst, src);
    }

    public X64Assembler andnpd(Xmm dst, Mem src) {
        return sse(SseOp.ANDNPD, dst, src);
    }

    public X64Assembler orpd(Xmm dst, Xmm src) {
        return sse(SseOp.ORPD, dst, src);
    }

    public X64Assembler orpd(Xmm dst, Mem src) {
        return sse(SseOp.ORPD, dst, src);
    }

    public X64Assembler xorpd(Xmm dst, Xmm src) {
        return sse(SseOp.XORPD, dst, src);
    }

    public X64Assembler xorpd(Xmm dst, Mem src) {
        return sse(SseOp.XORPD, dst, src);
    }

    public X64Assembler movaps(Xmm dst, Xmm src) {
        return sse(SseOp.MOVAPS, dst, src);
    }

    public X64Assembler movaps(Xmm dst, Mem src) {
        return sse(SseOp.MOVAPS, dst, src);
    }

    public X64Assembler movapd(Xmm dst, Xmm src) {
        return sse(SseOp.MOVAPD, dst, src);
    }

    public X64Assembler movapd(Xmm dst, Mem src) {
        return sse(SseOp.MOVAPD, dst, src);
    }
    /** An SSE instruction with an immediate (roundss, roundsd). */
    public X64Assembler sse(SseOp op, Xmm dst, Xmm src, int imm) {
        op.rri(enc, dst, src, imm);
        return this;
    }

    public X64Assembler sse(SseOp op, Xmm dst, Mem src, int imm) {
        op.rmi(enc, dst, src, imm);
        return this;
    }

    /** roundss with a rounding-mode immediate (SSE4.1). */
    public X64Assembler roundss(Xmm dst, Xmm src, int mode) {
        SseOp.ROUNDSS.rri(enc, dst, src, mode);
        return this;
    }

    public X64Assembler roundss(Xmm dst, Mem src, int mode) {
        SseOp.ROUNDSS.rmi(enc, dst, src, mode);
        return this;
    }

    /** roundsd with a rounding-mode immediate (SSE4.1). */
    public X64Assembler roundsd(Xmm dst, Xmm src, int mode) {
        SseOp.ROUNDSD.rri(enc, dst, src, mode);
        return this;
    }

    public X64Assembler roundsd(Xmm dst, Mem src, int mode) {
        SseOp.ROUNDSD.rmi(enc, dst, src, mode);
        return this;
    }

    /** Integer to float; a 64-bit source register converts a 64-bit integer. */
    public X64Assembler convert(SseConvertOp op, Xmm dst, Gpr src) {
        op.xr(enc, dst, src);
        return this;
    }

    /** Integer to float from memory; {@code src} must be a dword or a qword. */
    public X64Assembler convert(SseConvertOp op, Xmm dst, Mem src) {
        op.xm(enc, dst, src);
        return this;
    }

    /** Float to integer; the destination's width picks a 32- or 64-bit result. */
    public X64Assembler convert(SseConvertOp op, Gpr dst, Xmm src) {
        op.rx(enc, dst, src);
        return this;
    }

    public X64Assembler convert(SseConvertOp op, Gpr dst, Mem src) {
        op.rm(enc, dst, src);
        return this;
    }

    public X64Assembler cvtsi2ss(Xmm dst, Gpr src) {
        return convert(SseConvertOp.CVTSI2SS, dst, src);
    }

    public X64Assembler cvtsi2ss(Xmm dst, Mem src) {
        return convert(SseConvertOp.CVTSI2SS, dst, src);
    }

    public X64Assembler cvtsi2sd(Xmm dst, Gpr src) {
        return convert(SseConvertOp.CVTSI2SD, dst, src);
    }

    public X64Assembler cvtsi2sd(Xmm dst, Mem src) {
        return convert(SseConvertOp.CVTSI2SD, dst, src);
    }

    public X64Assembler cvttss2si(Gpr dst, Xmm src) {
        return convert(SseConvertOp.CVTTSS2SI, dst, src);
    }

    public X64Assembler cvttss2si(Gpr dst, Mem src) {
        return convert(SseConvertOp.CVTTSS2SI, dst, src);
    }

    public X64Assembler cvttsd2si(Gpr dst, Xmm src) {
        return convert(SseConvertOp.CVTTSD2SI, dst, src);
    }

    public X64Assembler cvttsd2si(Gpr dst, Mem src) {
        return convert(SseConvertOp.CVTTSD2SI, dst, src);
    }

    public X64Assembler cvtss2si(Gpr dst, Xmm src) {
        return convert(SseConvertOp.CVTSS2SI, dst, src);
    }

    public X64Assembler cvtss2si(Gpr dst, Mem src) {
        return convert(SseConvertOp.CVTSS2SI, dst, src);
    }

    public X64Assembler cvtsd2si(Gpr dst, Xmm src) {
        return convert(SseConvertOp.CVTSD2SI, dst, src);
    }

    public X64Assembler cvtsd2si(Gpr dst, Mem src) {
        return convert(SseConvertOp.CVTSD2SI, dst, src);
    }

    public X64Assembler movss(Xmm dst, Xmm src) {
        SseMoveInstructions.scalarRR(enc, true, dst, src);
        return this;
    }

    public X64Assembler movss(Xmm dst, Mem src) {
        SseMoveInstructions.scalarLoad(enc, true, dst, src);
        return this;
    }

    public X64Assembler movss(Mem dst, Xmm src) {
        SseMoveInstructions.scalarStore(enc, true, dst, src);
        return this;
    }

    public X64Assembler movsd(Xmm dst, Xmm src) {
        SseMoveInstructions.scalarRR(enc, false, dst, src);
        return this;
    }

    public X64Assembler movsd(Xmm dst, Mem src) {
        SseMoveInstructions.scalarLoad(enc, false, dst, src);
        return this;
    }

    public X64Assembler movsd(Mem dst, Xmm src) {
        SseMoveInstructions.scalarStore(enc, false, dst, src);
        return this;
    }
    /** movd xmm, r32. */
    public X64Assembler movd(Xmm dst, Gpr src) {
        Encoder.requireBits(src, 32, "movd");
        SseMoveInstructions.toXmm(enc, dst, src);
        return this;
    }

    /** movd r32, xmm. */
    public X64Assembler movd(Gpr dst, Xmm src) {
        Encoder.requireBits(dst, 32, "movd");
        SseMoveInstructions.toGpr(enc, dst, src);
        return this;
    }

    public X64Assembler movd(Xmm dst, Mem src) {
        SseMoveInstructions.movdLoad(enc, dst, src);
        return this;
    }

    public X64Assembler movd(Mem dst, Xmm src) {
        SseMoveInstructions.movdStore(enc, dst, src);
        return this;
    }

    /** movq xmm, r64. */
    public X64Assembler movq(Xmm dst, Gpr src) {
        Encoder.requireBits(src, 64, "movq");
        SseMoveInstructions.toXmm(enc, dst, src);
        return this;
    }

    /** movq r64, xmm. */
    public X64Assembler movq(Gpr dst, Xmm src) {
        Encoder.requireBits(dst, 64, "movq");
        SseMoveInstructions.toGpr(enc, dst, src);
        return this;
    }

    public X64Assembler movq(Xmm dst, Mem src) {
        SseMoveInstructions.movqLoad(enc, dst, src);
        return this;
    }

    public X64Assembler movq(Mem dst, Xmm src) {
        SseMoveInstructions.movqStore(enc, dst, src);
        return this;
    }

    /** movq xmm, xmm: copies the low 64 bits and clears the upper half. */
    public X64Assembler movq(Xmm dst, Xmm src) {
        SseMoveInstructions.movqRR(enc, dst, src);
        return this;
    }

    // ---- FMA3 (FmaOp) ----

    public X64Assembler fma(FmaOp op, Xmm a, Xmm b, Xmm c) {
        op.rrr(enc, a, b, c);
        return this;
    }

    public X64Assembler fma(FmaOp op, Xmm a, Xmm b, Mem c) {
        op.rrm(enc, a, b, c);
        return this;
    }

    public X64Assembler vfmadd132ss(Xmm a, Xmm b, Xmm c) {
        return fma(FmaOp.VFMADD132SS, a, b, c);
    }

    public X64Assembler vfmadd132ss(Xmm a, Xmm b, Mem c) {
        return fma(FmaOp.VFMADD132SS, a, b, c);
    }

    public X64Assembler vfmadd132sd(Xmm a, Xmm b, Xmm c) {
        return fma(FmaOp.VFMADD132SD, a, b, c);
    }

    public X64Assembler vfmadd132sd(Xmm a, Xmm b, Mem c) {
        return fma(FmaOp.VFMADD132SD, a, b, c);
    }

    public X64Assembler vfmadd213ss(Xmm a, Xmm b, Xmm c) {
        return fma(FmaOp.VFMADD213SS, a, b, c);
    }

    public X64Assembler vfmadd213ss(Xmm a, Xmm b, Mem c) {
        return fma(FmaOp.VFMADD213SS, a, b, c);
    }

    public X64Assembler vfmadd213sd(Xmm a, Xmm b, Xmm c) {
        return fma(FmaOp.VFMADD213SD, a, b, c);
    }

    public X64Assembler vfmadd213sd(Xmm a, Xmm b, Mem c) {
        return fma(FmaOp.VFMADD213SD, a, b, c);
    }

    public X64Assembler vfmadd231ss(Xmm a, Xmm b, Xmm c) {
        return fma(FmaOp.VFMADD231SS, a, b, c);
    }

    public X64Assembler vfmadd231ss(Xmm a, Xmm b, Mem c) {
        return fma(FmaOp.VFMADD231SS, a, b, c);
    }

    public X64Assembler vfmadd231sd(Xmm a, Xmm b, Xmm c) {
        return fma(FmaOp.VFMADD231SD, a, b, c);
    }

    public X64Assembler vfmadd231sd(Xmm a, Xmm b, Mem c) {
        return fma(FmaOp.VFMADD231SD, a, b, c);
    }
}
