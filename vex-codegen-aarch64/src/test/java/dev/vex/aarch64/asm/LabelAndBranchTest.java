package dev.vex.aarch64.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vex.aarch64.disasm.A64Disassembler;
import dev.vex.code.CodeBuffer;
import dev.vex.code.CodeException;
import dev.vex.code.FixupFormat;
import dev.vex.code.Label;
import dev.vex.code.Relocation;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Branches and addresses to labels, bound before and after their uses, give the same words as
 * the offset forms (which the matrix checks against GNU as); ranges are enforced when the label
 * is bound; symbols become relocations.
 */
class LabelAndBranchTest {
    private static int wordAt(CodeBuffer b, int at) {
        return b.intAt(at);
    }

    /** Emits the label form at 0x40 with the label at {@code target}, and the offset form, and compares. */
    private static void same(long target, BiConsumer<A64Assembler, Long> byOffset, BiConsumer<A64Assembler, Label> byLabel) {
        for (boolean forward : new boolean[] {true, false}) {
            CodeBuffer buf = new CodeBuffer();
            A64Assembler a = new A64Assembler(buf);
            Label l = new Label();
            int at = 0x40 + (int) target;
            long to = forward ? at + target : at - target;
            if (!forward) {
                for (int i = 0; i < to / 4; i++) {
                    a.nop();
                }
                a.bind(l);
            }
            while (buf.position() < at) {
                a.nop();
            }
            byLabel.accept(a, l);
            if (forward) {
                while (buf.position() < to) {
                    a.nop();
                }
                a.bind(l);
            }
            CodeBuffer ref = new CodeBuffer();
            byOffset.accept(new A64Assembler(ref), to - at);
            assertEquals(Integer.toHexString(ref.intAt(0)), Integer.toHexString(wordAt(buf, at)),
                A64Disassembler.decode(wordAt(buf, at), at) + (forward ? " (forward)" : " (backward)"));
        }
    }

    @Test
    void labelFormsMatchOffsetForms() {
        same(0x40, (a, off) -> a.b(off), A64Assembler::b);
        same(0x1000, (a, off) -> a.bl(off), A64Assembler::bl);
        same(0x20, (a, off) -> a.bcond(Cond.LT, off), (a, l) -> a.bcond(Cond.LT, l));
        same(0x38, (a, off) -> a.cbz(Reg.X3, off), (a, l) -> a.cbz(Reg.X3, l));
        same(0x8, (a, off) -> a.cbnz(Reg.W30, off), (a, l) -> a.cbnz(Reg.W30, l));
        same(0x10, (a, off) -> a.tbz(Reg.X9, 40, off), (a, l) -> a.tbz(Reg.X9, 40, l));
        same(0x3c, (a, off) -> a.tbnz(Reg.W9, 3, off), (a, l) -> a.tbnz(Reg.W9, 3, l));
        same(0x24, (a, off) -> a.adr(Reg.X7, off), (a, l) -> a.adr(Reg.X7, l));
        same(0x1000, (a, off) -> a.ldrLiteral(Reg.X2, off), (a, l) -> a.ldr(Reg.X2, l));
        same(0x18, (a, off) -> a.ldrLiteral(VReg.D2, off), (a, l) -> a.ldr(VReg.D2, l));
        same(0x48, (a, off) -> a.ldrswLiteral(Reg.X2, off), (a, l) -> a.ldrsw(Reg.X2, l));
    }

    @Test
    void adrpToALabelCountsPages() {
        CodeBuffer buf = new CodeBuffer();
        A64Assembler a = new A64Assembler(buf);
        Label l = new Label();
        while (buf.position() < 0xff8) {
            a.nop();
        }
        a.adrp(Reg.X0, l);
        while (buf.position() < 0x3010) {
            a.nop();
        }
        a.bind(l);
        assertEquals("adrp x0, 0x3000", A64Disassembler.decode(buf.intAt(0xff8), 0xff8));
        CodeBuffer ref = new CodeBuffer();
        new A64Assembler(ref).adrpPages(Reg.X0, 3);
        assertEquals(ref.intAt(0), buf.intAt(0xff8));
    }

    @Test
    void outOfRangeBranchesFailWhenBound() {
        CodeBuffer buf = new CodeBuffer();
        A64Assembler a = new A64Assembler(buf);
        Label l = new Label();
        a.tbz(Reg.X0, 1, l);
        for (int i = 0; i < (1 << 13) + 1; i++) {
            a.nop();
        }
        assertThrows(CodeException.class, () -> a.bind(l), "tbz reaches 32 KiB only");
        assertThrows(A64EncodingException.class, () -> a.b(2), "a misaligned offset");
        assertThrows(A64EncodingException.class, () -> a.bcond(Cond.EQ, 1 << 20));
    }

    @Test
    void symbolsBecomeRelocations() {
        CodeBuffer buf = new CodeBuffer();
        A64Assembler a = new A64Assembler(buf);
        a.nop().bl("vex_trap").adrp(Reg.X1, "table");
        assertEquals(2, buf.relocations().size());
        Relocation call = buf.relocations().get(0);
        assertEquals(4, call.offset());
        assertEquals(FixupFormat.PC_REL26_SCALED4, call.format());
        assertEquals("vex_trap", call.symbol());
        assertEquals(FixupFormat.PC_PAGE21_SPLIT, buf.relocations().get(1).format());
        assertEquals(0x94000000, buf.intAt(4));
    }
}
