package dev.vex.aarch64.asm.matrix;

import dev.vex.aarch64.asm.A64Assembler;
import dev.vex.aarch64.asm.AddSub;
import dev.vex.aarch64.asm.Atomic;
import dev.vex.aarch64.asm.AtomicOrder;
import dev.vex.aarch64.asm.BarrierOption;
import dev.vex.aarch64.asm.Bitfield;
import dev.vex.aarch64.asm.BitmaskImmediate;
import dev.vex.aarch64.asm.Cond;
import dev.vex.aarch64.asm.CondSelect;
import dev.vex.aarch64.asm.DataProc1;
import dev.vex.aarch64.asm.DataProc2;
import dev.vex.aarch64.asm.Extend;
import dev.vex.aarch64.asm.FpArith;
import dev.vex.aarch64.asm.FpConvert;
import dev.vex.aarch64.asm.LoadStore;
import dev.vex.aarch64.asm.LoadStorePair;
import dev.vex.aarch64.asm.Logical;
import dev.vex.aarch64.asm.Mem;
import dev.vex.aarch64.asm.MoveWide;
import dev.vex.aarch64.asm.Multiply;
import dev.vex.aarch64.asm.Ordered;
import dev.vex.aarch64.asm.Reg;
import dev.vex.aarch64.asm.Shift;
import dev.vex.aarch64.asm.VReg;
import dev.vex.code.CodeBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Generates the A64 encoding matrix: every row of every family of the encoding table in every
 * operand form, plus the aliases the assembler offers, each with the text GNU as assembles and
 * the bytes our assembler emits.
 *
 * <p>Operands follow the coverage rules on {@link A64Assembler}: general registers 0, 1, 15, 16,
 * 29, 30 and 31 (as the zero register or sp, whichever the field means), both widths; FP
 * registers 0, 1, 15, 16, 31; immediates at 0, 1 and each field's limits; every shift,
 * extension, condition and addressing mode.
 *
 * <p>Text conventions: offsets of branches are written {@code .+N}/{@code .-N}; unscaled
 * offsets use the LDUR/STUR mnemonics; a byte access with a scaled register offset is written
 * {@code lsl #0}, as as wants it. ADRP is left out (as emits a relocation for it); its encoding
 * is checked by {@code PcRelativeTest}.
 */
public final class EncodingMatrix {
    static final int[] GP = {0, 1, 15, 16, 29, 30};
    static final int[] FP = {0, 1, 15, 16, 31};

    private final CodeBuffer buf = new CodeBuffer(64);
    private final A64Assembler asm = new A64Assembler(buf);
    private final List<MatrixRow> rows = new ArrayList<>();
    private final Map<String, byte[]> seen = new HashMap<>();
    private String shard;

    private EncodingMatrix() {
    }

    /** The whole matrix, in a fixed order. */
    public static List<MatrixRow> generate() {
        EncodingMatrix m = new EncodingMatrix();
        m.addSub();
        m.logical();
        m.moves();
        m.bitfield();
        m.condSelect();
        m.dataProcessing();
        m.branches();
        m.loadStore();
        m.pairs();
        m.orderedAndAtomic();
        m.floatingPoint();
        m.system();
        return m.rows;
    }

    private void row(String text, Consumer<A64Assembler> emit) {
        buf.reset();
        emit.accept(asm);
        byte[] bytes = buf.toByteArray();
        byte[] before = seen.putIfAbsent(text, bytes);
        if (before != null) {
            if (!java.util.Arrays.equals(before, bytes)) {
                throw new IllegalStateException("one text, two encodings: " + text);
            }
            return;
        }
        rows.add(new MatrixRow(shard, text, bytes));
    }

    private static Reg gp(int n, boolean x) {
        return x ? Reg.x(n) : Reg.w(n);
    }

    /** Register sets: the sample numbers plus 31 as zr, or as sp. */
    private static List<Reg> regs(boolean x, boolean withZr, boolean withSp) {
        List<Reg> l = new ArrayList<>();
        for (int n : GP) {
            l.add(gp(n, x));
        }
        if (withZr) {
            l.add(x ? Reg.XZR : Reg.WZR);
        }
        if (withSp) {
            l.add(x ? Reg.SP : Reg.WSP);
        }
        return l;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String hex(long v) {
        return "#0x" + Long.toHexString(v);
    }

    // ---- add and subtract ----------------------------------------------------------------------

    private void addSub() {
        shard = "addsub";
        long[] imms = {0, 1, 0x7b, 0xfff, 0x1000, 0x7b000, 0xfff000};
        for (boolean x : new boolean[] {true, false}) {
            for (AddSub op : new AddSub[] {AddSub.ADD_IMM, AddSub.ADDS_IMM, AddSub.SUB_IMM, AddSub.SUBS_IMM}) {
                boolean flags = op == AddSub.ADDS_IMM || op == AddSub.SUBS_IMM;
                String m = op.encoding().mnemonic();
                for (Reg d : regs(x, flags, !flags)) {
                    for (Reg n : regs(x, false, true)) {
                        for (long imm : imms) {
                            String immText = imm < 4096 ? "#" + imm : "#" + (imm >>> 12) + ", lsl #12";
                            row(m + " " + d + ", " + n + ", " + immText, a -> a.addSubImm(op, d, n, imm));
                        }
                    }
                }
            }
            List<Reg> rs = regs(x, true, false);
            for (AddSub op : new AddSub[] {AddSub.ADD_SHIFTED, AddSub.ADDS_SHIFTED, AddSub.SUB_SHIFTED, AddSub.SUBS_SHIFTED}) {
                String m = op.encoding().mnemonic();
                for (int i = 0; i < rs.size(); i++) {
                    Reg d = rs.get(i);
                    Reg n = rs.get((i + 1) % rs.size());
                    Reg r = rs.get((i + 3) % rs.size());
                    for (Shift s : new Shift[] {Shift.LSL, Shift.LSR, Shift.ASR}) {
                        for (int amount : new int[] {0, 1, 13, x ? 63 : 31}) {
                            row(m + " " + d + ", " + n + ", " + r + ", " + lower(s) + " #" + amount,
                                a -> a.addSubShifted(op, d, n, r, s, amount));
                        }
                    }
                }
            }
            for (AddSub op : new AddSub[] {AddSub.ADD_EXTENDED, AddSub.ADDS_EXTENDED, AddSub.SUB_EXTENDED, AddSub.SUBS_EXTENDED}) {
                boolean flags = op == AddSub.ADDS_EXTENDED || op == AddSub.SUBS_EXTENDED;
                String m = op.encoding().mnemonic();
                List<Reg> ds = regs(x, flags, !flags);
                List<Reg> ns = regs(x, false, true);
                for (int i = 0; i < ds.size(); i++) {
                    Reg d = ds.get(i);
                    Reg n = ns.get((i + 2) % ns.size());
                    for (Extend e : Extend.values()) {
                        if (e.takesX() && !x) {
                            continue;
                        }
                        Reg r = gp(GP[(i + 1) % GP.length], e.takesX());
                        for (int amount = 0; amount <= 4; amount++) {
                            int am = amount;
                            row(m + " " + d + ", " + n + ", " + r + ", " + lower(e) + (amount == 0 ? "" : " #" + amount),
                                a -> a.addSubExtended(op, d, n, r, e, am));
                        }
                    }
                }
            }
            for (Reg n : regs(x, true, false)) {
                Reg r = gp(16, x);
                if (!n.isZr()) { // the immediate forms read sp, not the zero register, as register 31
                    row("cmp " + n + ", #42", a -> a.cmp(n, 42));
                    row("cmn " + n + ", #4095", a -> a.cmn(n, 4095));
                }
                row("cmp " + n + ", " + r, a -> a.cmp(n, r));
                row("cmn " + n + ", " + r, a -> a.cmn(n, r));
                row("neg " + n + ", " + r, a -> a.neg(n, r));
                row("negs " + n + ", " + r, a -> a.negs(n, r));
                row("add " + n + ", " + r + ", " + n, a -> a.add(n, r, n));
                row("subs " + n + ", " + r + ", " + n, a -> a.subs(n, r, n));
            }
            Reg spx = x ? Reg.SP : Reg.WSP;
            row("cmp " + spx + ", #16", a -> a.cmp(spx, 16));
            row("cmp " + spx + ", " + gp(3, x) + ", " + (x ? "uxtx" : "uxtw"), a -> a.cmp(spx, gp(3, x)));
            row("add " + spx + ", " + spx + ", " + gp(5, x) + ", " + (x ? "uxtx" : "uxtw"), a -> a.add(spx, spx, gp(5, x)));
            row("sub " + spx + ", " + spx + ", " + gp(5, x) + ", " + (x ? "uxtx" : "uxtw"), a -> a.sub(spx, spx, gp(5, x)));
        }
    }

    // ---- logic ---------------------------------------------------------------------------------

    /** Bitmask immediates of every element size: short, half and nearly full runs, rotated. */
    static List<Long> bitmaskSamples(boolean x) {
        List<Long> values = new ArrayList<>();
        for (int size = 2; size <= (x ? 64 : 32); size *= 2) {
            for (int ones : new int[] {1, size / 2, size - 1}) {
                for (int rot : new int[] {0, 1, size - 1, size / 2}) {
                    if (ones < 1 || ones >= size) {
                        continue;
                    }
                    long mask = size == 64 ? -1L : (1L << size) - 1;
                    long run = (1L << ones) - 1;
                    long element = rot == 0 ? run : ((run >>> rot) | (run << (size - rot))) & mask;
                    long v = element;
                    for (int w = size; w < 64; w *= 2) {
                        v |= v << w;
                    }
                    if (!x) {
                        v &= 0xFFFF_FFFFL;
                    }
                    if (!values.contains(v)) {
                        values.add(v);
                    }
                }
            }
        }
        return values;
    }

    private void logical() {
        shard = "logical";
        for (boolean x : new boolean[] {true, false}) {
            List<Reg> rs = regs(x, true, false);
            for (Logical op : new Logical[] {Logical.AND, Logical.BIC, Logical.ORR, Logical.ORN, Logical.EOR, Logical.EON,
                    Logical.ANDS, Logical.BICS}) {
                String m = op.encoding().mnemonic();
                for (int i = 0; i < rs.size(); i++) {
                    Reg d = rs.get(i);
                    Reg n = rs.get((i + 2) % rs.size());
                    Reg r = rs.get((i + 5) % rs.size());
                    for (Shift s : Shift.values()) {
                        for (int amount : new int[] {0, 1, 7, x ? 63 : 31}) {
                            row(m + " " + d + ", " + n + ", " + r + ", " + lower(s) + " #" + amount,
                                a -> a.logicalShifted(op, d, n, r, s, amount));
                        }
                    }
                }
            }
            List<Long> imms = bitmaskSamples(x);
            for (Logical op : new Logical[] {Logical.AND_IMM, Logical.ORR_IMM, Logical.EOR_IMM, Logical.ANDS_IMM}) {
                String m = op.encoding().mnemonic();
                boolean flags = op == Logical.ANDS_IMM;
                List<Reg> ds = regs(x, flags, !flags);
                List<Reg> ns = regs(x, true, false);
                for (int i = 0; i < ds.size(); i++) {
                    Reg d = ds.get(i);
                    Reg n = ns.get((i + 4) % ns.size());
                    for (long v : imms) {
                        row(m + " " + d + ", " + n + ", " + hex(v), a -> a.logicalImm(op, d, n, v));
                    }
                }
            }
            for (Reg d : regs(x, true, false)) {
                Reg r = gp(15, x);
                row("tst " + d + ", " + r, a -> a.tst(d, r));
                row("tst " + d + ", #0xff", a -> a.tst(d, 0xff));
                row("mvn " + d + ", " + r, a -> a.mvn(d, r));
                row("and " + d + ", " + r + ", " + d, a -> a.and(d, r, d));
                row("orr " + d + ", " + r + ", " + d, a -> a.orr(d, r, d));
                row("eor " + d + ", " + r + ", " + d, a -> a.eor(d, r, d));
                row("ands " + d + ", " + r + ", " + d, a -> a.ands(d, r, d));
                row("bic " + d + ", " + r + ", " + d, a -> a.bic(d, r, d));
                row("orn " + d + ", " + r + ", " + d, a -> a.orn(d, r, d));
                row("eon " + d + ", " + r + ", " + d, a -> a.eon(d, r, d));
                if (!d.isZr()) { // register 31 is sp as the destination of these
                    row("and " + d + ", " + r + ", #0xf0", a -> a.and(d, r, 0xf0));
                    row("orr " + d + ", " + r + ", #0x1", a -> a.orr(d, r, 1));
                    row("eor " + d + ", " + r + ", #0x80000000", a -> a.eor(d, r, 0x80000000L));
                }
                row("ands " + d + ", " + r + ", #0x3", a -> a.ands(d, r, 3));
            }
        }
    }

    // ---- moves ---------------------------------------------------------------------------------

    private void moves() {
        shard = "moves";
        for (boolean x : new boolean[] {true, false}) {
            for (MoveWide op : MoveWide.values()) {
                String m = op.encoding().mnemonic();
                for (Reg d : regs(x, true, false)) {
                    for (int imm : new int[] {0, 1, 0x1234, 0x8000, 0xffff}) {
                        for (int shift = 0; shift <= (x ? 48 : 16); shift += 16) {
                            int sh = shift;
                            row(m + " " + d + ", #" + imm + ", lsl #" + shift, a -> a.moveWide(op, d, imm, sh));
                        }
                    }
                }
            }
            List<Reg> all = regs(x, true, true);
            for (Reg d : all) {
                for (Reg n : all) {
                    if (d.isSp() && n.isZr() || d.isZr() && n.isSp()) {
                        continue;
                    }
                    row("mov " + d + ", " + n, a -> a.mov(d, n));
                }
            }
            // Constants of one instruction: as's `mov` picks MOVZ, then MOVN, then ORR, as we do.
            for (long v : oneInstructionConstants(x)) {
                for (Reg d : new Reg[] {gp(0, x), gp(17, x), gp(30, x)}) {
                    row("mov " + d + ", " + hex(v), a -> a.mov(d, v));
                }
            }
        }
    }

    private static List<Long> oneInstructionConstants(boolean x) {
        List<Long> l = new ArrayList<>();
        int halves = x ? 4 : 2;
        long width = x ? -1L : 0xFFFF_FFFFL;
        for (int h = 0; h < halves; h++) {
            for (long imm : new long[] {0, 1, 0x1234, 0x8000, 0xffff}) {
                l.add(imm << (16 * h));
                l.add(~(imm << (16 * h)) & width);
            }
        }
        l.addAll(bitmaskSamples(x));
        return l.stream().distinct().toList();
    }

    // ---- bitfield ------------------------------------------------------------------------------

    private void bitfield() {
        shard = "bitfield";
        for (boolean x : new boolean[] {true, false}) {
            int w = x ? 64 : 32;
            List<Reg> rs = regs(x, true, false);
            for (Bitfield op : new Bitfield[] {Bitfield.SBFM, Bitfield.BFM, Bitfield.UBFM}) {
                String m = op.encoding().mnemonic();
                for (int i = 0; i < rs.size(); i++) {
                    Reg d = rs.get(i);
                    Reg n = rs.get((i + 3) % rs.size());
                    for (int immr : new int[] {0, 1, w / 2, w - 1}) {
                        for (int imms : new int[] {0, 1, 7, 15, w / 2, w - 1}) {
                            row(m + " " + d + ", " + n + ", #" + immr + ", #" + imms, a -> a.bitfield(op, d, n, immr, imms));
                        }
                    }
                }
            }
            for (int i = 0; i < rs.size(); i++) {
                Reg d = rs.get(i);
                Reg n = rs.get((i + 1) % rs.size());
                Reg r = rs.get((i + 2) % rs.size());
                for (int s : new int[] {0, 1, 5, w / 2, w - 1}) {
                    row("lsl " + d + ", " + n + ", #" + s, a -> a.lsl(d, n, s));
                    row("lsr " + d + ", " + n + ", #" + s, a -> a.lsr(d, n, s));
                    row("asr " + d + ", " + n + ", #" + s, a -> a.asr(d, n, s));
                    row("ror " + d + ", " + n + ", #" + s, a -> a.ror(d, n, s));
                    row("extr " + d + ", " + n + ", " + r + ", #" + s, a -> a.extr(d, n, r, s));
                }
                for (int[] f : new int[][] {{0, 1}, {0, 8}, {3, 5}, {w - 1, 1}, {1, w - 1}, {w / 2, w / 2}}) {
                    int lsb = f[0];
                    int width = f[1];
                    row("ubfx " + d + ", " + n + ", #" + lsb + ", #" + width, a -> a.ubfx(d, n, lsb, width));
                    row("sbfx " + d + ", " + n + ", #" + lsb + ", #" + width, a -> a.sbfx(d, n, lsb, width));
                    row("ubfiz " + d + ", " + n + ", #" + lsb + ", #" + width, a -> a.ubfiz(d, n, lsb, width));
                    row("sbfiz " + d + ", " + n + ", #" + lsb + ", #" + width, a -> a.sbfiz(d, n, lsb, width));
                    row("bfi " + d + ", " + n + ", #" + lsb + ", #" + width, a -> a.bfi(d, n, lsb, width));
                    row("bfxil " + d + ", " + n + ", #" + lsb + ", #" + width, a -> a.bfxil(d, n, lsb, width));
                }
                Reg nw = n.withSize(false);
                row("sxtb " + d + ", " + nw, a -> a.sxtb(d, nw));
                row("sxth " + d + ", " + nw, a -> a.sxth(d, nw));
                if (x) {
                    row("sxtw " + d + ", " + nw, a -> a.sxtw(d, nw));
                } else {
                    row("uxtb " + d + ", " + nw, a -> a.uxtb(d, nw));
                    row("uxth " + d + ", " + nw, a -> a.uxth(d, nw));
                }
            }
        }
    }

    // ---- conditional select --------------------------------------------------------------------

    private void condSelect() {
        shard = "condselect";
        for (boolean x : new boolean[] {true, false}) {
            List<Reg> rs = regs(x, true, false);
            for (CondSelect op : CondSelect.values()) {
                String m = op.encoding().mnemonic();
                for (int i = 0; i < rs.size(); i++) {
                    Reg d = rs.get(i);
                    Reg n = rs.get((i + 1) % rs.size());
                    Reg r = rs.get((i + 4) % rs.size());
                    for (Cond c : Cond.values()) {
                        row(m + " " + d + ", " + n + ", " + r + ", " + c.text(), a -> a.condSelect(op, d, n, r, c));
                    }
                }
            }
            for (int i = 0; i < rs.size(); i++) {
                Reg n = rs.get(i);
                Reg r = rs.get((i + 3) % rs.size());
                for (Cond c : Cond.values()) {
                    for (int nzcv : new int[] {0, 4, 15}) {
                        for (int imm : new int[] {0, 1, 31}) {
                            row("ccmp " + n + ", #" + imm + ", #" + nzcv + ", " + c.text(), a -> a.ccmp(n, imm, nzcv, c));
                            row("ccmn " + n + ", #" + imm + ", #" + nzcv + ", " + c.text(), a -> a.ccmn(n, imm, nzcv, c));
                        }
                        row("ccmp " + n + ", " + r + ", #" + nzcv + ", " + c.text(), a -> a.ccmp(n, r, nzcv, c));
                        row("ccmn " + n + ", " + r + ", #" + nzcv + ", " + c.text(), a -> a.ccmn(n, r, nzcv, c));
                    }
                }
            }
            for (int i = 0; i < rs.size(); i++) {
                Reg d = rs.get(i);
                Reg n = rs.get((i + 2) % rs.size());
                for (Cond c : Cond.values()) {
                    if (c == Cond.AL || c == Cond.NV) {
                        continue;
                    }
                    row("cset " + d + ", " + c.text(), a -> a.cset(d, c));
                    row("csetm " + d + ", " + c.text(), a -> a.csetm(d, c));
                    row("cinc " + d + ", " + n + ", " + c.text(), a -> a.cinc(d, n, c));
                    row("cinv " + d + ", " + n + ", " + c.text(), a -> a.cinv(d, n, c));
                    row("cneg " + d + ", " + n + ", " + c.text(), a -> a.cneg(d, n, c));
                }
            }
        }
    }

    // ---- data processing -----------------------------------------------------------------------

    private void dataProcessing() {
        shard = "dataproc";
        for (boolean x : new boolean[] {true, false}) {
            List<Reg> rs = regs(x, true, false);
            for (int i = 0; i < rs.size(); i++) {
                for (int j = 0; j < rs.size(); j += 2) {
                    Reg d = rs.get(i);
                    Reg n = rs.get(j);
                    Reg r = rs.get((i + j + 1) % rs.size());
                    Reg ra = rs.get((i + 2 * j + 3) % rs.size());
                    for (DataProc2 op : DataProc2.values()) {
                        row(op.encoding().mnemonic() + " " + d + ", " + n + ", " + r, a -> a.dataProc2(op, d, n, r));
                    }
                    row("lsl " + d + ", " + n + ", " + r, a -> a.lsl(d, n, r));
                    row("lsr " + d + ", " + n + ", " + r, a -> a.lsr(d, n, r));
                    row("asr " + d + ", " + n + ", " + r, a -> a.asr(d, n, r));
                    row("ror " + d + ", " + n + ", " + r, a -> a.ror(d, n, r));
                    for (DataProc1 op : new DataProc1[] {DataProc1.RBIT, DataProc1.REV16, DataProc1.CLZ, DataProc1.CLS}) {
                        row(op.encoding().mnemonic() + " " + d + ", " + n, a -> a.dataProc1(op, d, n));
                    }
                    row("rev " + d + ", " + n, a -> a.rev(d, n));
                    if (x) {
                        row("rev32 " + d + ", " + n, a -> a.rev32(d, n));
                    }
                    row("madd " + d + ", " + n + ", " + r + ", " + ra, a -> a.madd(d, n, r, ra));
                    row("msub " + d + ", " + n + ", " + r + ", " + ra, a -> a.msub(d, n, r, ra));
                    row("mul " + d + ", " + n + ", " + r, a -> a.mul(d, n, r));
                    row("mneg " + d + ", " + n + ", " + r, a -> a.mneg(d, n, r));
                    if (x) {
                        Reg nw = n.withSize(false);
                        Reg rw = r.withSize(false);
                        for (Multiply op : new Multiply[] {Multiply.SMADDL, Multiply.SMSUBL, Multiply.UMADDL, Multiply.UMSUBL}) {
                            row(op.encoding().mnemonic() + " " + d + ", " + nw + ", " + rw + ", " + ra,
                                a -> a.multiply(op, d, nw, rw, ra));
                        }
                        row("smull " + d + ", " + nw + ", " + rw, a -> a.smull(d, nw, rw));
                        row("umull " + d + ", " + nw + ", " + rw, a -> a.umull(d, nw, rw));
                        row("smulh " + d + ", " + n + ", " + r, a -> a.smulh(d, n, r));
                        row("umulh " + d + ", " + n + ", " + r, a -> a.umulh(d, n, r));
                    }
                }
            }
        }
    }

    // ---- branches ------------------------------------------------------------------------------

    private static String rel(long offset) {
        return offset >= 0 ? ".+" + offset : ".-" + (-offset);
    }

    private void branches() {
        shard = "branches";
        long[] far26 = {0, 4, -4, 0x7fffffcL, -0x8000000L, 0x123450};
        for (long off : far26) {
            row("b " + rel(off), a -> a.b(off));
            row("bl " + rel(off), a -> a.bl(off));
        }
        long[] far19 = {0, 4, -4, 0xffffcL, -0x100000L, 0x1230};
        for (Cond c : Cond.values()) {
            for (long off : far19) {
                row("b." + c.text() + " " + rel(off), a -> a.bcond(c, off));
            }
        }
        for (boolean x : new boolean[] {true, false}) {
            for (Reg t : regs(x, true, false)) {
                for (long off : far19) {
                    row("cbz " + t + ", " + rel(off), a -> a.cbz(t, off));
                    row("cbnz " + t + ", " + rel(off), a -> a.cbnz(t, off));
                }
                long[] far14 = {0, 4, -4, 0x7ffc, -0x8000};
                for (int bit : x ? new int[] {32, 33, 47, 63} : new int[] {0, 1, 15, 31}) {
                    for (long off : far14) {
                        row("tbz " + t + ", #" + bit + ", " + rel(off), a -> a.tbz(t, bit, off));
                        row("tbnz " + t + ", #" + bit + ", " + rel(off), a -> a.tbnz(t, bit, off));
                    }
                }
            }
        }
        for (Reg n : regs(true, true, false)) {
            row("br " + n, a -> a.br(n));
            row("blr " + n, a -> a.blr(n));
            row("ret " + n, a -> a.ret(n));
            for (long off : new long[] {0, 1, -1, 0xfffff, -0x100000, 0x12345}) {
                row("adr " + n + ", " + rel(off), a -> a.adr(n, off));
            }
        }
        row("ret", A64Assembler::ret);
        for (int t : new int[] {0, 15, 30, 31}) {
            for (long off : far19) {
                Reg x = Reg.x(t);
                Reg w = Reg.w(t);
                row("ldr " + x + ", " + rel(off), a -> a.ldrLiteral(x, off));
                row("ldr " + w + ", " + rel(off), a -> a.ldrLiteral(w, off));
                row("ldrsw " + x + ", " + rel(off), a -> a.ldrswLiteral(x, off));
                for (VReg v : new VReg[] {VReg.s(t), VReg.d(t), VReg.q(t)}) {
                    row("ldr " + v + ", " + rel(off), a -> a.ldrLiteral(v, off));
                }
            }
        }
    }

    // ---- loads and stores ----------------------------------------------------------------------

    private static String regName(LoadStore.RegKind kind, int n) {
        return switch (kind) {
            case W -> Reg.w(n).toString();
            case X -> Reg.x(n).toString();
            case S -> VReg.s(n).toString();
            case D -> VReg.d(n).toString();
            case Q -> VReg.q(n).toString();
        };
    }

    private static void emitLoadStore(A64Assembler a, LoadStore kind, int n, Mem mem, boolean unscaled) {
        switch (kind.regKind()) {
            case W, X -> {
                Reg r = kind.regKind() == LoadStore.RegKind.X ? Reg.x(n) : Reg.w(n);
                if (unscaled) {
                    a.loadStoreUnscaled(kind, r, mem);
                } else {
                    a.loadStore(kind, r, mem);
                }
            }
            default -> {
                VReg v = switch (kind.regKind()) {
                    case S -> VReg.s(n);
                    case D -> VReg.d(n);
                    default -> VReg.q(n);
                };
                if (unscaled) {
                    a.loadStoreUnscaled(kind, v, mem);
                } else {
                    a.loadStore(kind, v, mem);
                }
            }
        }
    }

    private void loadStore() {
        shard = "loadstore";
        Reg[] bases = {Reg.X0, Reg.X16, Reg.X30, Reg.SP};
        int[] targets = {0, 15, 30, 31};
        for (LoadStore kind : LoadStore.values()) {
            int size = 1 << kind.log2Size();
            String m = kind.encoding(LoadStore.AddressForm.UNSIGNED_OFFSET).mnemonic();
            String mu = kind.encoding(LoadStore.AddressForm.UNSCALED).mnemonic();
            for (int bi = 0; bi < bases.length; bi++) {
                Reg base = bases[bi];
                for (int t : targets) {
                    String rt = regName(kind.regKind(), t);
                    for (long off : new long[] {0, size, 7L * size, 4095L * size}) {
                        Mem mem = Mem.at(base, off);
                        row(m + " " + rt + ", [" + base + (off == 0 ? "" : ", #" + off) + "]",
                            a -> emitLoadStore(a, kind, t, mem, false));
                    }
                    for (long off : new long[] {-256, -1, 1, 255, -8, 0}) {
                        Mem mem = Mem.at(base, off);
                        row(mu + " " + rt + ", [" + base + (off == 0 ? "" : ", #" + off) + "]",
                            a -> emitLoadStore(a, kind, t, mem, true));
                    }
                    if (!(base.number() == t && t != 31)) { // writeback with rt == rn is unpredictable
                        for (int off : new int[] {-256, -16, 0, 8, 255}) {
                            Mem pre = Mem.preIndex(base, off);
                            Mem post = Mem.postIndex(base, off);
                            row(m + " " + rt + ", [" + base + ", #" + off + "]!", a -> emitLoadStore(a, kind, t, pre, false));
                            row(m + " " + rt + ", [" + base + "], #" + off, a -> emitLoadStore(a, kind, t, post, false));
                        }
                    }
                    Reg[] indexes = {Reg.X2, Reg.X17, Reg.XZR};
                    Reg ix = indexes[(bi + t) % indexes.length];
                    Reg iw = ix.withSize(false);
                    String amount = " #" + kind.log2Size();
                    Object[][] modes = {
                        {Mem.index(base, ix), ix.toString()},
                        {Mem.index(base, ix, Extend.UXTX, true), ix + ", lsl" + amount},
                        {Mem.index(base, ix, Extend.SXTX, false), ix + ", sxtx"},
                        {Mem.index(base, ix, Extend.SXTX, true), ix + ", sxtx" + amount},
                        {Mem.index(base, iw, Extend.UXTW, false), iw + ", uxtw"},
                        {Mem.index(base, iw, Extend.UXTW, true), iw + ", uxtw" + amount},
                        {Mem.index(base, iw, Extend.SXTW, false), iw + ", sxtw"},
                        {Mem.index(base, iw, Extend.SXTW, true), iw + ", sxtw" + amount},
                    };
                    for (Object[] mode : modes) {
                        Mem mem = (Mem) mode[0];
                        row(m + " " + rt + ", [" + base + ", " + mode[1] + "]", a -> emitLoadStore(a, kind, t, mem, false));
                    }
                }
            }
        }
        // The typed entry points: ldr/str pick the unscaled form for offsets the scaled one cannot take.
        for (Reg t : new Reg[] {Reg.X3, Reg.W3}) {
            row("ldur " + t + ", [x1, #-8]", a -> a.ldr(t, Mem.at(Reg.X1, -8)));
            row("ldur " + t + ", [x1, #3]", a -> a.ldr(t, Mem.at(Reg.X1, 3)));
            row("stur " + t + ", [sp, #-16]", a -> a.str(t, Mem.at(Reg.SP, -16)));
            row("ldrsb " + t + ", [x1, #1]", a -> a.ldrsb(t, Mem.at(Reg.X1, 1)));
            row("ldrsh " + t + ", [x1, #2]", a -> a.ldrsh(t, Mem.at(Reg.X1, 2)));
            row("ldursh " + t + ", [x1, #-2]", a -> a.ldrsh(t, Mem.at(Reg.X1, -2)));
        }
        row("ldrb w4, [x2, #4095]", a -> a.ldrb(Reg.W4, Mem.at(Reg.X2, 4095)));
        row("ldrh w4, [x2, #8190]", a -> a.ldrh(Reg.W4, Mem.at(Reg.X2, 8190)));
        row("ldurh w4, [x2, #-1]", a -> a.ldrh(Reg.W4, Mem.at(Reg.X2, -1)));
        row("strb w4, [x2, x3]", a -> a.strb(Reg.W4, Mem.index(Reg.X2, Reg.X3)));
        row("strh w4, [x2, #2]!", a -> a.strh(Reg.W4, Mem.preIndex(Reg.X2, 2)));
        row("ldrsw x4, [x2], #4", a -> a.ldrsw(Reg.X4, Mem.postIndex(Reg.X2, 4)));
        row("ldr d4, [x2, #-8]!", a -> a.ldr(VReg.D4, Mem.preIndex(Reg.X2, -8)));
        row("ldur d4, [x2, #-8]", a -> a.ldr(VReg.D4, Mem.at(Reg.X2, -8)));
        row("str s4, [x2, #4]", a -> a.str(VReg.S4, Mem.at(Reg.X2, 4)));
        row("ldr q4, [sp, #32]", a -> a.ldr(VReg.q(4), Mem.at(Reg.SP, 32)));
        row("str q4, [sp, #-32]!", a -> a.str(VReg.q(4), Mem.preIndex(Reg.SP, -32)));
        row("ldur x4, [x2, #16]", a -> a.ldur(Reg.X4, Mem.at(Reg.X2, 16)));
        row("stur w4, [x2, #16]", a -> a.stur(Reg.W4, Mem.at(Reg.X2, 16)));
    }

    private void pairs() {
        shard = "pairs";
        Reg[] bases = {Reg.X0, Reg.X16, Reg.SP};
        int[][] pairs = {{1, 2}, {15, 16}, {29, 30}, {31, 0}};
        for (LoadStorePair kind : LoadStorePair.values()) {
            int size = 1 << kind.log2Size();
            for (LoadStorePair.PairForm form : LoadStorePair.PairForm.values()) {
                String m = kind.encoding(form).mnemonic();
                for (Reg base : bases) {
                    for (int[] p : pairs) {
                        boolean load = m.startsWith("ld");
                        if (form != LoadStorePair.PairForm.OFFSET && (p[0] == base.number() || p[1] == base.number()) && !base.isSp()) {
                            continue; // writeback onto a transferred register is unpredictable
                        }
                        if (load && p[0] == p[1]) {
                            continue;
                        }
                        String r1 = regName(kind.regKind(), p[0]);
                        String r2 = regName(kind.regKind(), p[1]);
                        for (long off : new long[] {-64L * size, -size, 0, size, 63L * size}) {
                            Mem mem = switch (form) {
                                case OFFSET -> Mem.at(base, off);
                                case PRE_INDEX -> Mem.preIndex(base, (int) off);
                                case POST_INDEX -> Mem.postIndex(base, (int) off);
                            };
                            String addr = switch (form) {
                                case OFFSET -> "[" + base + (off == 0 ? "" : ", #" + off) + "]";
                                case PRE_INDEX -> "[" + base + ", #" + off + "]!";
                                case POST_INDEX -> "[" + base + "], #" + off;
                            };
                            row(m + " " + r1 + ", " + r2 + ", " + addr, a -> emitPair(a, kind, p[0], p[1], mem));
                        }
                    }
                }
            }
        }
        row("stp x29, x30, [sp, #-16]!", a -> a.stp(Reg.FP, Reg.LR, Mem.preIndex(Reg.SP, -16)));
        row("ldp x29, x30, [sp], #16", a -> a.ldp(Reg.FP, Reg.LR, Mem.postIndex(Reg.SP, 16)));
        row("stp d8, d9, [sp, #16]", a -> a.stp(VReg.D8, VReg.D9, Mem.at(Reg.SP, 16)));
        row("ldp s8, s9, [x1, #8]", a -> a.ldp(VReg.S8, VReg.S9, Mem.at(Reg.X1, 8)));
        row("ldpsw x2, x3, [x1, #-4]", a -> a.ldpsw(Reg.X2, Reg.X3, Mem.at(Reg.X1, -4)));
        row("stp w2, w3, [x1, #252]", a -> a.stp(Reg.W2, Reg.W3, Mem.at(Reg.X1, 252)));
    }

    private static void emitPair(A64Assembler a, LoadStorePair kind, int n1, int n2, Mem mem) {
        switch (kind.regKind()) {
            case W -> a.pair(kind, Reg.w(n1), Reg.w(n2), mem);
            case X -> a.pair(kind, Reg.x(n1), Reg.x(n2), mem);
            case S -> a.pair(kind, VReg.s(n1), VReg.s(n2), mem);
            case D -> a.pair(kind, VReg.d(n1), VReg.d(n2), mem);
            case Q -> a.pair(kind, VReg.q(n1), VReg.q(n2), mem);
        }
    }

    // ---- ordered and atomic --------------------------------------------------------------------

    private static final String[] SIZE_SUFFIX = {"b", "h", "", ""};

    private void orderedAndAtomic() {
        shard = "atomic";
        Reg[] bases = {Reg.X0, Reg.X16, Reg.SP};
        for (int size = 0; size < 4; size++) {
            boolean x = size == 3;
            int sz = size;
            for (Ordered op : Ordered.values()) {
                boolean exclusiveStore = op == Ordered.STXR || op == Ordered.STLXR;
                String m = op.encoding().mnemonic() + SIZE_SUFFIX[size];
                for (Reg base : bases) {
                    for (int t : new int[] {1, 15, 30, 31}) {
                        Reg rt = gp(t, x);
                        if (exclusiveStore) {
                            Reg s = Reg.w(t == 1 ? 2 : 1);
                            if (s.number() == base.number()) {
                                continue;
                            }
                            row(m + " " + s + ", " + rt + ", [" + base + "]", a -> a.storeExclusive(op, sz, s, rt, base));
                        } else {
                            row(m + " " + rt + ", [" + base + "]", a -> a.ordered(op, sz, rt, base));
                        }
                    }
                }
            }
            for (Atomic op : Atomic.values()) {
                for (AtomicOrder order : AtomicOrder.values()) {
                    String m = op.encoding().mnemonic() + order.suffix() + SIZE_SUFFIX[size];
                    for (Reg base : bases) {
                        for (int[] st : new int[][] {{1, 2}, {15, 16}, {30, 31}, {31, 3}}) {
                            Reg s = gp(st[0], x);
                            Reg t = gp(st[1], x);
                            row(m + " " + s + ", " + t + ", [" + base + "]", a -> a.atomic(op, order, sz, s, t, base));
                        }
                    }
                }
            }
        }
        row("ldaddal x1, x2, [x3]", a -> a.ldadd(AtomicOrder.ACQ_REL, Reg.X1, Reg.X2, Reg.X3));
        row("swpab w1, w2, [x3]", a -> a.swpb(AtomicOrder.ACQUIRE, Reg.W1, Reg.W2, Reg.X3));
        row("ldclrlh w1, w2, [x3]", a -> a.ldclrh(AtomicOrder.RELEASE, Reg.W1, Reg.W2, Reg.X3));
        row("ldeor x1, x2, [sp]", a -> a.ldeor(AtomicOrder.RELAXED, Reg.X1, Reg.X2, Reg.SP));
        row("ldsetalb w1, w2, [x3]", a -> a.ldsetb(AtomicOrder.ACQ_REL, Reg.W1, Reg.W2, Reg.X3));
        row("casal x1, x2, [x3]", a -> a.cas(AtomicOrder.ACQ_REL, Reg.X1, Reg.X2, Reg.X3));
        row("casab w1, w2, [x3]", a -> a.casb(AtomicOrder.ACQUIRE, Reg.W1, Reg.W2, Reg.X3));
        row("caslh w1, w2, [x3]", a -> a.cash(AtomicOrder.RELEASE, Reg.W1, Reg.W2, Reg.X3));
        row("ldaxr x1, [x3]", a -> a.ldaxr(Reg.X1, Reg.X3));
        row("ldaxrb w1, [x3]", a -> a.ldaxrb(Reg.W1, Reg.X3));
        row("ldaxrh w1, [x3]", a -> a.ldaxrh(Reg.W1, Reg.X3));
        row("stlxr w4, x1, [x3]", a -> a.stlxr(Reg.W4, Reg.X1, Reg.X3));
        row("stlxrb w4, w1, [x3]", a -> a.stlxrb(Reg.W4, Reg.W1, Reg.X3));
        row("stlxrh w4, w1, [x3]", a -> a.stlxrh(Reg.W4, Reg.W1, Reg.X3));
        row("ldar w1, [sp]", a -> a.ldar(Reg.W1, Reg.SP));
        row("stlr x1, [x2]", a -> a.stlr(Reg.X1, Reg.X2));
        row("ldarb w1, [x2]", a -> a.ldarb(Reg.W1, Reg.X2));
        row("stlrh w1, [x2]", a -> a.stlrh(Reg.W1, Reg.X2));
        row("ldxr w1, [x2]", a -> a.ldxr(Reg.W1, Reg.X2));
        row("stxr w3, w1, [x2]", a -> a.stxr(Reg.W3, Reg.W1, Reg.X2));
    }

    // ---- floating point ------------------------------------------------------------------------

    private static VReg fp(int n, boolean d) {
        return d ? VReg.d(n) : VReg.s(n);
    }

    private void floatingPoint() {
        shard = "fp";
        for (boolean dbl : new boolean[] {true, false}) {
            for (int i = 0; i < FP.length; i++) {
                for (int j = 0; j < FP.length; j++) {
                    VReg d = fp(FP[i], dbl);
                    VReg n = fp(FP[j], dbl);
                    VReg m = fp(FP[(i + j + 1) % FP.length], dbl);
                    VReg ra = fp(FP[(i + 2 * j + 2) % FP.length], dbl);
                    for (FpArith op : FpArith.values()) {
                        String mn = op.encoding().mnemonic();
                        switch (op.encoding().form()) {
                            case FP2 -> row(mn + " " + d + ", " + n + ", " + m, a -> a.fp2(op, d, n, m));
                            case FP1 -> row(mn + " " + d + ", " + n, a -> a.fp1(op, d, n));
                            default -> row(mn + " " + d + ", " + n + ", " + m + ", " + ra, a -> a.fp3(op, d, n, m, ra));
                        }
                    }
                    row("fcmp " + d + ", " + n, a -> a.fcmp(d, n));
                    row("fcmpe " + d + ", " + n, a -> a.fcmpe(d, n));
                    VReg other = fp(FP[i], !dbl);
                    row("fcvt " + other + ", " + n, a -> a.fcvt(other, n));
                }
                VReg d = fp(FP[i], dbl);
                VReg n = fp(FP[(i + 1) % FP.length], dbl);
                VReg m = fp(FP[(i + 3) % FP.length], dbl);
                row("fcmp " + d + ", #0.0", a -> a.fcmpZero(d));
                row("fcmpe " + d + ", #0.0", a -> a.fcmpeZero(d));
                row("fmov " + d + ", " + n, a -> a.fmov(d, n));
                for (Cond c : Cond.values()) {
                    row("fcsel " + d + ", " + n + ", " + m + ", " + c.text(), a -> a.fcsel(d, n, m, c));
                }
                for (boolean x : new boolean[] {true, false}) {
                    for (int g : new int[] {0, 15, 30, 31}) {
                        Reg r = gp(g, x);
                        for (FpConvert op : new FpConvert[] {FpConvert.SCVTF, FpConvert.UCVTF}) {
                            row(op.encoding().mnemonic() + " " + d + ", " + r, a -> a.convert(op, g, x, d, true));
                        }
                        for (FpConvert op : new FpConvert[] {FpConvert.FCVTZS, FpConvert.FCVTZU}) {
                            row(op.encoding().mnemonic() + " " + r + ", " + d, a -> a.convert(op, g, x, d, false));
                        }
                        if (x == dbl) {
                            row("fmov " + r + ", " + d, a -> a.fmov(r, d));
                            row("fmov " + d + ", " + r, a -> a.fmov(d, r));
                        }
                    }
                }
            }
            // Every 8-bit immediate.
            for (int imm8 = 0; imm8 < 256; imm8++) {
                double v = fpImmValue(imm8);
                VReg d = fp(imm8 % 2 == 0 ? 3 : 31, dbl);
                row("fmov " + d + ", #" + v, a -> a.fmov(d, v));
            }
        }
        for (int i = 0; i < FP.length; i++) {
            VReg d = VReg.d(FP[i]);
            VReg n = VReg.d(FP[(i + 2) % FP.length]);
            row("cnt v" + d.number() + ".8b, v" + n.number() + ".8b", a -> a.cnt8b(d, n));
            row("addv b" + d.number() + ", v" + n.number() + ".8b", a -> a.addv8b(d, n));
        }
        row("scvtf d1, x2", a -> a.scvtf(VReg.D1, Reg.X2));
        row("ucvtf s1, w2", a -> a.ucvtf(VReg.S1, Reg.W2));
        row("fcvtzs w1, d2", a -> a.fcvtzs(Reg.W1, VReg.D2));
        row("fcvtzu x1, s2", a -> a.fcvtzu(Reg.X1, VReg.S2));
        for (FpArith op : FpArith.values()) {
            String mn = op.encoding().mnemonic();
            switch (op.encoding().form()) {
                case FP2 -> row(mn + " d1, d2, d3", a -> typedFp2(a, mn, VReg.D1, VReg.D2, VReg.D3));
                case FP1 -> {
                    if (!mn.equals("fmov")) {
                        row(mn + " s1, s2", a -> typedFp1(a, mn, VReg.S1, VReg.S2));
                    }
                }
                default -> row(mn + " d1, d2, d3, d4", a -> typedFp3(a, mn, VReg.D1, VReg.D2, VReg.D3, VReg.D4));
            }
        }
    }

    /** The typed methods, reached by name, so that each is checked once against as. */
    private static void typedFp2(A64Assembler a, String name, VReg d, VReg n, VReg m) {
        invoke(a, name, new Class<?>[] {VReg.class, VReg.class, VReg.class}, d, n, m);
    }

    private static void typedFp1(A64Assembler a, String name, VReg d, VReg n) {
        invoke(a, name, new Class<?>[] {VReg.class, VReg.class}, d, n);
    }

    private static void typedFp3(A64Assembler a, String name, VReg d, VReg n, VReg m, VReg ra) {
        invoke(a, name, new Class<?>[] {VReg.class, VReg.class, VReg.class, VReg.class}, d, n, m, ra);
    }

    private static void invoke(A64Assembler a, String name, Class<?>[] types, Object... args) {
        try {
            A64Assembler.class.getMethod(name, types).invoke(a, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no typed method " + name, e);
        }
    }

    /** The value of an 8-bit FP immediate: +-(16 + m)/16 * 2^e. */
    static double fpImmValue(int imm8) {
        int sign = imm8 >>> 7;
        int b = (imm8 >>> 6) & 1;
        int c = (imm8 >>> 4) & 3;
        int mant = imm8 & 15;
        // The exponent field is NOT(b), b repeated, c, d: b = 0 gives 2^1 to 2^4, b = 1 gives 2^-3 to 2^0.
        int exp = b == 0 ? c + 1 : c - 3;
        double v = (16 + mant) / 16.0 * Math.pow(2, exp);
        return sign == 1 ? -v : v;
    }

    // ---- system --------------------------------------------------------------------------------

    private void system() {
        shard = "system";
        row("nop", A64Assembler::nop);
        row("isb", A64Assembler::isb);
        for (BarrierOption o : BarrierOption.values()) {
            row("dmb " + o.text(), a -> a.dmb(o));
            row("dsb " + o.text(), a -> a.dsb(o));
        }
        for (int imm : new int[] {0, 1, 0x3e8, 0xf000, 0xffff}) {
            row("brk #" + imm, a -> a.brk(imm));
            row("udf #" + imm, a -> a.udf(imm));
        }
    }
}
