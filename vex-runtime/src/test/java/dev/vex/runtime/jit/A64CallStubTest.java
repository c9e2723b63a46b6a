package dev.vex.runtime.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The AArch64 far-call stub: the words GNU as gives for {@code ldr x16, 1f; br x16; 1: .quad target}. */
class A64CallStubTest {
    @Test
    void stubLoadsTheAlignedAddressWordIntoIp0AndBranches() {
        byte[] image = new byte[32];
        A64CallStub.INSTANCE.write(image, 8, 0x1122334455667788L);
        // 58000050 ldr x16, #8; d61f0200 br x16 (aarch64-linux-gnu-as/objdump), little-endian words
        byte[] expected = HexFormat.of().parseHex("0000000000000000" + "50000058" + "00021fd6"
            + "8877665544332211" + "0000000000000000");
        assertEquals(16, A64CallStub.INSTANCE.size());
        assertArrayEquals(expected, image);
    }

    @Test
    void theJitHasStubsForBothTargets() {
        assertSame(A64CallStub.INSTANCE, CallStubFormat.forTarget("aarch64"));
        assertSame(X64CallStub.INSTANCE, CallStubFormat.forTarget("x64"));
    }

    @Test
    void onlyAArch64NeedsAnInstructionCacheFlush() {
        assertTrue(InstructionCache.needed("aarch64"));
        assertTrue(InstructionCache.needed("arm64"));
        assertFalse(InstructionCache.needed("amd64"));
        assertFalse(InstructionCache.needed("x86_64"));
    }
}
