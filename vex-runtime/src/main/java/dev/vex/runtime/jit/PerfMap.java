package dev.vex.runtime.jit;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A perf map, {@code /tmp/perf-PID.map}: one line per code range, {@code START SIZE name} with
 * the numbers in hexadecimal, which {@code perf report} reads to name samples in JIT code. Lines
 * are appended as modules load; perf reads the file after the run.
 */
final class PerfMap {
    private final Path path;
    private final FileOutputStream out;

    private PerfMap(Path path, FileOutputStream out) {
        this.path = path;
        this.out = out;
    }

    /** Opens (appends to) the map at {@code path}. */
    static PerfMap open(Path path) {
        try {
            return new PerfMap(path, new FileOutputStream(path.toFile(), true));
        } catch (IOException e) {
            throw new JitException("cannot open the perf map " + path + ": " + e.getMessage());
        }
    }

    Path path() {
        return path;
    }

    synchronized void write(List<CodeSymbol> symbols) {
        StringBuilder sb = new StringBuilder();
        for (CodeSymbol s : symbols) {
            sb.append(Long.toHexString(s.address())).append(' ').append(Long.toHexString(s.size())).append(' ')
                    .append(s.name()).append('\n');
        }
        try {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new JitException("cannot write the perf map " + path + ": " + e.getMessage());
        }
    }
}
