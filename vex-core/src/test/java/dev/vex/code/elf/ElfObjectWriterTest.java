package dev.vex.code.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.backend.CompiledFunction;
import dev.vex.backend.CompiledModule;
import dev.vex.code.CodeException;
import dev.vex.code.FixupFormat;
import dev.vex.code.Relocation;
import dev.vex.code.SymbolDefinition;
import dev.vex.ir.Signature;
import dev.vex.ir.Type;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ELF object's structure, read back field by field as the ELF64 specification lays it out,
 * and, where binutils is installed, as readelf reads it. (Linking it into a running program is
 * tested in vex-runtime, which has the runtime library.)
 */
class ElfObjectWriterTest {
    /**
     * A machine as a target declares it; these are x86-64's numbers (EM_X86_64; R_X86_64_PLT32,
     * GOTTPOFF, 64, 32, PC8), so that readelf names the relocations.
     */
    static final ElfMachine X86_64 = new ElfMachine("x64", 62, Map.of(FixupFormat.PC_REL32, 4,
            FixupFormat.TLS_IE_PC_REL32, 22, FixupFormat.ABS64, 1, FixupFormat.ABS32, 10, FixupFormat.PC_REL8, 15),
            Set.of(FixupFormat.TLS_IE_PC_REL32));

    /**
     * add: lea rax, [rdi + rsi]; ret (5 bytes). add$array: call vex_trap (rel32, PLT32);
     * mov r11, [rip + vex_stack_limit@gottpoff]; movabs rax, fma; call add (rel32 to a defined symbol).
     */
    static CompiledModule sample() {
        byte[] code = new byte[5 + 5 + 7 + 10 + 5];
        byte[] add = {0x48, (byte) 0x8D, 0x04, 0x37, (byte) 0xC3};
        System.arraycopy(add, 0, code, 0, 5);
        code[5] = (byte) 0xE8;
        code[10] = 0x4C;
        code[11] = (byte) 0x8B;
        code[12] = 0x1D;
        code[17] = 0x48;
        code[18] = (byte) 0xB8;
        code[27] = (byte) 0xE8;
        Signature sig = Signature.of(List.of(Type.I64, Type.I64), List.of(Type.I64));
        return new CompiledModule("x64", code,
                List.of(new SymbolDefinition("add", 0), new SymbolDefinition("add$array", 5)),
                List.of(new Relocation(6, FixupFormat.PC_REL32, "vex_trap", -4),
                        new Relocation(13, FixupFormat.TLS_IE_PC_REL32, "vex_stack_limit", -4),
                        new Relocation(19, FixupFormat.ABS64, "fma", 0),
                        new Relocation(28, FixupFormat.PC_REL32, "add", -4)),
                List.of(new CompiledFunction("add", sig, false, "add", 0, 5, "add$array")), null);
    }

    record Section(String name, int type, long flags, long offset, long size, int link, int info, long align, long entsize) {
    }

    record Sym(String name, int info, int shndx, long value, long size) {
    }

    /** A minimal ELF64 reader for the checks. */
    static final class Reader {
        final ByteBuffer b;
        final Map<String, Section> sections = new HashMap<>();

        Reader(byte[] file) {
            b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
            long shoff = b.getLong(0x28);
            int shnum = b.getShort(0x3C);
            int shstrndx = b.getShort(0x3E);
            Section[] raw = new Section[shnum];
            for (int i = 0; i < shnum; i++) {
                int o = (int) shoff + 64 * i;
                raw[i] = new Section(Integer.toString(b.getInt(o)), b.getInt(o + 4), b.getLong(o + 8), b.getLong(o + 24),
                        b.getLong(o + 32), b.getInt(o + 40), b.getInt(o + 44), b.getLong(o + 48), b.getLong(o + 56));
            }
            for (Section s : raw) {
                String name = string(raw[shstrndx], Integer.parseInt(s.name()));
                sections.put(name, new Section(name, s.type(), s.flags(), s.offset(), s.size(), s.link(), s.info(),
                        s.align(), s.entsize()));
            }
        }

        String string(Section table, int off) {
            int start = (int) table.offset() + off;
            int end = start;
            while (b.get(end) != 0) {
                end++;
            }
            return new String(b.array(), start, end - start, StandardCharsets.UTF_8);
        }

        List<Sym> symbols() {
            Section st = sections.get(".symtab");
            Section str = sections.get(".strtab");
            return java.util.stream.IntStream.range(0, (int) (st.size() / 24)).mapToObj(i -> {
                int o = (int) st.offset() + 24 * i;
                return new Sym(string(str, b.getInt(o)), b.get(o + 4) & 0xFF, b.getShort(o + 6) & 0xFFFF,
                        b.getLong(o + 8), b.getLong(o + 16));
            }).toList();
        }
    }

    @Test
    void headerSaysElf64LittleEndianRelocatableX86_64() {
        byte[] file = new ElfObjectWriter(X86_64).write(sample());
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x464C457F, b.getInt(0)); // \x7fELF
        assertEquals(2, b.get(4)); // 64-bit
        assertEquals(1, b.get(5)); // little-endian
        assertEquals(1, b.getShort(16)); // ET_REL
        assertEquals(62, b.getShort(18)); // EM_X86_64
        assertEquals(64, b.getShort(0x3A)); // e_shentsize
        assertEquals(7, b.getShort(0x3C));
    }

    @Test
    void textHoldsTheCodeAndSymbolsHaveSizes() {
        CompiledModule m = sample();
        Reader r = new Reader(new ElfObjectWriter(X86_64).write(m));
        Section text = r.sections.get(".text");
        assertEquals(6, text.flags()); // SHF_ALLOC | SHF_EXECINSTR
        assertEquals(0, text.offset() % 16);
        byte[] back = new byte[(int) text.size()];
        r.b.get((int) text.offset(), back);
        assertEquals(java.util.Arrays.toString(m.code()), java.util.Arrays.toString(back));
        assertTrue(r.sections.containsKey(".note.GNU-stack"));
        assertEquals(0, r.sections.get(".note.GNU-stack").flags()); // not executable: no exec stack

        List<Sym> syms = r.symbols();
        assertEquals(0x03, syms.get(1).info()); // local section symbol
        assertEquals(2, r.sections.get(".symtab").info()); // first global
        Map<String, Sym> byName = new HashMap<>();
        syms.forEach(s -> byName.put(s.name(), s));
        assertEquals(new Sym("add", 0x12, 1, 0, 5), byName.get("add")); // GLOBAL FUNC in .text
        assertEquals(new Sym("add$array", 0x12, 1, 5, 27), byName.get("add$array")); // to the end of the code
        assertEquals(new Sym("vex_trap", 0x10, 0, 0, 0), byName.get("vex_trap")); // GLOBAL NOTYPE undefined
        assertEquals(new Sym("vex_stack_limit", 0x16, 0, 0, 0), byName.get("vex_stack_limit")); // GLOBAL TLS
        assertEquals(new Sym("fma", 0x10, 0, 0, 0), byName.get("fma"));
    }

    @Test
    void relocationsMapToTheX86_64Types() {
        Reader r = new Reader(new ElfObjectWriter(X86_64).write(sample()));
        Section rela = r.sections.get(".rela.text");
        assertEquals(4, rela.type());
        assertEquals(r.sections.get(".symtab"), r.sections.values().stream().filter(s -> s.type() == 2).findFirst().get());
        assertEquals(3, rela.link()); // .symtab's index
        assertEquals(1, rela.info()); // applies to .text
        List<Sym> syms = r.symbols();
        long[][] expected = {{6, 4, -4}, {13, 22, -4}, {19, 1, 0}, {28, 4, -4}};
        String[] names = {"vex_trap", "vex_stack_limit", "fma", "add"};
        assertEquals(expected.length * 24, rela.size());
        for (int i = 0; i < expected.length; i++) {
            int o = (int) rela.offset() + 24 * i;
            long info = r.b.getLong(o + 8);
            assertEquals(expected[i][0], r.b.getLong(o));
            assertEquals(expected[i][1], info & 0xFFFF_FFFFL);
            assertEquals(expected[i][2], r.b.getLong(o + 16));
            assertEquals(names[i], syms.get((int) (info >>> 32)).name());
        }
    }

    @Test
    void formatsWithNoRelocationTypeAreRefused() {
        FixupFormat odd = new FixupFormat("imm19", 4, 5, 19, 2, true, true);
        CompiledModule m = sample();
        CompiledModule bad = new CompiledModule("x64", m.code(), m.symbols(), List.of(new Relocation(6, odd, "x", 0)),
                m.functions(), null);
        CodeException e = assertThrows(CodeException.class, () -> new ElfObjectWriter(X86_64).write(bad));
        assertTrue(e.getMessage().contains("imm19"), e.getMessage());
        CompiledModule other = new CompiledModule("sparc", m.code(), m.symbols(), m.relocations(), m.functions(), null);
        assertThrows(CodeException.class, () -> new ElfObjectWriter(X86_64).write(other));
    }

    @Test
    void readelfParsesItCleanly(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(onPath("readelf"), "readelf is not installed");
        Path obj = dir.resolve("sample.o");
        Files.write(obj, new ElfObjectWriter(X86_64).write(sample()));
        Process p = new ProcessBuilder("readelf", "-a", "-W", obj.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertFalse(out.contains("Warning") || out.contains("Error"), out);
        assertTrue(out.contains("REL (Relocatable file)"), out);
        assertTrue(out.matches("(?s).*R_X86_64_PLT32\\s+0+\\s+vex_trap - 4.*"), out);
        assertTrue(out.matches("(?s).*R_X86_64_GOTTPOFF\\s+0+\\s+vex_stack_limit - 4.*"), out);
        assertTrue(out.matches("(?s).*R_X86_64_64\\s+0+\\s+fma \\+ 0.*"), out);
        assertTrue(out.matches("(?s).*5 FUNC\\s+GLOBAL DEFAULT\\s+1 add\\n.*"), out);
        assertTrue(out.matches("(?s).*TLS\\s+GLOBAL DEFAULT\\s+UND vex_stack_limit.*"), out);
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
