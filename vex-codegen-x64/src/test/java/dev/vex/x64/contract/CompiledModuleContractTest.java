package dev.vex.x64.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.backend.BackendException;
import dev.vex.backend.CompileOptions;
import dev.vex.backend.CompiledFunction;
import dev.vex.backend.CompiledModule;
import dev.vex.code.FixupFormat;
import dev.vex.code.Relocation;
import dev.vex.code.SymbolDefinition;
import dev.vex.ir.Module;
import dev.vex.text.ClifReader;
import dev.vex.x64.X64Target;
import dev.vex.x64.X64CpuFeatures;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the JIT and the ELF writer rely on: symbols, entries, relocations, function ranges. */
class CompiledModuleContractTest {
    private static final String SOURCE = """
            function %leaf(f64, f64, f64) -> f64 {
            block0(v0: f64, v1: f64, v2: f64):
                v3 = fma v0, v1, v2
                return v3
            }

            function %caller(i64) -> i64 {
                fn0 = %leaf(f64, f64, f64) -> f64
                fn1 = %outside(i64) -> i64
            block0(v0: i64):
                v1 = fcvt_from_sint.f64 v0
                v2 = call fn0(v1, v1, v1)
                v3 = fcvt_to_sint.i64 v2
                v4 = call fn1(v3)
                v5 = func_addr.i64 fn0
                v6 = iadd v4, v5
                return v6
            }
            """;

    @Test
    void symbolsEntriesAndRelocations() {
        Module module = ClifReader.readModule(SOURCE, "contract.clif");
        CompiledModule m = new X64Target().compile(module, CompileOptions.AOT);
        assertEquals("x64", m.targetName());
        assertNull(m.listing());
        Map<String, Integer> symbols = m.symbols().stream()
                .collect(Collectors.toMap(SymbolDefinition::name, SymbolDefinition::offset));
        assertEquals(Set.of("leaf", "caller", "leaf$array", "caller$array"), symbols.keySet());
        int end = 0;
        for (CompiledFunction f : m.functions()) {
            assertEquals(f.name(), f.symbol());
            assertEquals(f.name() + "$array", f.arrayEntrySymbol());
            assertEquals(symbols.get(f.symbol()), f.offset());
            assertTrue(f.offset() >= end && f.size() > 0 && f.offset() + f.size() <= m.code().length);
            assertTrue(!f.isAsync());
            end = f.offset() + f.size();
        }
        assertEquals("leaf", m.functions().get(0).name());
        // Calls and func_addr inside the module are resolved; what is left: traps, the stack
        // limit, libm's fma (no FMA3 here), the outside callee (rel32) and nothing else.
        Set<String> relocated = m.relocations().stream().map(Relocation::symbol).collect(Collectors.toSet());
        assertEquals(Set.of("vex_trap", "vex_stack_limit", "fma", "outside"), relocated);
        for (Relocation r : m.relocations()) {
            assertEquals(-4, r.addend(), r.toString());
            assertEquals(r.symbol().equals("vex_stack_limit") ? FixupFormat.TLS_IE_PC_REL32 : FixupFormat.PC_REL32,
                    r.format(), r.toString());
        }
        assertEquals(2, m.relocations().stream().filter(r -> r.symbol().equals("vex_stack_limit")).count(),
                "one stack check per function");
    }

    @Test
    void withFma3NoLibmCallAndAListingOnRequest() {
        Module module = ClifReader.readModule(SOURCE, "contract.clif");
        CompiledModule m = new X64Target().compile(module, CompileOptions.DEFAULT.withCpu(X64CpuFeatures.all()).withListing(true));
        assertTrue(m.relocations().stream().noneMatch(r -> r.symbol().equals("fma")));
        assertNotNull(m.listing());
        assertTrue(m.listing().contains("vfmadd231sd"), m.listing());
        assertTrue(m.listing().contains("cmp rax, qword ptr fs:[r11]"), m.listing());
        assertTrue(m.listing().contains("caller$array:"), m.listing());
    }

    /** A narrow result from outside the module (C leaves the upper bits undefined) is re-extended. */
    @Test
    void narrowResultsOfOutsideCallsAreCanonical() {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.vex.x64.harness.NativeHarness.available(),
                "NOT RUN: gcc is needed to run native code");
        Module module = ClifReader.readModule("""
                function %f(i8) -> i8, i64 {
                    fn0 = %vex_test_dirty_i8(i8) -> i8
                block0(v0: i8):
                    v1 = call fn0(v0)
                    v2 = uextend.i64 v1
                    return v1, v2
                }
                """, "outside.clif");
        CompiledModule m = new X64Target().compile(module, CompileOptions.DEFAULT);
        var out = dev.vex.x64.harness.NativeHarness.run(m, java.util.List.of(
                new dev.vex.x64.harness.NativeHarness.Call("f", new long[] {0}, 2),
                new dev.vex.x64.harness.NativeHarness.Call("f", new long[] {0x80}, 2)));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {0xff, 0xff}, out.get(0).values(),
                out.get(0).toString());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {0x7f, 0x7f}, out.get(1).values(),
                out.get(1).toString());
    }

    @Test
    void asyncOperationsAreRejected() {
        Module module = ClifReader.readModule("""
                async function %a() -> i64 {
                block0:
                    v0 = iconst.i64 1
                    return v0
                }
                """, "async.clif");
        BackendException e = assertThrows(BackendException.class,
                () -> new X64Target().compile(module, CompileOptions.DEFAULT));
        assertTrue(e.getMessage().contains("async"), e.getMessage());
    }
}
