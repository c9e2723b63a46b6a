package dev.vex.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The page-offset ({@code :lo12:}) fields: a target's offset within its 4 KiB page, in bits 10-21. */
class PageOffsetFixupTest {
    private static int word(byte[] b) {
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }

    private static byte[] bytes(int w) {
        return new byte[] {(byte) w, (byte) (w >>> 8), (byte) (w >>> 16), (byte) (w >>> 24)};
    }

    @Test
    void addLo12TakesTheLowTwelveBitsWhereverTheCodeIs() {
        byte[] code = bytes(0x91000000); // add x0, x0, #0
        FixupFormat.PAGE_OFFSET12_AT10.applyAt(code, 0, 0x7000_1234L, 0x4567_89abL);
        assertEquals(0x91000000 | 0x9ab << 10, word(code)); // add x0, x0, #0x9ab
    }

    @Test
    void ld64Lo12IsScaledByEightAndRefusesMisalignedSlots() {
        byte[] code = bytes(0xf9400210); // ldr x16, [x16]
        FixupFormat.TLS_IE_PAGE_OFFSET12_AT10_SCALED8.applyAt(code, 0, 0, 0x12_3ff8L);
        assertEquals(0xf9400210 | (0xff8 >> 3) << 10, word(code));
        assertThrows(CodeException.class,
                () -> FixupFormat.TLS_IE_PAGE_OFFSET12_AT10_SCALED8.applyAt(bytes(0xf9400210), 0, 0, 0x1004L));
    }

    @Test
    void theTlsPageFieldIsAFormatOfItsOwn() {
        assertNotEquals(FixupFormat.PC_PAGE21_SPLIT, FixupFormat.TLS_IE_PAGE21_SPLIT);
        byte[] a = bytes(0x90000010);
        byte[] b = bytes(0x90000010);
        FixupFormat.PC_PAGE21_SPLIT.applyAt(a, 0, 0x1000, 0x5000);
        FixupFormat.TLS_IE_PAGE21_SPLIT.applyAt(b, 0, 0x1000, 0x5000);
        assertEquals(word(a), word(b));
    }
}
