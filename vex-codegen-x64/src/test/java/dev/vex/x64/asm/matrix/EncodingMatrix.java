package dev.vex.x64.asm.matrix;

import static dev.vex.x64.asm.Mem.absolute;
import static dev.vex.x64.asm.Mem.indexed;
import static dev.vex.x64.asm.Mem.mem;
import static dev.vex.x64.asm.Mem.rip;

import dev.vex.code.CodeBuffer;
import dev.vex.code.Label;
import dev.vex.x64.asm.AluOp;
import dev.vex.x64.asm.BitCountOp;
import dev.vex.x64.asm.BitTestOp;
import dev.vex.x64.asm.BmiOp;
import dev.vex.x64.asm.Cond;
import dev.vex.x64.asm.CpuFeatures;
import dev.vex.x64.asm.ExtendOp;
import dev.vex.x64.asm.FmaOp;
import dev.vex.x64.asm.Gpr;
import dev.vex.x64.asm.Mem;
import dev.vex.x64.asm.ShiftOp;
import dev.vex.x64.asm.SseConvertOp;
import dev.vex.x64.asm.SseOp;
import dev.vex.x64.asm.UnaryOp;
import dev.vex.x64.asm.X64Assembler;
import dev.vex.x64.asm.Xmm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Generates the encoding matrix: every instruction of {@link X64Assembler} in every operand form,
 * each row the Intel-syntax text GNU as assembles and the bytes our assembler emits.
 *
 * <p>Operands are chosen by the coverage rules stated on {@link X64Assembler}: registers from
 * both halves of the file (0-2, 4-8, 12, 13, 15 hit REX.R/X/B, the byte registers that need a
 * REX, and the rsp/rbp/r12/r13 numbers), memory operands that hit every ModRM/SIB/displacement
 * case, and immediates at 0, 1 and the limits of imm8, imm16 and imm32.
 *
 * <p>Text conventions, chosen so that GNU as (without -O) picks the same encoding as ours:
 * <ul>
 *   <li>{@code mov r64, imm} with imm in [0, 2^32) is written {@code mov r32, imm}: that is the
 *       encoding our assembler picks for it, and as would otherwise pick the longer C7 form.</li>
 *   <li>Forward branches are written {@code {disp32} jmp .+N}: our forward branches are rel32
 *       unless the short form is asked for. Backward branches are {@code jmp .-N}, where both
 *       assemblers pick rel8 when it reaches.</li>
 *   <li>Multi-byte nops are spelled out, with {@code {disp8}}/{@code {disp32}} forcing the
 *       displacement width of the recommended forms.</li>
 * </ul>
 */
public final class EncodingMatrix {
    private static final int[] REG_NUMBERS = {0, 1, 2, 4, 5, 6, 7, 8, 12, 13, 15};
    /** A smaller set for forms crossed with memory operands: rax, rsp/spl, rdi/dil, r8, r13, r15. */
    private static final int[] FEW_REG_NUMBERS = {0, 4, 7, 8, 13, 15};
    private static final int[] XMM_NUMBERS = {0, 1, 7, 8, 9, 15};
    private static final int[] FEW_XMM_NUMBERS = {0, 7, 8, 15};
    private static final int[] SIZES = {8, 16, 32, 64};

    private static final Mem[] MEMS = {
        mem(Gpr.RAX), mem(Gpr.RCX, 8), mem(Gpr.RDX, -0x80), mem(Gpr.RBX, 0x7f), mem(Gpr.RSI, 0x80),
        mem(Gpr.RDI, -0x81), mem(Gpr.RSP), mem(Gpr.RSP, 8), mem(Gpr.RBP), mem(Gpr.RBP, -8),
        mem(Gpr.R12), mem(Gpr.R12, 0x12345678), mem(Gpr.R13), mem(Gpr.R13, 0x10),
        mem(Gpr.R15, Integer.MIN_VALUE), mem(Gpr.RAX, Gpr.RCX, 1), mem(Gpr.RSP, Gpr.RBP, 2, 8),
        mem(Gpr.R12, Gpr.R13, 4, -8), mem(Gpr.RBP, Gpr.R12, 8), mem(Gpr.R13, Gpr.RAX, 1, 0x1000),
        mem(Gpr.R8, Gpr.R15, 2), indexed(Gpr.RCX, 8, 0x10), indexed(Gpr.R12, 4, 0), absolute(0x1000),
        rip(0x100), rip(-8),
    };
    /** A smaller set for forms crossed with immediates. */
    private static final Mem[] FEW_MEMS = {
        mem(Gpr.RAX), mem(Gpr.RSP, 8), mem(Gpr.RBP), mem(Gpr.R12, 0x12345678), mem(Gpr.R13, -0x80),
        mem(Gpr.RBX, Gpr.R12, 8, 0x7f), indexed(Gpr.R9, 2, 0x40), rip(0x20),
    };

    private final CodeBuffer buf = new CodeBuffer(64);
    private final X64Assembler asm = new X64Assembler(buf, CpuFeatures.all());
    private final List<MatrixRow> rows = new ArrayList<>();
    private final java.util.Map<String, byte[]> seen = new java.util.HashMap<>();
    private String shard;

    private EncodingMatrix() {
    }

    /** All rows, grouped by shard in a fixed order. */
    public static List<MatrixRow> generate() {
        EncodingMatrix m = new EncodingMatrix();
        m.shard = "alu";
        m.alu();
        m.shard = "unary";
        m.unary();
        m.shard = "shift";
        m.shifts();
        m.shard = "mov";
        m.moves();
        m.shard = "cond";
        m.conditions();
        m.shard = "bit";
        m.bits();
        m.shard = "branch";
        m.branches();
        m.shard = "sse";
        m.sse();
        m.shard = "fma";
        m.fma();
        m.shard = "atomic";
        m.atomics();
        return m.rows;
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void row(String text, Consumer<X64Assembler> emit) {
        buf.reset();
        emit.accept(asm);
        rowSlice(text, buf.toByteArray());
    }

    /**
     * Adds a row unless the same text is already there (mov rax, 5 and mov eax, 5 are both
     * spelled {@code mov eax, 5}); a repeated text must then have the same bytes.
     */
    private void rowSlice(String text, byte[] bytes) {
        byte[] earlier = seen.putIfAbsent(text, bytes);
        if (earlier == null) {
            rows.add(new MatrixRow(shard, text, bytes));
        } else if (!java.util.Arrays.equals(earlier, bytes)) {
            throw new AssertionError("two encodings for " + text);
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static Gpr[] regs(int[] numbers, int bits) {
        Gpr[] r = new Gpr[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            r[i] = Gpr.of(numbers[i], bits);
        }
        return r;
    }

    private static Xmm[] xmms(int[] numbers) {
        Xmm[] r = new Xmm[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            r[i] = Xmm.of(numbers[i]);
        }
        return r;
    }

    private static Mem[] sized(Mem[] mems, int bits) {
        Mem[] r = new Mem[mems.length];
        for (int i = 0; i < mems.length; i++) {
            r[i] = mems[i].withBits(bits);
        }
        return r;
    }

    /** Immediates at the edges of the imm8/imm16/imm32 encodings for an operand of {@code bits}. */
    private static int[] imms(int bits) {
        return switch (bits) {
            case 8 -> new int[] {0, 1, -1, 127, -128, 100};
            case 16 -> new int[] {0, 1, -1, 127, -128, 128, -129, 0x7fff, -0x8000, 0x1234};
            default -> new int[] {0, 1, -1, 127, -128, 128, -129, 0x7fffffff, Integer.MIN_VALUE, 0x12345678};
        };
    }

    private static int[] fewImms(int bits) {
        return switch (bits) {
            case 8 -> new int[] {0, -1, 127};
            case 16 -> new int[] {0, -128, 0x7fff};
            default -> new int[] {0, -128, 0x12345678};
        };
    }

    // ---- families ------------------------------------------------------------------------------

    private void alu() {
        // cmp r, fs:[m]: the thread-local compare of the stack-limit check.
        for (int bits : new int[] {32, 64}) {
            for (Gpr r : regs(FEW_REG_NUMBERS, bits)) {
                for (Mem m : FEW_MEMS) {
                    String t = m.withBits(bits).toString();
                    int open = t.indexOf('[');
                    row("cmp " + r + ", " + t.substring(0, open) + "fs:" + t.substring(open), x -> x.cmpFs(r, m));
                }
            }
        }
        for (AluOp op : AluOp.values()) {
            String n = lower(op);
            for (int bits : SIZES) {
                for (Gpr a : regs(REG_NUMBERS, bits)) {
                    for (Gpr b : regs(REG_NUMBERS, bits)) {
                        row(n + " " + a + ", " + b, x -> x.alu(op, a, b));
                    }
                }
                for (Gpr r : regs(FEW_REG_NUMBERS, bits)) {
                    for (Mem m : MEMS) {
                        row(n + " " + r + ", " + m, x -> x.alu(op, r, m));
                        row(n + " " + m + ", " + r, x -> x.alu(op, m, r));
                    }
                }
                for (Gpr r : regs(REG_NUMBERS, bits)) {
                    for (int imm : imms(bits)) {
                        row(n + " " + r + ", " + imm, x -> x.alu(op, r, imm));
                    }
                }
                for (Mem m : sized(FEW_MEMS, bits)) {
                    for (int imm : fewImms(bits)) {
                        row(n + " " + m + ", " + imm, x -> x.alu(op, m, imm));
                    }
                }
            }
        }
        for (int bits : SIZES) {
            for (Gpr a : regs(REG_NUMBERS, bits)) {
                for (Gpr b : regs(FEW_REG_NUMBERS, bits)) {
                    row("test " + a + ", " + b, x -> x.test(a, b));
                }
                for (int imm : imms(bits)) {
                    row("test " + a + ", " + imm, x -> x.test(a, imm));
                }
            }
            for (Gpr r : regs(FEW_REG_NUMBERS, bits)) {
                for (Mem m : MEMS) {
                    row("test " + m + ", " + r, x -> x.test(m, r));
                }
            }
            for (Mem m : sized(FEW_MEMS, bits)) {
                for (int imm : fewImms(bits)) {
                    row("test " + m + ", " + imm, x -> x.test(m, imm));
                }
            }
        }
    }

    private void unary() {
        for (UnaryOp op : UnaryOp.values()) {
            String n = lower(op);
            for (int bits : SIZES) {
                for (int i = 0; i < 16; i++) {
                    Gpr r = Gpr.of(i, bits);
                    row(n + " " + r, x -> x.unary(op, r));
                }
                for (Mem m : sized(MEMS, bits)) {
                    row(n + " " + m, x -> x.unary(op, m));
                }
            }
        }
        for (int bits : new int[] {16, 32, 64}) {
            for (Gpr a : regs(REG_NUMBERS, bits)) {
                for (Gpr b : regs(REG_NUMBERS, bits)) {
                    row("imul " + a + ", " + b, x -> x.imul(a, b));
                }
            }
            for (Gpr a : regs(FEW_REG_NUMBERS, bits)) {
                for (Mem m : MEMS) {
                    row("imul " + a + ", " + m, x -> x.imul(a, m));
                }
                for (Gpr b : regs(FEW_REG_NUMBERS, bits)) {
                    for (int imm : imms(bits)) {
                        row("imul " + a + ", " + b + ", " + imm, x -> x.imul(a, b, imm));
                    }
                }
                for (Mem m : FEW_MEMS) {
                    for (int imm : fewImms(bits)) {
                        row("imul " + a + ", " + m + ", " + imm, x -> x.imul(a, m, imm));
                    }
                }
            }
        }
        row("cwd", X64Assembler::cwd);
        row("cdq", X64Assembler::cdq);
        row("cqo", X64Assembler::cqo);
        row("cdqe", X64Assembler::cdqe);
    }

    private void shifts() {
        int[] counts = {0, 1, 2, 7, 31};
        for (ShiftOp op : ShiftOp.values()) {
            String n = lower(op);
            for (int bits : SIZES) {
                for (Gpr r : regs(REG_NUMBERS, bits)) {
                    for (int c : counts) {
                        row(n + " " + r + ", " + c, x -> x.shift(op, r, c));
                    }
                    row(n + " " + r + ", cl", x -> x.shiftByCl(op, r));
                }
                for (Mem m : sized(FEW_MEMS, bits)) {
                    for (int c : counts) {
                        row(n + " " + m + ", " + c, x -> x.shift(op, m, c));
                    }
                    row(n + " " + m + ", cl", x -> x.shiftByCl(op, m));
                }
            }
        }
    }

    private void moves() {
        for (int bits : SIZES) {
            for (Gpr a : regs(REG_NUMBERS, bits)) {
                for (Gpr b : regs(REG_NUMBERS, bits)) {
                    row("mov " + a + ", " + b, x -> x.mov(a, b));
                }
            }
            for (Gpr r : regs(FEW_REG_NUMBERS, bits)) {
                for (Mem m : MEMS) {
                    row("mov " + r + ", " + m, x -> x.mov(r, m));
                    row("mov " + m + ", " + r, x -> x.mov(m, r));
                }
            }
            for (Mem m : sized(MEMS, bits)) {
                for (int imm : fewImms(bits)) {
                    row("mov " + m + ", " + imm, x -> x.mov(m, imm));
                }
            }
        }
        long[] imm64 = {0, 1, -1, 127, -128, 0x7fffffffL, 0x80000000L, 0xffffffffL, 0x100000000L, -0x80000000L,
            -0x80000001L, 0x123456789abcdefL, Long.MIN_VALUE, Long.MAX_VALUE};
        for (int i = 0; i < 16; i++) {
            for (int bits : SIZES) {
                Gpr r = Gpr.of(i, bits);
                if (bits == 64) {
                    for (long imm : imm64) {
                        // Our mov picks the 32-bit form for [0, 2^32); spell it that way for as.
                        String text = imm >= 0 && imm <= 0xffffffffL ? "mov " + r.withBits(32) + ", " + imm : "mov " + r + ", " + imm;
                        row(text, x -> x.mov(r, imm));
                    }
                    for (long imm : new long[] {0, -1, 0x123456789abcdefL}) {
                        row("movabs " + r + ", " + imm, x -> x.movabs(r, imm));
                    }
                } else {
                    for (int imm : imms(bits)) {
                        row("mov " + r + ", " + imm, x -> x.mov(r, imm));
                    }
                    if (bits == 32) {
                        row("mov " + r + ", " + 0xffffffffL, x -> x.mov(r, 0xffffffffL));
                    }
                }
            }
        }
        for (int bits : SIZES) {
            Gpr acc = Gpr.of(0, bits);
            for (long address : new long[] {0x1000, 0x123456789abcdefL, -8}) {
                row("movabs " + acc + ", [" + address + "]", x -> x.movabsLoad(acc, address));
                row("movabs [" + address + "], " + acc, x -> x.movabsStore(address, acc));
            }
        }
        int[][] widenings = {{16, 8}, {32, 8}, {64, 8}, {32, 16}, {64, 16}};
        for (ExtendOp op : new ExtendOp[] {ExtendOp.MOVZX, ExtendOp.MOVSX}) {
            String n = lower(op);
            for (int[] w : widenings) {
                for (Gpr d : regs(REG_NUMBERS, w[0])) {
                    for (Gpr s : regs(REG_NUMBERS, w[1])) {
                        row(n + " " + d + ", " + s, x -> x.extend(op, d, s));
                    }
                }
                for (Gpr d : regs(FEW_REG_NUMBERS, w[0])) {
                    for (Mem m : sized(MEMS, w[1])) {
                        row(n + " " + d + ", " + m, x -> x.extend(op, d, m));
                    }
                }
            }
        }
        for (Gpr d : regs(REG_NUMBERS, 64)) {
            for (Gpr s : regs(REG_NUMBERS, 32)) {
                row("movsxd " + d + ", " + s, x -> x.movsxd(d, s));
            }
        }
        for (Gpr d : regs(FEW_REG_NUMBERS, 64)) {
            for (Mem m : sized(MEMS, 32)) {
                row("movsxd " + d + ", " + m, x -> x.movsxd(d, m));
            }
        }
        for (int bits : new int[] {16, 32, 64}) {
            for (Gpr d : regs(REG_NUMBERS, bits)) {
                for (Mem m : MEMS) {
                    row("lea " + d + ", " + m, x -> x.lea(d, m));
                }
            }
        }
        for (int bits : SIZES) {
            for (Gpr a : regs(REG_NUMBERS, bits)) {
                for (Gpr b : regs(REG_NUMBERS, bits)) {
                    row("xchg " + a + ", " + b, x -> x.xchg(a, b));
                }
            }
            for (Gpr r : regs(FEW_REG_NUMBERS, bits)) {
                for (Mem m : MEMS) {
                    row("xchg " + m + ", " + r, x -> x.xchg(m, r));
                }
            }
        }
        for (int i = 0; i < 16; i++) {
            Gpr r32 = Gpr.of(i, 32);
            Gpr r64 = Gpr.of(i, 64);
            row("bswap " + r32, x -> x.bswap(r32));
            row("bswap " + r64, x -> x.bswap(r64));
            row("push " + r64, x -> x.push(r64));
            row("pop " + r64, x -> x.pop(r64));
        }
        for (Mem m : sized(MEMS, 64)) {
            row("push " + m, x -> x.push(m));
            row("pop " + m, x -> x.pop(m));
        }
        for (int imm : imms(32)) {
            row("push " + imm, x -> x.push(imm));
        }
    }

    private void conditions() {
        for (Cond cc : Cond.values()) {
            String s = cc.suffix();
            for (int i = 0; i < 16; i++) {
                Gpr r = Gpr.of(i, 8);
                row("set" + s + " " + r, x -> x.setcc(cc, r));
            }
            for (Mem m : sized(FEW_MEMS, 8)) {
                row("set" + s + " " + m, x -> x.setcc(cc, m));
            }
            for (int bits : new int[] {16, 32, 64}) {
                for (Gpr a : regs(FEW_REG_NUMBERS, bits)) {
                    for (Gpr b : regs(FEW_REG_NUMBERS, bits)) {
                        row("cmov" + s + " " + a + ", " + b, x -> x.cmov(cc, a, b));
                    }
                    for (Mem m : FEW_MEMS) {
                        row("cmov" + s + " " + a + ", " + m, x -> x.cmov(cc, a, m));
                    }
                }
            }
        }
    }

    private void bits() {
        for (BitTestOp op : BitTestOp.values()) {
            String n = lower(op);
            for (int bits : new int[] {16, 32, 64}) {
                for (Gpr a : regs(FEW_REG_NUMBERS, bits)) {
                    for (Gpr b : regs(FEW_REG_NUMBERS, bits)) {
                        row(n + " " + a + ", " + b, x -> x.bitTest(op, a, b));
                    }
                    for (Mem m : FEW_MEMS) {
                        row(n + " " + m + ", " + a, x -> x.bitTest(op, m, a));
                    }
                    for (int imm : new int[] {0, 5, 15, 31, 63}) {
                        row(n + " " + a + ", " + imm, x -> x.bitTest(op, a, imm));
                    }
                }
                for (Mem m : sized(FEW_MEMS, bits)) {
                    for (int imm : new int[] {0, 7, 63}) {
                        row(n + " " + m + ", " + imm, x -> x.bitTest(op, m, imm));
                    }
                }
            }
        }
        for (BitCountOp op : BitCountOp.values()) {
            String n = lower(op);
            for (int bits : new int[] {16, 32, 64}) {
                for (Gpr a : regs(REG_NUMBERS, bits)) {
                    for (Gpr b : regs(REG_NUMBERS, bits)) {
                        row(n + " " + a + ", " + b, x -> x.bitCount(op, a, b));
                    }
                }
                for (Gpr a : regs(FEW_REG_NUMBERS, bits)) {
                    for (Mem m : MEMS) {
                        row(n + " " + a + ", " + m, x -> x.bitCount(op, a, m));
                    }
                }
            }
        }
        for (BmiOp op : BmiOp.values()) {
            String n = lower(op);
            for (int bits : new int[] {32, 64}) {
                Gpr[] rs = regs(FEW_REG_NUMBERS, bits);
                for (Gpr a : rs) {
                    for (Gpr b : rs) {
                        switch (op.form) {
                            case VM -> row(n + " " + a + ", " + b, x -> x.bmi(op, a, b));
                            case RMI -> {
                                for (int imm : new int[] {0, 1, 31, 63}) {
                                    row(n + " " + a + ", " + b + ", " + imm, x -> x.rorx(a, b, imm));
                                }
                            }
                            default -> {
                                for (Gpr c : rs) {
                                    row(n + " " + a + ", " + b + ", " + c, x -> x.bmi(op, a, b, c));
                                }
                            }
                        }
                    }
                    for (Mem m : MEMS) {
                        switch (op.form) {
                            case VM -> row(n + " " + a + ", " + m, x -> x.bmi(op, a, m));
                            case RMI -> row(n + " " + a + ", " + m + ", 7", x -> x.rorx(a, m, 7));
                            case RVM -> row(n + " " + a + ", " + rs[5] + ", " + m, x -> x.bmi(op, a, rs[5], m));
                            case RMV -> row(n + " " + a + ", " + m + ", " + rs[3], x -> x.bmi(op, a, m, rs[3]));
                            default -> throw new AssertionError(op);
                        }
                    }
                }
            }
        }
    }

    private void branches() {
        // Backward: the label sits `distance` bytes before the branch.
        for (int distance : new int[] {0, 1, 2, 100, 126, 127, 128, 129, 200, 5000}) {
            backward("jmp", distance, (x, l) -> x.jmp(l));
            for (Cond cc : Cond.values()) {
                backward("j" + cc.suffix(), distance, (x, l) -> x.jcc(cc, l));
            }
            backward("call", distance, (x, l) -> x.call(l));
        }
        // Forward: the label sits `gap` bytes after the end of the branch.
        for (int gap : new int[] {0, 1, 100, 127, 128, 1000, 100000}) {
            forward("{disp32} jmp", gap, (x, l) -> x.jmp(l));
            for (Cond cc : Cond.values()) {
                forward("{disp32} j" + cc.suffix(), gap, (x, l) -> x.jcc(cc, l));
            }
            forward("call", gap, (x, l) -> x.call(l));
            if (gap <= 127) {
                forward("jmp", gap, (x, l) -> x.jmpShort(l));
                for (Cond cc : Cond.values()) {
                    forward("j" + cc.suffix(), gap, (x, l) -> x.jccShort(cc, l));
                }
            }
            forwardRip(gap);
        }
        for (int i = 0; i < 16; i++) {
            Gpr r = Gpr.of(i, 64);
            row("call " + r, x -> x.call(r));
            row("jmp " + r, x -> x.jmp(r));
        }
        for (Mem m : sized(MEMS, 64)) {
            row("call " + m, x -> x.call(m));
            row("jmp " + m, x -> x.jmp(m));
        }
        row("call vex_symbol", x -> x.call("vex_symbol"));
        row("jmp vex_symbol", x -> x.jmp("vex_symbol"));
        for (int i = 0; i < 16; i++) {
            Gpr r = Gpr.of(i, 64);
            row("movabs " + r + ", offset vex_symbol", x -> x.movabs(r, "vex_symbol", 0));
        }
        row("ret", X64Assembler::ret);
        row("ret 8", x -> x.ret(8));
        row("ret 65535", x -> x.ret(65535));
        row("ud2", X64Assembler::ud2);
        row("int3", X64Assembler::int3);
        String[] nops = {
            "nop", "xchg ax, ax", "nop dword ptr [rax]", "{disp8} nop dword ptr [rax]",
            "{disp8} nop dword ptr [rax+rax*1]", "{disp8} nop word ptr [rax+rax*1]", "{disp32} nop dword ptr [rax]",
            "{disp32} nop dword ptr [rax+rax*1]", "{disp32} nop word ptr [rax+rax*1]",
        };
        for (int length = 1; length <= 30; length++) {
            StringBuilder text = new StringBuilder();
            for (int left = length; left > 0; left -= 9) {
                if (text.length() > 0) {
                    text.append(" ; ");
                }
                text.append(nops[Math.min(left, 9) - 1]);
            }
            int n = length;
            row(text.toString(), x -> x.nop(n));
        }
    }

    private interface LabelUse {
        void emit(X64Assembler asm, Label label);
    }

    private void backward(String mnemonic, int distance, LabelUse use) {
        buf.reset();
        Label l = asm.newLabel();
        asm.bind(l).nop(distance);
        int start = buf.position();
        use.emit(asm, l);
        byte[] all = buf.toByteArray();
        rowSlice(mnemonic + " .-" + distance, java.util.Arrays.copyOfRange(all, start, all.length));
    }

    private void forward(String mnemonic, int gap, LabelUse use) {
        buf.reset();
        Label l = asm.newLabel();
        use.emit(asm, l);
        int end = buf.position();
        asm.nop(gap).bind(l);
        byte[] all = buf.toByteArray();
        rowSlice(mnemonic + " .+" + (end + gap), java.util.Arrays.copyOfRange(all, 0, end));
    }

    /** RIP-relative operands that refer to a label bound after the instruction. */
    private void forwardRip(int gap) {
        for (Gpr r : regs(FEW_REG_NUMBERS, 64)) {
            ripRow(gap, l -> "lea " + r + ", [rip+", l -> asm.lea(r, rip(l)), "]");
        }
        ripRow(gap, l -> "mov dword ptr [rip+", l -> asm.mov(rip(l).withBits(32), 0x12345678), "], 305419896");
        ripRow(gap, l -> "mov word ptr [rip+", l -> asm.mov(rip(l).withBits(16), -2), "], -2");
        ripRow(gap, l -> "cmp byte ptr [rip+", l -> asm.cmp(rip(l).withBits(8), 5), "], 5");
        ripRow(gap, l -> "rorx r13, qword ptr [rip+", l -> asm.rorx(Gpr.R13, rip(l), 3), "], 3");
        ripRow(gap, l -> "roundsd xmm9, qword ptr [rip+", l -> asm.roundsd(Xmm.XMM9, rip(l), 4), "], 4");
        ripRow(gap, l -> "addsd xmm1, qword ptr [rip+", l -> asm.addsd(Xmm.XMM1, rip(l)), "]");
    }

    private void ripRow(int gap, java.util.function.Function<Label, String> prefix, Consumer<Label> emit, String suffix) {
        buf.reset();
        Label l = asm.newLabel();
        emit.accept(l);
        int end = buf.position();
        asm.nop(gap).bind(l);
        byte[] all = buf.toByteArray();
        rowSlice(prefix.apply(l) + ".+" + (end + gap) + suffix, java.util.Arrays.copyOfRange(all, 0, end));
    }

    private void sse() {
        Xmm[] xs = xmms(XMM_NUMBERS);
        for (SseOp op : SseOp.values()) {
            String n = lower(op);
            for (Xmm a : xs) {
                for (Xmm b : xs) {
                    if (op.takesImmediate()) {
                        for (int mode : new int[] {0, 4, 11}) {
                            row(n + " " + a + ", " + b + ", " + mode, x -> x.sse(op, a, b, mode));
                        }
                    } else {
                        row(n + " " + a + ", " + b, x -> x.sse(op, a, b));
                    }
                }
                for (Mem m : MEMS) {
                    if (op.takesImmediate()) {
                        row(n + " " + a + ", " + m + ", 9", x -> x.sse(op, a, m, 9));
                    } else {
                        row(n + " " + a + ", " + m, x -> x.sse(op, a, m));
                    }
                }
            }
        }
        for (SseConvertOp op : SseConvertOp.values()) {
            String n = lower(op);
            for (int bits : new int[] {32, 64}) {
                for (Gpr r : regs(REG_NUMBERS, bits)) {
                    for (Xmm v : xs) {
                        if (op.toXmm()) {
                            row(n + " " + v + ", " + r, x -> x.convert(op, v, r));
                        } else {
                            row(n + " " + r + ", " + v, x -> x.convert(op, r, v));
                        }
                    }
                }
                for (Mem m : MEMS) {
                    for (Xmm v : xmms(FEW_XMM_NUMBERS)) {
                        if (op.toXmm()) {
                            Mem sm = m.withBits(bits);
                            row(n + " " + v + ", " + sm, x -> x.convert(op, v, sm));
                        } else {
                            Gpr r = Gpr.of(v.number, bits);
                            row(n + " " + r + ", " + m, x -> x.convert(op, r, m));
                        }
                    }
                }
            }
        }
        for (String n : new String[] {"movss", "movsd"}) {
            boolean single = n.equals("movss");
            for (Xmm a : xs) {
                for (Xmm b : xs) {
                    row(n + " " + a + ", " + b, x -> { if (single) { x.movss(a, b); } else { x.movsd(a, b); } });
                }
                for (Mem m : MEMS) {
                    row(n + " " + a + ", " + m, x -> { if (single) { x.movss(a, m); } else { x.movsd(a, m); } });
                    row(n + " " + m + ", " + a, x -> { if (single) { x.movss(m, a); } else { x.movsd(m, a); } });
                }
            }
        }
        for (int i = 0; i < 16; i++) {
            Xmm v = Xmm.of(i);
            for (int j : REG_NUMBERS) {
                Gpr r32 = Gpr.of(j, 32);
                Gpr r64 = Gpr.of(j, 64);
                row("movd " + v + ", " + r32, x -> x.movd(v, r32));
                row("movd " + r32 + ", " + v, x -> x.movd(r32, v));
                row("movq " + v + ", " + r64, x -> x.movq(v, r64));
                row("movq " + r64 + ", " + v, x -> x.movq(r64, v));
            }
            for (Xmm w : xs) {
                row("movq " + v + ", " + w, x -> x.movq(v, w));
            }
        }
        for (Xmm v : xs) {
            for (Mem m : MEMS) {
                Mem d = m.withBits(32);
                Mem q = m.withBits(64);
                row("movd " + v + ", " + d, x -> x.movd(v, d));
                row("movd " + d + ", " + v, x -> x.movd(d, v));
                row("movq " + v + ", " + q, x -> x.movq(v, q));
                row("movq " + q + ", " + v, x -> x.movq(q, v));
            }
        }
    }

    /** lock xadd and lock cmpxchg at every width on every address form, and mfence. */
    private void atomics() {
        for (int bits : SIZES) {
            for (Gpr r : regs(REG_NUMBERS, bits)) {
                for (Mem m : sized(MEMS, bits)) {
                    row("lock xadd " + m + ", " + r, x -> x.lockXadd(m, r));
                    row("lock cmpxchg " + m + ", " + r, x -> x.lockCmpxchg(m, r));
                }
            }
        }
        row("mfence", X64Assembler::mfence);
    }

    private void fma() {
        Xmm[] xs = xmms(FEW_XMM_NUMBERS);
        for (FmaOp op : FmaOp.values()) {
            String n = lower(op);
            for (Xmm a : xs) {
                for (Xmm b : xs) {
                    for (Xmm c : xs) {
                        row(n + " " + a + ", " + b + ", " + c, x -> x.fma(op, a, b, c));
                    }
                    for (Mem m : FEW_MEMS) {
                        row(n + " " + a + ", " + b + ", " + m, x -> x.fma(op, a, b, m));
                    }
                }
            }
        }
    }
}
