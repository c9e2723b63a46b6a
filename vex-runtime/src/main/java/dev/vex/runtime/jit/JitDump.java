package dev.vex.runtime.jit;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A jitdump file, {@code /tmp/jit-PID.dump}, in the format of the Linux kernel's
 * {@code tools/perf/Documentation/jitdump-specification.txt}: a 40-byte header, then one
 * {@code JIT_CODE_LOAD} record per code range with its name and a copy of its bytes.
 * {@code perf inject --jit} turns the records into ELF images, so {@code perf report} and
 * {@code perf annotate} see the code itself.
 *
 * <p>perf finds the file through its marker: the process maps the file's first page
 * executable, and {@code perf record} logs that mmap. Timestamps are {@link System#nanoTime()},
 * which is {@code CLOCK_MONOTONIC} on Linux: record with {@code perf record -k mono}.
 */
final class JitDump {
    private static final int MAGIC = 0x4A695444; // "JiTD" read as a little-endian int
    private static final int VERSION = 1;
    private static final int HEADER_SIZE = 40;
    private static final int JIT_CODE_LOAD = 0;

    private final Path path;
    private final FileChannel channel;
    private final int pid;
    private long codeIndex;

    private JitDump(Path path, FileChannel channel, int pid) {
        this.path = path;
        this.channel = channel;
        this.pid = pid;
    }

    /** Creates the file with its header for code of ELF machine {@code elfMachine}, and maps its marker. */
    static JitDump create(Path path, int elfMachine) {
        int pid = (int) ProcessHandle.current().pid();
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ);
            ByteBuffer h = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(MAGIC).putInt(VERSION).putInt(HEADER_SIZE).putInt(elfMachine).putInt(0).putInt(pid)
                    .putLong(System.nanoTime()).putLong(0).flip();
            while (h.hasRemaining()) {
                ch.write(h);
            }
            ch.force(false);
            mapMarker(path);
            return new JitDump(path, ch, pid);
        } catch (IOException e) {
            throw new JitException("cannot create the jitdump file " + path + ": " + e.getMessage());
        }
    }

    /** Maps the file's first page read-execute and leaves it mapped: the mmap event perf looks for. */
    private static void mapMarker(Path path) {
        try {
            int fd = LibC.open(path.toString(), LibC.O_RDONLY);
            try {
                LibC.mmap(0, LibC.getpagesize(), LibC.PROT_READ | LibC.PROT_EXEC, LibC.MAP_PRIVATE, fd, 0);
            } finally {
                LibC.close(fd);
            }
        } catch (LastErrorException e) {
            throw new JitException("cannot map the jitdump marker " + path + ": " + e.getMessage());
        }
    }

    Path path() {
        return path;
    }

    /** Appends a {@code JIT_CODE_LOAD} record for {@code symbol}, whose bytes are {@code code}. */
    synchronized void codeLoad(CodeSymbol symbol, byte[] code, int from) {
        byte[] name = symbol.name().getBytes(StandardCharsets.UTF_8);
        int size = (int) symbol.size();
        int total = 16 + 4 + 4 + 8 * 4 + name.length + 1 + size;
        ByteBuffer r = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        r.putInt(JIT_CODE_LOAD).putInt(total).putLong(System.nanoTime());
        r.putInt(pid).putInt(pid); // tid: the loading thread's is not known to Java; perf does not use it
        r.putLong(symbol.address()).putLong(symbol.address()).putLong(size).putLong(codeIndex++);
        r.put(name).put((byte) 0).put(code, from, size).flip();
        try {
            while (r.hasRemaining()) {
                channel.write(r);
            }
        } catch (IOException e) {
            throw new JitException("cannot write the jitdump file " + path + ": " + e.getMessage());
        }
    }
}
