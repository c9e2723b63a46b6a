package dev.vex.x64.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.async.LoweredModule;
import dev.vex.backend.BackendException;
import dev.vex.backend.CompileOptions;
import dev.vex.backend.CompiledModule;
import dev.vex.backend.CpuFeatureSet;
import dev.vex.backend.MachFunction;
import dev.vex.backend.regalloc.Allocation;
import dev.vex.compile.CompileDriver;
import dev.vex.compile.CompileListener;
import dev.vex.compile.CompileStage;
import dev.vex.compile.StagePrinter;
import dev.vex.compile.Target;
import dev.vex.compile.Targets;
import dev.vex.ir.Module;
import dev.vex.text.ClifReader;
import dev.vex.x64.X64CpuFeatures;
import dev.vex.x64.X64Target;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** vex-core's compile driver with the x64 target: the stages in order, the hook, the CPU option, the registry. */
class CompileDriverTest {
    static final String SOURCE = """
            function %clz(i64) -> i64 {
            block0(v0: i64):
                v1 = clz v0
                return v1
            }

            async function %twice(i64) -> i64 {
                fn0 = async %vex_yield()
            block0(v0: i64):
                await fn0()
                v1 = iadd v0, v0
                return v1
            }
            """;

    private final Target x64 = new X64Target();

    @Test
    void theListenerSeesEveryStageInPipelineOrder() {
        List<String> events = new ArrayList<>();
        CompileListener listener = new CompileListener() {
            @Override
            public boolean wantsTimings() {
                return true;
            }

            @Override
            public void lowered(LoweredModule lowered) {
                events.add("lowered " + lowered.layouts().keySet());
            }

            @Override
            public void selected(MachFunction function) {
                events.add("selected " + function.name());
            }

            @Override
            public void allocated(Allocation allocation) {
                events.add("allocated " + allocation.function().name());
            }

            @Override
            public void timed(CompileStage stage, String function, long nanos) {
                assertTrue(nanos >= 0);
                events.add(stage + (function == null ? "" : " " + function));
            }
        };
        Module m = ClifReader.readModule(SOURCE, "d.clif");
        CompiledModule c = CompileDriver.compile(x64, m, CompileOptions.AOT.withAllocationCheck(true), listener);
        assertEquals(List.of("VERIFY", "LOWER", "lowered [twice]",
                "ISEL clz", "selected clz", "REGALLOC clz", "allocated clz", "CHECK clz", "EMIT clz",
                "ISEL twice$resume", "selected twice$resume", "REGALLOC twice$resume", "allocated twice$resume",
                "CHECK twice$resume", "EMIT twice$resume", "FINISH"), events);
        assertEquals("twice$desc", c.function("twice").descriptorSymbol());
        assertTrue(c.relocations().stream().anyMatch(r -> r.symbol().equals("vex_yield")), c.relocations().toString());
    }

    @Test
    void theCpuOptionDecidesTheInstructions() {
        Module m = ClifReader.readModule(SOURCE, "d.clif");
        CompiledModule base = CompileDriver.compile(x64, m, CompileOptions.AOT.withListing(true));
        CompiledModule lz = CompileDriver.compile(x64, m, CompileOptions.AOT.withCpu(CpuFeatureSet.parse("+lzcnt"))
                .withListing(true));
        assertFalse(base.listing().contains("lzcnt"), base.listing());
        assertTrue(lz.listing().contains("lzcnt"), lz.listing());
        // Explicit and pure: the same options give the same bytes.
        assertArrayEquals(base.code(), CompileDriver.compile(x64, m, CompileOptions.AOT).code());
        assertArrayEquals(base.code(), CompileDriver.compile(x64, m, CompileOptions.AOT.withCpu(CpuFeatureSet.of()))
                .code());
    }

    @Test
    void anUnknownCpuFeatureIsAnErrorNamingTheKnownOnes() {
        Module m = ClifReader.readModule(SOURCE, "d.clif");
        BackendException e = assertThrows(BackendException.class, () -> CompileDriver.compile(x64, m,
                CompileOptions.AOT.withCpu(CpuFeatureSet.parse("+avx512"))));
        assertTrue(e.getMessage().contains("no CPU feature 'avx512'"), e.getMessage());
        assertTrue(e.getMessage().contains("bmi2"), e.getMessage());
        assertEquals(X64CpuFeatures.KNOWN, CpuFeatureSet.parse(String.join(",", X64CpuFeatures.KNOWN)).names());
    }

    @Test
    void stagePrinterPrintsLoweredVcodeAndRegalloc() {
        Module m = ClifReader.readModule(SOURCE, "d.clif");
        StagePrinter lowered = new StagePrinter(StagePrinter.Stage.LOWERED, x64.machineSpec());
        CompileDriver.compile(x64, m, CompileOptions.AOT, lowered);
        assertTrue(lowered.text().contains("function %twice$resume("), lowered.text());
        assertTrue(lowered.text().contains("frame of %twice"), lowered.text());
        StagePrinter vcode = new StagePrinter(StagePrinter.Stage.VCODE, x64.machineSpec());
        CompileDriver.compile(x64, m, CompileOptions.AOT, vcode);
        assertTrue(vcode.text().contains("function clz {"), vcode.text());
        assertFalse(vcode.text().contains("["), vcode.text()); // no locations before allocation
        StagePrinter regalloc = new StagePrinter(StagePrinter.Stage.REGALLOC, x64.machineSpec());
        CompileDriver.compile(x64, m, CompileOptions.AOT, regalloc);
        assertTrue(regalloc.text().contains("[r"), regalloc.text());
    }

    @Test
    void theTargetIsFoundByServiceLoaderAndNameItsMachine() {
        Target t = Targets.find("x64");
        assertNotNull(t);
        assertSame(t, Targets.forOsArch("amd64"));
        assertSame(t, Targets.forOsArch("x86_64"));
        assertEquals(62, t.elfMachine().eMachine());
        assertEquals(null, Targets.find("sparc"));
    }
}
