package dev.vex.code;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeBufferTest {
    @Test
    void writersAreLittleEndianAndSurviveGrowth() {
        CodeBuffer b = new CodeBuffer(16);
        for (int i = 0; i < 1000; i++) {
            b.put1(i).put4(0x01020304).putLE(0x0A0B0C, 3).put11(0xAA, 0xBB).put14(0xCC, -1).put8(Long.MIN_VALUE).put2(0x1234);
        }
        byte[] code = b.toByteArray();
        int stride = 1 + 4 + 3 + 2 + 5 + 8 + 2;
        assertEquals(1000 * stride, code.length);
        int o = 999 * stride;
        assertEquals((byte) 999, code[o]);
        assertArrayEquals(new byte[] {4, 3, 2, 1, 0x0C, 0x0B, 0x0A, (byte) 0xAA, (byte) 0xBB, (byte) 0xCC, -1, -1, -1, -1,
            0, 0, 0, 0, 0, 0, 0, (byte) 0x80, 0x34, 0x12}, java.util.Arrays.copyOfRange(code, o + 1, o + stride));
        assertEquals(0x01020304, b.intAt(o + 1));
    }

    @Test
    void forwardUsesArePatchedWhenTheLabelIsBound() {
        CodeBuffer b = new CodeBuffer();
        Label l = new Label();
        // Twenty rel32 uses (more than the initial use array holds), each measured from its end.
        for (int i = 0; i < 20; i++) {
            int field = b.position();
            b.put4(0);
            b.useLabel(l, FixupFormat.PC_REL32, field, -4);
        }
        assertEquals(20, l.pendingUses());
        assertThrows(CodeException.class, b::finish);
        b.put1(0x90);
        b.bind(l);
        assertEquals(81, l.position());
        for (int i = 0; i < 20; i++) {
            assertEquals(81 - (4 * i + 4), b.intAt(4 * i));
        }
        assertEquals(81, b.finish().length);
    }

    @Test
    void usesOfABoundLabelAreAppliedAtOnce() {
        CodeBuffer b = new CodeBuffer();
        Label l = new Label();
        b.put4(0);
        b.bind(l);
        int field = b.position();
        b.put1(0);
        b.useLabel(l, FixupFormat.PC_REL8, field, -1);
        assertEquals(0xFF, b.byteAt(field)); // target 4, measured from the end of the field at 4: -1
        CodeBuffer far = new CodeBuffer();
        Label start = new Label();
        far.bind(start);
        far.putBytes(new byte[300]);
        int f = far.position();
        far.put1(0);
        assertThrows(CodeException.class, () -> far.useLabel(start, FixupFormat.PC_REL8, f, -1));
    }

    @Test
    void aShortForwardUseThatEndsUpOutOfReachFailsAtBind() {
        CodeBuffer b = new CodeBuffer();
        Label l = new Label();
        b.put1(0);
        b.useLabel(l, FixupFormat.PC_REL8, 0, -1);
        b.putBytes(new byte[200]);
        assertThrows(CodeException.class, () -> b.bind(l));
    }

    @Test
    void aLabelIsBoundOnce() {
        CodeBuffer b = new CodeBuffer();
        Label l = new Label();
        b.bind(l);
        assertThrows(CodeException.class, () -> b.bind(l));
    }

    @Test
    void relocationsAndSymbolsAreRecordedAndResolvable() {
        CodeBuffer b = new CodeBuffer();
        b.defineSymbol("f");
        b.put1(0xE8);
        b.put4(0);
        b.addRelocation(1, FixupFormat.PC_REL32, "g", -4);
        b.defineSymbol("h");
        b.putLE(0, 8);
        b.addRelocation(5, FixupFormat.ABS64, "g", 16);
        assertEquals(List.of(new SymbolDefinition("f", 0), new SymbolDefinition("h", 5)), b.symbols());
        assertEquals(2, b.relocations().size());
        assertThrows(CodeException.class, () -> b.defineSymbol("f"));

        byte[] code = b.toByteArray();
        long base = 0x7000_0000L;
        long g = 0x7000_1000L;
        for (Relocation r : b.relocations()) {
            r.apply(code, base, g);
        }
        CodeBuffer check = new CodeBuffer();
        check.putBytes(code);
        assertEquals((int) (g - (base + 5)), check.intAt(1));
        assertEquals((int) (g + 16), check.intAt(5));
        assertEquals((int) ((g + 16) >>> 32), check.intAt(9));
    }

    @Test
    void resetKeepsNothing() {
        CodeBuffer b = new CodeBuffer();
        b.put4(1);
        b.defineSymbol("x");
        b.addRelocation(0, FixupFormat.ABS32, "y", 0);
        b.reset();
        assertEquals(0, b.position());
        assertEquals(List.of(), b.symbols());
        assertEquals(List.of(), b.relocations());
        assertThrows(IndexOutOfBoundsException.class, () -> b.intAt(0));
    }
}
