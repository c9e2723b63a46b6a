package dev.vex.x64.asm;

import dev.vex.code.CodeBuffer;
import dev.vex.code.Label;

/**
 * The x86-64 assembler: a fluent, typed front to the instruction families, writing into a
 * {@link CodeBuffer} from {@code vex-core}. The mnemonic methods come in layers, one per
 * instruction group ({@link ArithmeticMnemonics}, {@link MoveMnemonics}, {@link BitMnemonics},
 * {@link SseMnemonics}); this class adds labels, symbols, control flow and padding.
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
public final class X64Assembler extends SseMnemonics {
    /** An assembler that appends to {@code buf} and may use the optional instructions in {@code features}. */
    public X64Assembler(CodeBuffer buf, CpuFeatures features) {
        super(buf, features);
    }

    // ---- labels and symbols ----

    public Label newLabel() {
        return new Label();
    }

    /** Binds {@code label} here; waiting branches to it are patched. */
    public X64Assembler bind(Label label) {
        buf.bind(label);
        return self();
    }

    /** Defines a symbol (a function entry, say) at the current position. */
    public X64Assembler defineSymbol(String name) {
        buf.defineSymbol(name);
        return self();
    }

    /** Pads with nops up to a multiple of {@code alignment} (a power of two). */
    public X64Assembler align(int alignment) {
        if (alignment <= 0 || (alignment & (alignment - 1)) != 0) {
            throw new X64EncodingException("alignment must be a power of two: " + alignment);
        }
        MiscInstructions.nop(enc, -buf.position() & (alignment - 1));
        return self();
    }

    // ---- thread-local access ----

    /**
     * {@code cmp dst, fs:[src]}: a compare against memory addressed relative to the thread
     * pointer, with the fs segment override (64) ahead of the REX prefix. The initial-exec TLS
     * sequence of the stack-limit check uses it.
     */
    public X64Assembler cmpFs(Gpr dst, Mem src) {
        buf.put1(0x64);
        return cmp(dst, src);
    }

    // ---- control flow (BranchInstructions) ----

    /** Jumps to {@code target}: rel8 if it is bound and in reach, else rel32. */
    public X64Assembler jmp(Label target) {
        BranchInstructions.jmp(enc, target);
        return self();
    }

    /** Always rel8; binding the label out of reach throws. */
    public X64Assembler jmpShort(Label target) {
        BranchInstructions.jmpShort(enc, target);
        return self();
    }

    public X64Assembler jmp(Gpr target) {
        BranchInstructions.indirect(enc, BranchInstructions.JMP_M, target);
        return self();
    }

    public X64Assembler jmp(Mem target) {
        BranchInstructions.indirect(enc, BranchInstructions.JMP_M, target);
        return self();
    }

    /** A rel32 jump (tail call) to a symbol, with a pc-relative relocation. */
    public X64Assembler jmp(String symbol) {
        BranchInstructions.toSymbol(enc, BranchInstructions.JMP_REL32, symbol);
        return self();
    }

    /** Conditional jump: rel8 if {@code target} is bound and in reach, else rel32. */
    public X64Assembler jcc(Cond cc, Label target) {
        BranchInstructions.jcc(enc, cc, target);
        return self();
    }

    /** Always rel8; binding the label out of reach throws. */
    public X64Assembler jccShort(Cond cc, Label target) {
        BranchInstructions.jccShort(enc, cc, target);
        return self();
    }

    public X64Assembler call(Label target) {
        BranchInstructions.call(enc, target);
        return self();
    }

    /** A rel32 call to a symbol, with a pc-relative relocation (addend -4). */
    public X64Assembler call(String symbol) {
        BranchInstructions.toSymbol(enc, BranchInstructions.CALL_REL32, symbol);
        return self();
    }

    public X64Assembler call(Gpr target) {
        BranchInstructions.indirect(enc, BranchInstructions.CALL_M, target);
        return self();
    }

    public X64Assembler call(Mem target) {
        BranchInstructions.indirect(enc, BranchInstructions.CALL_M, target);
        return self();
    }

    public X64Assembler ret() {
        BranchInstructions.ret(enc, 0);
        return self();
    }

    /** Returns and pops {@code popBytes} more bytes. */
    public X64Assembler ret(int popBytes) {
        BranchInstructions.ret(enc, popBytes);
        return self();
    }

    // ---- traps and padding ----

    public X64Assembler ud2() {
        MiscInstructions.ud2(enc);
        return self();
    }

    public X64Assembler int3() {
        MiscInstructions.int3(enc);
        return self();
    }

    /** {@code length} bytes of nops, in as few instructions as the recommended forms allow. */
    public X64Assembler nop(int length) {
        MiscInstructions.nop(enc, length);
        return self();
    }

    public X64Assembler nop() {
        return nop(1);
    }
}
