package dev.vex.aarch64.asm.matrix;

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
 * Runs GNU binutils for AArch64 ({@code aarch64-linux-gnu-as}, {@code -objdump}) on a batch of
 * instructions. Each row is preceded by a local label and a {@code .data} table holds the
 * distance between consecutive labels, so one run of as gives every row's bytes; the object is
 * read directly (ELF64 section headers).
 */
public final class GnuAs {
    public static final String AS = "aarch64-linux-gnu-as";
    public static final String OBJDUMP = "aarch64-linux-gnu-objdump";

    private GnuAs() {
    }

    /** Whether {@code tool} runs. */
    public static boolean available(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The bytes GNU as produces for each entry of {@code texts} (ARMv8.1-A, so LSE assembles). */
    public static List<byte[]> assemble(List<String> texts) throws IOException {
        Path dir = Files.createTempDirectory("vex-a64-matrix");
        try {
            StringBuilder s = new StringBuilder(texts.size() * 40);
            s.append(".text\n");
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
            run(List.of(AS, "-march=armv8.1-a", "-o", object.toString(), source.toString()));
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
            deleteTree(dir);
        }
    }

    /** objdump's disassembly of raw little-endian A64 code: one line per word, "offset: word \t text". */
    public static List<String> disassemble(byte[] code) throws IOException {
        Path dir = Files.createTempDirectory("vex-a64-objdump");
        try {
            Path bin = dir.resolve("code.bin");
            Files.write(bin, code);
            String out = run(List.of(OBJDUMP, "-D", "-b", "binary", "-m", "aarch64", bin.toString()));
            return out.lines().toList();
        } finally {
            deleteTree(dir);
        }
    }

    private static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit;
        try {
            exit = p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + command.get(0), e);
        }
        if (exit != 0) {
            throw new IOException(command.get(0) + " failed:\n" + output.lines().limit(40).reduce("", (a, b) -> a + b + "\n"));
        }
        return output;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
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
