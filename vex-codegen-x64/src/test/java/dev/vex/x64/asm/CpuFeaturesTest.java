package dev.vex.x64.asm;

import static dev.vex.x64.asm.Gpr.*;
import static dev.vex.x64.asm.Mem.mem;
import static dev.vex.x64.asm.Xmm.*;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.code.CodeBuffer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CpuFeaturesTest {
    private static final String CPUINFO = String.join("\n",
        "processor\t: 0",
        "model name\t: Some CPU",
        "flags\t\t: fpu sse2 ssse3 fma sse4_1 popcnt abm bmi1 avx",
        "",
        "processor\t: 1",
        "flags\t\t: fpu sse2 bmi2",
        "");

    @Test
    void parsesTheFirstFlagsLine() {
        CpuFeatures f = CpuFeatures.fromCpuinfo(CPUINFO);
        assertTrue(f.has(CpuFeature.FMA));
        assertTrue(f.has(CpuFeature.SSE4_1));
        assertTrue(f.has(CpuFeature.POPCNT));
        assertTrue(f.has(CpuFeature.LZCNT));
        assertTrue(f.has(CpuFeature.BMI1));
        assertFalse(f.has(CpuFeature.BMI2));
        assertEquals(CpuFeatures.none(), CpuFeatures.fromCpuinfo("no flags here"));
        assertEquals(CpuFeatures.of(CpuFeature.FMA, CpuFeature.SSE4_1, CpuFeature.POPCNT, CpuFeature.LZCNT, CpuFeature.BMI1), f);
        assertNotNull(CpuFeatures.host());
    }

    @Test
    void instructionsNeedTheirFeature() {
        Object[][] cases = {
            {CpuFeature.LZCNT, (Consumer<X64Assembler>) a -> a.lzcnt(RAX, RCX)},
            {CpuFeature.BMI1, (Consumer<X64Assembler>) a -> a.tzcnt(EAX, mem(RCX))},
            {CpuFeature.POPCNT, (Consumer<X64Assembler>) a -> a.popcnt(RAX, RCX)},
            {CpuFeature.BMI1, (Consumer<X64Assembler>) a -> a.andn(RAX, RCX, RDX)},
            {CpuFeature.BMI1, (Consumer<X64Assembler>) a -> a.blsr(EAX, ECX)},
            {CpuFeature.BMI2, (Consumer<X64Assembler>) a -> a.shlx(RAX, RCX, RDX)},
            {CpuFeature.BMI2, (Consumer<X64Assembler>) a -> a.rorx(RAX, RCX, 3)},
            {CpuFeature.FMA, (Consumer<X64Assembler>) a -> a.vfmadd231sd(XMM0, XMM1, XMM2)},
            {CpuFeature.SSE4_1, (Consumer<X64Assembler>) a -> a.roundsd(XMM0, XMM1, 3)},
        };
        for (Object[] c : cases) {
            CpuFeature feature = (CpuFeature) c[0];
            @SuppressWarnings("unchecked")
            Consumer<X64Assembler> emit = (Consumer<X64Assembler>) c[1];
            X64Assembler without = new X64Assembler(new CodeBuffer(), CpuFeatures.none());
            X64EncodingException e = assertThrows(X64EncodingException.class, () -> emit.accept(without));
            assertTrue(e.getMessage().contains(feature.name()), e.getMessage());
            X64Assembler with = new X64Assembler(new CodeBuffer(), CpuFeatures.of(feature));
            assertDoesNotThrow(() -> emit.accept(with));
            assertTrue(with.position() > 0);
        }
        // SSE2 needs nothing.
        X64Assembler baseline = new X64Assembler(new CodeBuffer(), CpuFeatures.none());
        assertDoesNotThrow(() -> baseline.addsd(XMM0, XMM1).cvttsd2si(RAX, XMM0).sqrtss(XMM3, XMM4));
    }
}
