package dev.vex.code.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The debugger's symbol object: read back field by field, and as readelf reads it. */
class ElfSymbolFileTest {
    /** An x86-64 machine as its target would declare it (vex-core names no ISA; only e_machine matters here). */
    private static final ElfMachine X86_64 = new ElfMachine("x64", 62, java.util.Map.of(), java.util.Set.of());

    static final long BASE = 0x7f12_3456_0000L;
    static final List<ElfSymbolFile.Symbol> SYMBOLS = List.of(
            new ElfSymbolFile.Symbol("main", 0, 48), new ElfSymbolFile.Symbol("helper", 48, 16),
            new ElfSymbolFile.Symbol("main$array", 64, 32));

    private static String cString(ByteBuffer b, int at) {
        int end = at;
        while (b.get(end) != 0) {
            end++;
        }
        byte[] s = new byte[end - at];
        b.get(at, s);
        return new String(s, StandardCharsets.UTF_8);
    }

    @Test
    void sectionsAndSymbolsSayWhereTheCodeIs() {
        ByteBuffer b = ByteBuffer.wrap(ElfSymbolFile.write(X86_64, BASE, 96, SYMBOLS))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x464C457F, b.getInt(0));
        assertEquals(1, b.getShort(16), "ET_REL");
        assertEquals(62, b.getShort(18), "EM_X86_64");
        long shoff = b.getLong(40);
        assertEquals(5, b.getShort(60));
        int text = (int) shoff + 64;
        assertEquals(8, b.getInt(text + 4), "SHT_NOBITS");
        assertEquals(6L, b.getLong(text + 8), "SHF_ALLOC | SHF_EXECINSTR");
        assertEquals(BASE, b.getLong(text + 16), "sh_addr: where the code runs");
        assertEquals(96L, b.getLong(text + 32));
        int symtab = (int) shoff + 2 * 64;
        int strtab = (int) shoff + 3 * 64;
        assertEquals(2, b.getInt(symtab + 4));
        int symOff = (int) b.getLong(symtab + 24);
        int count = (int) (b.getLong(symtab + 32) / 24);
        int strOff = (int) b.getLong(strtab + 24);
        List<String> read = new ArrayList<>();
        for (int i = 2; i < count; i++) {
            int e = symOff + 24 * i;
            assertEquals(0x12, b.get(e + 4), "GLOBAL FUNC");
            assertEquals(1, b.getShort(e + 6), "in .text");
            read.add(cString(b, strOff + b.getInt(e)) + "@" + b.getLong(e + 8) + "+" + b.getLong(e + 16));
        }
        assertEquals(List.of("main@0+48", "helper@48+16", "main$array@64+32"), read);
    }

    @Test
    void readelfParsesItCleanly(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(ElfObjectWriterTest.onPath("readelf"), "readelf is not installed");
        Path obj = dir.resolve("jit.o");
        Files.write(obj, ElfSymbolFile.write(X86_64, BASE, 96, SYMBOLS));
        Process p = new ProcessBuilder("readelf", "-S", "-s", "-W", obj.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertFalse(out.contains("Warning") || out.contains("Error"), out);
        assertTrue(out.matches("(?s).*\\.text\\s+NOBITS\\s+00007f1234560000 \\S+ 000060 00\\s+AX.*"), out);
        assertTrue(out.matches("(?s).*0+30\\s+16 FUNC\\s+GLOBAL DEFAULT\\s+1 helper\\n.*"), out);
        assertTrue(out.matches("(?s).*0+\\s+48 FUNC\\s+GLOBAL DEFAULT\\s+1 main\\n.*"), out);
    }
}
