package dev.vex.runtime.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Pointer;
import dev.vex.aarch64.A64Target;
import dev.vex.backend.CompileOptions;
import dev.vex.backend.CompiledModule;
import dev.vex.ir.Module;
import dev.vex.text.ClifReader;
import org.junit.jupiter.api.Test;

/**
 * Links AArch64 code into this process's memory, as the JIT would on an AArch64 host, and reads
 * the relocated words back (x86-64 cannot run them): BL to an external reaches its stub, the
 * stub holds the external's address, the prologue's ADRP + LDR of {@code vex_stack_limit} reach
 * the slot that holds its thread-pointer offset, and an external's {@code func_addr} (ADRP +
 * ADD) names the stub too.
 */
class A64JitLinkTest {
    private static final long EXTERNAL = 0x7f00_1234_5678L;
    private static final long TPOFF = 0x70;

    private static final SymbolResolver FAKE = new SymbolResolver() {
        @Override
        public long address(String name) {
            return name.equals("ext") ? EXTERNAL : name.equals("vex_trap") ? EXTERNAL + 0x100 : 0;
        }

        @Override
        public Long threadPointerOffset(String name) {
            return name.equals("vex_stack_limit") ? TPOFF : null;
        }
    };

    private static int word(long address) {
        return new Pointer(address).getInt(0);
    }

    /** BL's target: imm26 words from the instruction. */
    private static long blTarget(long pc, int w) {
        assertEquals(0x94000000, w & 0xFC000000, "a BL: " + Integer.toHexString(w));
        return pc + ((long) (w << 6) >> 6) * 4;
    }

    /** ADRP's page: the signed 21-bit page difference from the instruction's page. */
    private static long adrpPage(long pc, int w) {
        assertEquals(0x90000000, w & 0x9F000000, "an ADRP: " + Integer.toHexString(w));
        long imm = ((w >>> 29) & 3) | (long) ((w >>> 5) & 0x7FFFF) << 2;
        imm = imm << 43 >> 43;
        return (pc & ~0xFFFL) + (imm << 12);
    }

    private static long imm12(int w) {
        return (w >>> 10) & 0xFFF;
    }

    @Test
    void relocationsReachStubsAndTheTlsSlot() {
        Module m = ClifReader.readTestFile("""
                function %f(i64) -> i64 {
                    fn0 = %ext(i64) -> i64
                block0(v0: i64):
                    v1 = call fn0(v0)
                    v2 = func_addr.i64 fn0
                    v3 = iadd v1, v2
                    return v3
                }
                """, "link.clif").module();
        CompiledModule c = new A64Target().compile(m, CompileOptions.AOT);
        try (JitImage image = new JitLinker(FAKE).link(c)) {
            long base = image.base();
            long f = image.address("f");
            long stub = -1;
            long adrpPage = -1;
            int tlsChecks = 0;
            int funcAddrChecks = 0;
            long end = base + c.code().length;
            for (long pc = f; pc < end; pc += 4) {
                int w = word(pc);
                if ((w & 0xFC000000) == 0x94000000) {
                    long t = blTarget(pc, w);
                    if (t >= end) {
                        // A stub: ldr x16, #8; br x16; .quad address
                        assertEquals(0x58000050, word(t));
                        assertEquals(0xd61f0200, word(t + 4));
                        long a = new Pointer(t + 8).getLong(0);
                        assertTrue(a == EXTERNAL || a == EXTERNAL + 0x100, Long.toHexString(a));
                        if (a == EXTERNAL) {
                            stub = t;
                        }
                    }
                } else if ((w & 0x9F000000) == 0x90000000) {
                    adrpPage = adrpPage(pc, w);
                    int next = word(pc + 4);
                    int rd = w & 31;
                    if ((next & 0xFFC00000) == 0xF9400000 && rd == 16) { // ldr x16, [x16, #lo12] (TLS)
                        long slot = adrpPage + imm12(next) * 8;
                        assertEquals(TPOFF, new Pointer(slot).getLong(0));
                        tlsChecks++;
                    } else if ((next & 0xFFC00000) == 0x91000000) { // add xd, xd, #lo12 (func_addr)
                        funcAddrChecks++;
                        assertTrue(stub >= 0, "the call comes before func_addr");
                        assertEquals(stub, adrpPage + imm12(next));
                    }
                }
            }
            assertTrue(stub > 0, "a BL reaches the stub of %ext");
            assertEquals(1, tlsChecks, "the prologue's stack-limit load");
            assertEquals(1, funcAddrChecks, "func_addr of %ext");
        }
    }
}
