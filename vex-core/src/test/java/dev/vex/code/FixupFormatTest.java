package dev.vex.code;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FixupFormatTest {
    /** AArch64 B.cond: imm19 in bits 5..23, scaled by 4, pc-relative to the instruction. */
    private static final FixupFormat A64_IMM19 = new FixupFormat("a64_condbr19", 4, 5, 19, 2, true, true);
    /** AArch64 B/BL: imm26 in bits 0..25, scaled by 4. */
    private static final FixupFormat A64_IMM26 = new FixupFormat("a64_branch26", 4, 0, 26, 2, true, true);

    @Test
    void rel32IsLittleEndianAndPcRelative() {
        byte[] code = new byte[8];
        // Field at 2, target 0x100, addend -4: value = 0x100 - 4 - 2 = 0xFA.
        FixupFormat.PC_REL32.apply(code, 2, 0x100 - 4);
        assertArrayEquals(new byte[] {0, 0, (byte) 0xFA, 0, 0, 0, 0, 0}, code);
        FixupFormat.PC_REL32.apply(code, 2, -4);
        assertArrayEquals(new byte[] {0, 0, (byte) 0xFA, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0}, code);
    }

    @Test
    void rel8RejectsWhatDoesNotFit() {
        byte[] code = new byte[4];
        FixupFormat.PC_REL8.apply(code, 1, 1 + 127);
        assertTrue(code[1] == 127);
        FixupFormat.PC_REL8.apply(code, 1, 1 - 128);
        assertTrue(code[1] == -128);
        assertThrows(CodeException.class, () -> FixupFormat.PC_REL8.apply(code, 1, 1 + 128));
        assertThrows(CodeException.class, () -> FixupFormat.PC_REL8.apply(code, 1, 1 - 129));
    }

    @Test
    void bitFieldKeepsTheOtherBitsOfTheWord() {
        // b.ne (0x54000001 with imm19 = 0) at offset 4, branching back to offset 0: imm19 = -1.
        byte[] code = {0, 0, 0, 0, 0x01, 0x00, 0x00, 0x54};
        A64_IMM19.apply(code, 4, 0);
        int word = (code[4] & 0xFF) | (code[5] & 0xFF) << 8 | (code[6] & 0xFF) << 16 | (code[7] & 0xFF) << 24;
        assertTrue(word == (0x54000001 | (0x7FFFF << 5)), Integer.toHexString(word));
    }

    @Test
    void scaledFieldsRejectMisalignedAndOutOfRangeValues() {
        byte[] code = new byte[8];
        assertThrows(CodeException.class, () -> A64_IMM26.apply(code, 0, 6));
        assertTrue(A64_IMM26.fits((1L << 27) - 4));
        assertFalse(A64_IMM26.fits(1L << 27));
        assertTrue(A64_IMM19.fits(-(1L << 20)));
        assertFalse(A64_IMM19.fits(-(1L << 20) - 4));
        // bl 0x1000 from offset 4: imm26 = (0x1000 - 4) / 4 = 0x3FF, opcode bits kept.
        code[4] = 0; code[5] = 0; code[6] = 0; code[7] = (byte) 0x94;
        A64_IMM26.apply(code, 4, 0x1000);
        assertArrayEquals(new byte[] {(byte) 0xFF, 0x03, 0x00, (byte) 0x94}, java.util.Arrays.copyOfRange(code, 4, 8));
    }

    @Test
    void unsignedAbsoluteFieldRejectsNegativeValues() {
        assertFalse(FixupFormat.ABS32.fits(-1));
        assertTrue(FixupFormat.ABS32.fits(0xFFFF_FFFFL));
        assertFalse(FixupFormat.ABS32.fits(0x1_0000_0000L));
    }

    @Test
    void formatMustFitItsContainer() {
        assertThrows(IllegalArgumentException.class, () -> new FixupFormat("bad", 4, 8, 26, 0, true, true));
        assertThrows(IllegalArgumentException.class, () -> new FixupFormat("bad", 3, 0, 8, 0, true, true));
    }
}
