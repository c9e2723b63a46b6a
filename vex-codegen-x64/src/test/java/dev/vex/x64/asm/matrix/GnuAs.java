package dev.vex.x64.asm.matrix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Assembles many instructions with GNU as in one batch and returns each one's bytes.
 *
 * <p>Every instruction is preceded by a local label; a {@code .data} section holds the distance
 * from each label to the next ({@code .long .Lr1-.Lr0}, ...), so after one run of {@code as} the
 * bytes of row i are the slice of {@code .text} between the running sums. The object file is read
 * directly (ELF64 section headers), so objdump is not needed.
 */
final class GnuAs {
    private GnuAs() {
    }

    /** Whether an {@code as} that accepts x86-64 Intel syntax is on the PATH. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("as", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 && assembles();
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static boolean assembles() {
        try {
            return assemble(List.of("ret")).get(0)[0] == (byte) 0xC3;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The bytes GNU as produces for each line of {@code texts}. */
    static List<byte[]> assemble(List<String> texts) throws IOException {
        Path dir = Files.createTempDirectory("vex-x64-matrix");
        try {
            StringBuilder s = new StringBuilder(texts.size() * 48);
            s.append(".intel_syntax noprefix\n.text\n");
            for (int i = 0; i < texts.size(); i++) {
                s.append(".Lr").append(i).append(":\n").append(texts.get(i)).append('\n');
            }
            s.append(".Lr").append(texts.size()).append(":\n.data\n");
            for (int i = 0; i < texts.size(); i++) {
                s.append(".long .Lr").append(i + 1).append("-.Lr").append(i).append('\n');
            }
            Path source = dir.resolve("matrix.s");
            Path object = dir.resolve("matrix.o");
            Files.writeString(source, s, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder("as", "--64", "-o", object.toString(), source.toString())
                .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit;
            try {
                exit = p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for as", e);
            }
            if (exit != 0) {
                throw new IOException("as failed:\n" + output.lines().limit(40).reduce("", (a, b) -> a + b + "\n"));
            }
            byte[] elf = Files.readAllBytes(object);
            byte[] text = section(elf, ".text");
            ByteBuffer lengths = ByteBuffer.wrap(section(elf, ".data")).order(ByteOrder.LITTLE_ENDIAN);
            List<byte[]> result = new ArrayList<>(texts.size());
            int offset = 0;
            for (int i = 0; i < texts.size(); i++) {
                int length = lengths.getInt();
                result.add(Arrays.copyOfRange(text, offset, offset + length));
                offset += length;
            }
            return result;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The contents of the named section of a little-endian ELF64 file. */
    static byte[] section(byte[] elf, String name) {
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0x464C457F || elf[4] != 2 || elf[5] != 1) {
            throw new IllegalArgumentException("not a little-endian ELF64 file");
        }
        long shoff = b.getLong(0x28);
        int shentsize = b.getShort(0x3A) & 0xFFFF;
        int shnum = b.getShort(0x3C) & 0xFFFF;
        int shstrndx = b.getShort(0x3E) & 0xFFFF;
        int strtabOffset = (int) b.getLong((int) (shoff + (long) shstrndx * shentsize) + 24);
        for (int i = 0; i < shnum; i++) {
            int h = (int) (shoff + (long) i * shentsize);
            int nameOffset = strtabOffset + b.getInt(h);
            int end = nameOffset;
            while (elf[end] != 0) {
                end++;
            }
            if (new String(elf, nameOffset, end - nameOffset, StandardCharsets.US_ASCII).equals(name)) {
                int offset = (int) b.getLong(h + 24);
                int size = (int) b.getLong(h + 32);
                return Arrays.copyOfRange(elf, offset, offset + size);
            }
        }
        throw new IllegalArgumentException("no section " + name);
    }
}
