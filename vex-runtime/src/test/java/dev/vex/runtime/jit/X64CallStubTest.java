package dev.vex.runtime.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The far-call stub, now assembled, keeps its bytes: the layout the JIT linker and objdump expect. */
class X64CallStubTest {
    @Test
    void stubIsAnIndirectJumpThroughTheAlignedAddressWord() {
        byte[] image = new byte[32];
        X64CallStub.INSTANCE.write(image, 8, 0x1122334455667788L);
        // jmp qword ptr [rip+0x2] (FF /4, ModRM 00 100 101); int3; int3; .quad target
        byte[] expected = HexFormat.of().parseHex("0000000000000000" + "ff2502000000cccc"
            + "8877665544332211" + "0000000000000000");
        assertEquals(16, X64CallStub.INSTANCE.size());
        assertArrayEquals(expected, image);
    }
}
