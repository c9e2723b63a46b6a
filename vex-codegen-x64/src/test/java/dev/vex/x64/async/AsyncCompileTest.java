package dev.vex.x64.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.async.AsyncFrameLayout;
import dev.vex.async.AsyncLowering;
import dev.vex.async.FrameSize;
import dev.vex.async.FrameSizes;
import dev.vex.async.LoweredModule;
import dev.vex.backend.CompileOptions;
import dev.vex.backend.CompiledFunction;
import dev.vex.backend.CompiledModule;
import dev.vex.code.FixupFormat;
import dev.vex.code.Relocation;
import dev.vex.code.SymbolDefinition;
import dev.vex.ir.Module;
import dev.vex.text.ClifReader;
import dev.vex.verify.Verifier;
import dev.vex.x64.X64Target;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the x64 target makes of a lowered async module: descriptors, symbols, relocations. */
class AsyncCompileTest {
    static final String SOURCE = """
            async function %leaf(i64, i64) -> i64, i64 {
                fn0 = async %vex_sleep(i64)
            block0(v0: i64, v1: i64):
                await fn0(v0)
                return v1, v0
            }

            function %starter(i64) -> i64 {
                fn0 = async %leaf(i64, i64) -> i64, i64
            block0(v0: i64):
                v1 = spawn fn0(v0, v0)
                return v1
            }
            """;

    static final FrameSizes LEAVES = FrameSizes.of(Map.of("vex_sleep", new FrameSize(80, 8)));

    @Test
    void descriptorsSymbolsAndRelocations() {
        Module m = ClifReader.readModule(SOURCE, "a.clif");
        Verifier.check(m);
        LoweredModule lowered = AsyncLowering.lower(m, LEAVES);
        CompiledModule c = new X64Target().compile(lowered, CompileOptions.AOT.withListing(true));
        AsyncFrameLayout layout = lowered.layout("leaf");

        CompiledFunction leaf = c.function("leaf");
        assertNotNull(leaf);
        assertTrue(leaf.isAsync());
        assertEquals("leaf$resume", leaf.symbol());
        assertEquals("leaf$desc", leaf.descriptorSymbol());
        assertNull(leaf.arrayEntrySymbol());
        assertEquals(2, leaf.signature().params().size());
        assertNull(c.function("leaf$resume"), "the resume function is reported as %leaf");
        assertFalse(c.function("starter").isAsync());
        assertNull(c.function("starter").descriptorSymbol());

        int desc = offset(c, "leaf$desc");
        assertEquals(0, desc % 8, "8-aligned");
        ByteBuffer b = ByteBuffer.wrap(c.code()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(layout.size(), b.getInt(desc + 8));
        assertEquals(layout.align(), b.getInt(desc + 12));
        assertEquals(2, b.getInt(desc + 16));
        assertEquals(2, b.getInt(desc + 20));
        assertEquals("leaf\0", new String(c.code(), desc + 32, 5, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(new Relocation(desc, FixupFormat.ABS64, "leaf$resume", 0), relocationAt(c, desc));
        assertEquals(new Relocation(desc + 24, FixupFormat.ABS64, "leaf$desc", 32), relocationAt(c, desc + 24));
        assertEquals(offset(c, "leaf$resume"), leaf.offset());

        // Leaf futures link to the runtime's symbols; the module's own descriptor is reached
        // rip-relative (no relocation names it but the descriptor's own name pointer).
        assertTrue(c.relocations().stream().anyMatch(r -> r.symbol().equals("vex_sleep")), c.relocations().toString());
        assertTrue(c.relocations().stream().anyMatch(r -> r.symbol().equals("vex_spawn")));
        assertTrue(c.relocations().stream().noneMatch(r -> r.symbol().endsWith("$resume") && !r.symbol().equals("leaf$resume")));
        assertEquals(1, c.relocations().stream().filter(r -> r.symbol().equals("leaf$desc")).count());
        assertTrue(c.listing().contains("vex_future_desc { &leaf$resume, size " + layout.size()), c.listing());
    }

    private static int offset(CompiledModule c, String symbol) {
        return c.symbols().stream().filter(s -> s.name().equals(symbol)).mapToInt(SymbolDefinition::offset)
                .findFirst().orElseThrow(() -> new AssertionError("no symbol " + symbol));
    }

    private static Relocation relocationAt(CompiledModule c, int offset) {
        return c.relocations().stream().filter(r -> r.offset() == offset).findFirst()
                .orElseThrow(() -> new AssertionError("no relocation at " + offset));
    }
}
