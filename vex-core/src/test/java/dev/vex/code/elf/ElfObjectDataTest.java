package dev.vex.code.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vex.backend.CompiledFunction;
import dev.vex.backend.CompiledModule;
import dev.vex.code.CodeException;
import dev.vex.code.FixupFormat;
import dev.vex.code.Relocation;
import dev.vex.code.SymbolDefinition;
import dev.vex.code.elf.ElfObjectWriterTest.Reader;
import dev.vex.code.elf.ElfObjectWriterTest.Section;
import dev.vex.code.elf.ElfObjectWriterTest.Sym;
import dev.vex.ir.Signature;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A module with read-only data (an async descriptor): the data goes to {@code .data.rel.ro} with
 * its own relocations, the code's pc-relative reference to it becomes a relocation against the
 * data section, resume functions are hidden, {@code --prefix} renames what the object defines,
 * and {@code withoutRuntime} defines a weak TLS stack limit and refers to vex_trap weakly.
 */
class ElfObjectDataTest {
    /**
     * f$resume: 16 bytes of code at 0 with a lea of f$desc at field 3 (pc-relative, addend -4),
     * a call to vex_trap at field 9 and a stack-limit access at field 12; then f$desc at 16:
     * 8 bytes of resume pointer (abs64 to f$resume) and 8 more bytes.
     */
    static CompiledModule asyncSample() {
        byte[] code = new byte[32];
        Signature sig = Signature.of(List.of(), List.of());
        return new CompiledModule("x64", code,
                List.of(new SymbolDefinition("f$resume", 0), new SymbolDefinition("f$desc", 16)),
                List.of(new Relocation(9, FixupFormat.PC_REL32, "vex_trap", -4),
                        new Relocation(12, FixupFormat.TLS_IE_PC_REL32, "vex_stack_limit", -4),
                        new Relocation(16, FixupFormat.ABS64, "f$resume", 0)),
                List.of(new CompiledFunction("f", sig, true, "f$resume", 0, 16, null, "f$desc")), null, 16,
                List.of(new Relocation(3, FixupFormat.PC_REL32, "f$desc", -4)));
    }

    @Test
    void descriptorsAreDataWithTheirOwnRelocations() {
        Reader r = new Reader(new ElfObjectWriter(ElfObjectWriterTest.X86_64).write(asyncSample()));
        Section text = r.sections.get(".text");
        Section data = r.sections.get(".data.rel.ro");
        assertEquals(16, text.size());
        assertEquals(16, data.size());
        assertEquals(3, data.flags()); // SHF_WRITE | SHF_ALLOC: relro, read-only after relocation
        Map<String, Sym> byName = byName(r.symbols());
        assertEquals(new Sym("f$desc", 0x11, 3, 0, 16), byName.get("f$desc")); // GLOBAL OBJECT in .data.rel.ro
        assertEquals(1, byName.get("f$resume").shndx());

        // .rela.text: vex_trap, vex_stack_limit, then the reference to the descriptor against
        // the data section's symbol (index 2) with the descriptor's offset in the addend
        Section relaText = r.sections.get(".rela.text");
        assertEquals(3 * 24, relaText.size());
        long[] third = rela(r, relaText, 2);
        assertEquals(3, third[0]);
        assertEquals(2, third[1] >>> 32);
        assertEquals(4, third[1] & 0xFFFF_FFFFL); // R_X86_64_PLT32
        assertEquals(-4, third[2]);
        Section relaData = r.sections.get(".rela.data.rel.ro");
        assertEquals(3, relaData.info()); // applies to .data.rel.ro
        assertEquals(24, relaData.size());
        long[] resume = rela(r, relaData, 0);
        assertEquals(0, resume[0]); // offset within the data section
        assertEquals(1, resume[1] & 0xFFFF_FFFFL); // R_X86_64_64
        assertEquals("f$resume", r.symbols().get((int) (resume[1] >>> 32)).name());
    }

    @Test
    void resumeFunctionsAreHiddenAndTheRestDefault() {
        Reader r = new Reader(new ElfObjectWriter(ElfObjectWriterTest.X86_64).write(asyncSample()));
        assertEquals(2, visibility(r, "f$resume")); // STV_HIDDEN
        assertEquals(0, visibility(r, "f$desc"));
    }

    @Test
    void prefixRenamesEveryDefinedSymbolAndNothingElse() {
        Reader r = new Reader(new ElfObjectWriter(ElfObjectWriterTest.X86_64,
                ElfObjectOptions.DEFAULT.withPrefix("p_")).write(asyncSample()));
        Map<String, Sym> byName = byName(r.symbols());
        assertEquals(Set.of("", "p_f$resume", "p_f$desc", "vex_trap", "vex_stack_limit"), byName.keySet());
        long[] resume = rela(r, r.sections.get(".rela.data.rel.ro"), 0);
        assertEquals("p_f$resume", r.symbols().get((int) (resume[1] >>> 32)).name());
    }

    @Test
    void withoutRuntimeTheStackLimitIsAWeakTlsDefinitionAndTheTrapAWeakReference() {
        Reader r = new Reader(new ElfObjectWriter(ElfObjectWriterTest.X86_64,
                ElfObjectOptions.DEFAULT.withoutRuntime()).write(asyncSample()));
        Section tbss = r.sections.get(".tbss");
        assertEquals(8, tbss.type()); // SHT_NOBITS
        assertEquals(0x403, tbss.flags()); // SHF_WRITE | SHF_ALLOC | SHF_TLS
        assertEquals(8, tbss.size());
        Map<String, Sym> byName = byName(r.symbols());
        assertEquals(new Sym("vex_stack_limit", 0x26, 5, 0, 8), byName.get("vex_stack_limit")); // WEAK TLS in .tbss
        assertEquals(new Sym("vex_trap", 0x20, 0, 0, 0), byName.get("vex_trap")); // WEAK NOTYPE undefined
        // without the option both stay strong undefined references
        Map<String, Sym> plain = byName(new Reader(new ElfObjectWriter(ElfObjectWriterTest.X86_64)
                .write(asyncSample())).symbols());
        assertEquals(new Sym("vex_stack_limit", 0x16, 0, 0, 0), plain.get("vex_stack_limit"));
        assertEquals(new Sym("vex_trap", 0x10, 0, 0, 0), plain.get("vex_trap"));
    }

    @Test
    void aDataReferenceThatDoesNotReachTheDataIsRefused() {
        CompiledModule m = asyncSample();
        CompiledModule bad = new CompiledModule(m.targetName(), m.code(), m.symbols(), m.relocations(),
                m.functions(), null, m.dataStart(), List.of(new Relocation(3, FixupFormat.PC_REL32, "f$resume", -4)));
        assertThrows(CodeException.class, () -> new ElfObjectWriter(ElfObjectWriterTest.X86_64).write(bad));
    }

    private static int visibility(Reader r, String name) {
        Section st = r.sections.get(".symtab");
        List<Sym> syms = r.symbols();
        for (int i = 0; i < syms.size(); i++) {
            if (syms.get(i).name().equals(name)) {
                return r.b.get((int) st.offset() + 24 * i + 5) & 3;
            }
        }
        throw new AssertionError("no symbol " + name);
    }

    private static long[] rela(Reader r, Section s, int i) {
        int o = (int) s.offset() + 24 * i;
        return new long[] {r.b.getLong(o), r.b.getLong(o + 8), r.b.getLong(o + 16)};
    }

    private static Map<String, Sym> byName(List<Sym> syms) {
        Map<String, Sym> m = new HashMap<>();
        syms.forEach(s -> m.put(s.name(), s));
        return m;
    }
}
