package dev.vex.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The split-field and page-relative fixups (AArch64 ADR and ADRP), and the scaled branch fields. */
class SplitAndPageFixupTest {
    private static int word(byte[] code, int at) {
        return (code[at] & 0xFF) | (code[at + 1] & 0xFF) << 8 | (code[at + 2] & 0xFF) << 16 | (code[at + 3] & 0xFF) << 24;
    }

    private static void putWord(byte[] code, int at, int w) {
        code[at] = (byte) w;
        code[at + 1] = (byte) (w >>> 8);
        code[at + 2] = (byte) (w >>> 16);
        code[at + 3] = (byte) (w >>> 24);
    }

    @Test
    void splitFieldPutsLowBitsAtBit29AndTheRestAtBit5() {
        byte[] code = new byte[16];
        putWord(code, 4, 0x10000001); // ADR x1 with a zero offset: the other bits are kept
        FixupFormat.PC_REL21_SPLIT.apply(code, 4, 4 + 0x12345 /* target */);
        int w = word(code, 4);
        assertEquals(0x10000001, w & ~(3 << 29) & ~(0x7FFFF << 5), "bits outside the field changed");
        assertEquals(0x12345 & 3, (w >>> 29) & 3);
        assertEquals(0x12345 >> 2, (w >>> 5) & 0x7FFFF);
    }

    @Test
    void splitFieldTakesNegativeOffsets() {
        byte[] code = new byte[8];
        FixupFormat.PC_REL21_SPLIT.apply(code, 4, 4 - 7);
        int w = word(code, 4);
        int imm = ((w >> 5) << 13 >> 11) | ((w >>> 29) & 3); // sign-extend immhi, append immlo
        assertEquals(-7, imm);
    }

    @Test
    void pageFieldIsTheDifferenceOfPages() {
        byte[] code = new byte[0x2000];
        // From offset 0xff8 (page 0) to 0x1004 (page 1): one page, although only 12 bytes apart.
        FixupFormat.PC_PAGE21_SPLIT.apply(code, 0xff8, 0x1004);
        int w = word(code, 0xff8);
        assertEquals(1, (w >>> 29) & 3);
        assertEquals(0, (w >>> 5) & 0x7FFFF);
        // From page 1 back to page 0.
        FixupFormat.PC_PAGE21_SPLIT.apply(code, 0x1000, 0x10);
        int back = word(code, 0x1000);
        assertEquals(3, (back >>> 29) & 3);
        assertEquals(0x7FFFF, (back >>> 5) & 0x7FFFF);
    }

    @Test
    void relocatedPageFieldsUseAbsoluteAddresses() {
        byte[] code = new byte[16];
        // Code placed at 0x10ff0: the field at offset 8 lives at 0x10ff8 (page 0x10000); the
        // symbol at 0x11000 is on the next page, so the value is 1 page, not 0.
        new Relocation(8, FixupFormat.PC_PAGE21_SPLIT, "sym", 0).apply(code, 0x10ff0, 0x11000);
        assertEquals(1, (word(code, 8) >>> 29) & 3);
        new Relocation(8, FixupFormat.PC_PAGE21_SPLIT, "sym", 0).apply(code, 0x10000, 0x11000);
        assertEquals(1, (word(code, 8) >>> 29) & 3);
        new Relocation(8, FixupFormat.PC_PAGE21_SPLIT, "sym", 0x10).apply(code, 0x10000, 0x10ff0);
        assertEquals(1, (word(code, 8) >>> 29) & 3, "the addend counts before the page is taken");
    }

    @Test
    void rangesAreChecked() {
        assertTrue(FixupFormat.PC_REL21_SPLIT.fits((1 << 20) - 1));
        assertFalse(FixupFormat.PC_REL21_SPLIT.fits(1 << 20));
        assertTrue(FixupFormat.PC_REL14_AT5_SCALED4.fits(-(1 << 15)));
        assertFalse(FixupFormat.PC_REL14_AT5_SCALED4.fits(1 << 15));
        assertFalse(FixupFormat.PC_REL19_AT5_SCALED4.fits(2), "a misaligned branch offset");
        assertTrue(FixupFormat.PC_REL26_SCALED4.fits((1 << 27) - 4));
        byte[] code = new byte[8];
        assertThrows(CodeException.class, () -> FixupFormat.PC_REL14_AT5_SCALED4.apply(code, 0, 1 << 15));
    }

    @Test
    void fieldsMustFitTheirContainer() {
        assertThrows(IllegalArgumentException.class, () -> new FixupFormat("bad", 4, 5, 21, 0, true, true, 2, 31, 0));
        assertThrows(IllegalArgumentException.class, () -> new FixupFormat("bad", 4, 5, 21, 0, true, true, 21, 29, 0));
    }
}
