package dev.vex.code.elf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** An ELF string table: a leading NUL, then each distinct string once, NUL-terminated. */
final class ElfStringTable {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Map<String, Integer> offsets = new HashMap<>();

    ElfStringTable() {
        bytes.write(0);
    }

    /** The offset of {@code s} in the table, adding it if new. */
    int add(String s) {
        return offsets.computeIfAbsent(s, k -> {
            int off = bytes.size();
            byte[] b = k.getBytes(StandardCharsets.UTF_8);
            bytes.write(b, 0, b.length);
            bytes.write(0);
            return off;
        });
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }
}
