package dev.vex.runtime.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.backend.CompiledFunction;
import dev.vex.ir.VariableFunctions;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.ProfilerSupport;
import dev.vex.runtime.Vex;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The perf map and the jitdump file name every function of a module at its address, with its size. */
class PerfMapTest {

    /** The files stay open for the JVM's life (later modules append); unlinking them keeps /tmp clean. */
    @AfterAll
    static void removeFiles() throws IOException {
        for (Path p : new Path[] {ProfilerSupport.perfMapPath(), ProfilerSupport.jitDumpPath()}) {
            if (p != null) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void thePerfMapHasALinePerFunctionAndEntryAtTheirAddresses() throws IOException {
        Path map = ProfilerSupport.enablePerfMap();
        assertEquals(Path.of("/tmp/perf-" + ProcessHandle.current().pid() + ".map"), map);
        try (NativeModule nm = Vex.compile(VariableFunctions.module())) {
            List<String> lines = Files.readAllLines(map);
            for (CompiledFunction f : nm.compiled().functions()) {
                String line = Long.toHexString(nm.codeAddress() + f.offset()) + " " + Long.toHexString(f.size())
                        + " " + f.symbol();
                assertTrue(lines.contains(line), () -> line + " not in\n" + String.join("\n", lines));
                String entry = f.arrayEntrySymbol();
                long entryAddress = nm.codeAddress() + nm.compiled().symbols().stream()
                        .filter(d -> d.name().equals(entry)).findFirst().orElseThrow().offset();
                assertTrue(lines.stream().anyMatch(l -> l.startsWith(Long.toHexString(entryAddress) + " ")
                        && l.endsWith(" " + entry)), () -> entry + " not in\n" + String.join("\n", lines));
            }
            // The ranges lie in the mapping and do not overlap.
            List<long[]> ranges = new ArrayList<>();
            for (String l : lines) {
                String[] p = l.split(" ");
                long start = Long.parseLong(p[0], 16);
                if (start >= nm.codeAddress() && start < nm.codeAddress() + nm.mappedSize()) {
                    ranges.add(new long[] {start, start + Long.parseLong(p[1], 16)});
                }
            }
            ranges.sort((a, b) -> Long.compare(a[0], b[0]));
            assertEquals(6, ranges.size(), "3 functions and 3 array entries");
            for (int i = 1; i < ranges.size(); i++) {
                assertTrue(ranges.get(i - 1)[1] <= ranges.get(i)[0]);
            }
            assertTrue(ranges.get(ranges.size() - 1)[1] <= nm.codeAddress() + nm.mappedSize());
        }
    }

    @Test
    void theJitdumpFileHasItsHeaderMarkerAndOneLoadRecordPerRange() throws IOException {
        Path dump = ProfilerSupport.enableJitDump();
        assertEquals(Path.of("/tmp/jit-" + ProcessHandle.current().pid() + ".dump"), dump);
        String maps = Files.readString(Path.of("/proc/self/maps"));
        assertTrue(maps.lines().anyMatch(l -> l.contains("r-xp") && l.endsWith(dump.toString())),
                "the marker: the file mapped executable");
        try (NativeModule nm = Vex.compile(VariableFunctions.module())) {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dump)).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(0x4A695444, b.getInt(0));
            assertEquals(1, b.getInt(4));
            assertEquals(40, b.getInt(8));
            assertEquals(62, b.getInt(12), "EM_X86_64");
            assertEquals(ProcessHandle.current().pid(), b.getInt(20));
            List<String> records = new ArrayList<>();
            byte[] code = nm.compiled().code();
            int at = 40;
            while (at < b.limit()) {
                assertEquals(0, b.getInt(at), "JIT_CODE_LOAD");
                int total = b.getInt(at + 4);
                long vma = b.getLong(at + 24);
                long size = b.getLong(at + 40);
                int name = at + 56;
                int end = name;
                while (b.get(end) != 0) {
                    end++;
                }
                String n = new String(b.array(), name, end - name, StandardCharsets.UTF_8);
                assertEquals(total, end + 1 + size - at);
                if (vma >= nm.codeAddress() && vma < nm.codeAddress() + nm.mappedSize()) {
                    int off = (int) (vma - nm.codeAddress());
                    assertArrayEquals(Arrays.copyOfRange(code, off, off + (int) size),
                            Arrays.copyOfRange(b.array(), end + 1, end + 1 + (int) size), n);
                    records.add(n);
                }
                at += total;
            }
            assertEquals(List.of("sum", "nested", "pick", "sum$array", "nested$array", "pick$array"), records);
        }
    }
}
