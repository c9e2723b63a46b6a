package dev.vex.aarch64.asm;

import dev.vex.code.CodeBuffer;
import dev.vex.code.FixupFormat;
import dev.vex.code.Label;
import java.util.Set;

/**
 * Branches, pc-relative addresses, and hints, barriers and exceptions. A branch to a
 * {@link Label} goes through the buffer's fixups ({@link FixupFormat#PC_REL26_SCALED4},
 * {@link FixupFormat#PC_REL19_AT5_SCALED4}, {@link FixupFormat#PC_REL14_AT5_SCALED4},
 * {@link FixupFormat#PC_REL21_SPLIT}, {@link FixupFormat#PC_PAGE21_SPLIT}); a branch by a byte
 * offset (relative to the branch itself) is encoded at once and range-checked.
 */
public abstract sealed class BranchInstructions extends BitInstructions permits LoadStoreInstructions {
    BranchInstructions(CodeBuffer buf, Set<Feature> features) {
        super(buf, features);
    }

    /** Emits {@code word}, then refers its field to {@code label}. */
    private A64Assembler emitToLabel(int word, Label label, FixupFormat format) {
        int at = buf.position();
        buf.put4(word);
        buf.useLabel(label, format, at, 0);
        return self();
    }

    private static int offsetField(String m, FixupFormat format, long offset) {
        if (!format.fits(offset)) {
            throw new A64EncodingException(m + ": offset " + offset + " is out of range or misaligned for the "
                + format.name() + " field");
        }
        long v = offset >> format.shift();
        int highBits = format.bitWidth() - format.lowBits();
        int high = (int) (v >> format.lowBits()) & (int) ((1L << highBits) - 1);
        int low = (int) v & ((1 << format.lowBits()) - 1);
        return high << format.bitOffset() | low << format.lowBitOffset();
    }

    // ---- immediate and conditional -------------------------------------------------------------

    public A64Assembler b(Label target) {
        return emitToLabel(Branch.B.encoding().bits(), target, FixupFormat.PC_REL26_SCALED4);
    }

    /** B by {@code offset} bytes from this instruction. */
    public A64Assembler b(long offset) {
        return emit(Branch.B.encoding().bits() | offsetField("b", FixupFormat.PC_REL26_SCALED4, offset));
    }

    public A64Assembler bl(Label target) {
        return emitToLabel(Branch.BL.encoding().bits(), target, FixupFormat.PC_REL26_SCALED4);
    }

    public A64Assembler bl(long offset) {
        return emit(Branch.BL.encoding().bits() | offsetField("bl", FixupFormat.PC_REL26_SCALED4, offset));
    }

    /** BL to a symbol, resolved by a linker: a relocation in the {@code PC_REL26_SCALED4} format. */
    public A64Assembler bl(String symbol) {
        buf.addRelocation(buf.position(), FixupFormat.PC_REL26_SCALED4, symbol, 0);
        return emit(Branch.BL.encoding().bits());
    }

    public A64Assembler bcond(Cond cond, Label target) {
        return emitToLabel(Branch.B_COND.encoding().bits() | Field.BCOND.put(cond.code()), target, FixupFormat.PC_REL19_AT5_SCALED4);
    }

    public A64Assembler bcond(Cond cond, long offset) {
        return emit(Branch.B_COND.encoding().bits() | Field.BCOND.put(cond.code())
            | offsetField("b." + cond.text(), FixupFormat.PC_REL19_AT5_SCALED4, offset));
    }

    // ---- compare and test ----------------------------------------------------------------------

    private int compareBranch(Branch row, Reg t) {
        return row.encoding().bits() | sf(t) | Field.RD.put(zr(row.encoding().mnemonic(), t));
    }

    public A64Assembler cbz(Reg t, Label target) {
        return emitToLabel(compareBranch(Branch.CBZ, t), target, FixupFormat.PC_REL19_AT5_SCALED4);
    }

    public A64Assembler cbz(Reg t, long offset) {
        return emit(compareBranch(Branch.CBZ, t) | offsetField("cbz", FixupFormat.PC_REL19_AT5_SCALED4, offset));
    }

    public A64Assembler cbnz(Reg t, Label target) {
        return emitToLabel(compareBranch(Branch.CBNZ, t), target, FixupFormat.PC_REL19_AT5_SCALED4);
    }

    public A64Assembler cbnz(Reg t, long offset) {
        return emit(compareBranch(Branch.CBNZ, t) | offsetField("cbnz", FixupFormat.PC_REL19_AT5_SCALED4, offset));
    }

    private int testBranch(Branch row, Reg t, int bit) {
        String m = row.encoding().mnemonic();
        checkRange(m, "bit", bit, 0, t.is64() ? 63 : 31);
        return row.encoding().bits() | Field.B5.put(bit >> 5) | Field.B40.put(bit & 31) | Field.RD.put(zr(m, t));
    }

    /** TBZ: branch if bit {@code bit} of t is zero (a W register for bits 0-31 reads the same bit). */
    public A64Assembler tbz(Reg t, int bit, Label target) {
        return emitToLabel(testBranch(Branch.TBZ, t, bit), target, FixupFormat.PC_REL14_AT5_SCALED4);
    }

    public A64Assembler tbz(Reg t, int bit, long offset) {
        return emit(testBranch(Branch.TBZ, t, bit) | offsetField("tbz", FixupFormat.PC_REL14_AT5_SCALED4, offset));
    }

    public A64Assembler tbnz(Reg t, int bit, Label target) {
        return emitToLabel(testBranch(Branch.TBNZ, t, bit), target, FixupFormat.PC_REL14_AT5_SCALED4);
    }

    public A64Assembler tbnz(Reg t, int bit, long offset) {
        return emit(testBranch(Branch.TBNZ, t, bit) | offsetField("tbnz", FixupFormat.PC_REL14_AT5_SCALED4, offset));
    }

    // ---- register ------------------------------------------------------------------------------

    private A64Assembler branchReg(Branch row, Reg n) {
        String m = row.encoding().mnemonic();
        requireX(m, n);
        return emit(row.encoding().bits() | Field.RN.put(zr(m, n)));
    }

    public A64Assembler br(Reg n) {
        return branchReg(Branch.BR, n);
    }

    public A64Assembler blr(Reg n) {
        return branchReg(Branch.BLR, n);
    }

    /** RET to the link register. */
    public A64Assembler ret() {
        return branchReg(Branch.RET, Reg.LR);
    }

    public A64Assembler ret(Reg n) {
        return branchReg(Branch.RET, n);
    }

    // ---- pc-relative addresses -----------------------------------------------------------------

    private int pcRel(Branch row, Reg d) {
        String m = row.encoding().mnemonic();
        requireX(m, d);
        return row.encoding().bits() | Field.RD.put(zr(m, d));
    }

    public A64Assembler adr(Reg d, Label target) {
        return emitToLabel(pcRel(Branch.ADR, d), target, FixupFormat.PC_REL21_SPLIT);
    }

    public A64Assembler adr(Reg d, long offset) {
        return emit(pcRel(Branch.ADR, d) | offsetField("adr", FixupFormat.PC_REL21_SPLIT, offset));
    }

    /**
     * ADRP to a label: the label's 4 KiB page relative to this instruction's page, which is
     * right only when the code is placed at a page-aligned address.
     */
    public A64Assembler adrp(Reg d, Label target) {
        return emitToLabel(pcRel(Branch.ADRP, d), target, FixupFormat.PC_PAGE21_SPLIT);
    }

    /** ADRP by a number of 4 KiB pages. */
    public A64Assembler adrpPages(Reg d, long pages) {
        return emit(pcRel(Branch.ADRP, d) | offsetField("adrp", FixupFormat.PC_PAGE21_SPLIT, pages << 12));
    }

    /** ADRP to a symbol's page, resolved by a linker. */
    public A64Assembler adrp(Reg d, String symbol) {
        buf.addRelocation(buf.position(), FixupFormat.PC_PAGE21_SPLIT, symbol, 0);
        return emit(pcRel(Branch.ADRP, d));
    }

    // ---- hints, barriers, exceptions -----------------------------------------------------------

    public A64Assembler nop() {
        return emit(SystemOp.NOP.encoding().bits());
    }

    public A64Assembler isb() {
        return emit(SystemOp.ISB.encoding().bits());
    }

    public A64Assembler dmb(BarrierOption option) {
        return emit(SystemOp.DMB.encoding().bits() | Field.CRM.put(option.crm()));
    }

    public A64Assembler dsb(BarrierOption option) {
        return emit(SystemOp.DSB.encoding().bits() | Field.CRM.put(option.crm()));
    }

    /** BRK: a breakpoint exception carrying {@code imm16}. */
    public A64Assembler brk(int imm16) {
        checkRange("brk", "immediate", imm16, 0, 0xFFFF);
        return emit(SystemOp.BRK.encoding().bits() | Field.IMM16.put(imm16));
    }

    /** UDF: a permanently undefined instruction carrying {@code imm16}. */
    public A64Assembler udf(int imm16) {
        checkRange("udf", "immediate", imm16, 0, 0xFFFF);
        return emit(SystemOp.UDF.encoding().bits() | Field.UDF16.put(imm16));
    }
}
