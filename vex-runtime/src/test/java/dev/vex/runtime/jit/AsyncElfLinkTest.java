package dev.vex.runtime.jit;

import static dev.vex.runtime.jit.ElfLinkTest.onPath;
import static dev.vex.runtime.jit.ElfLinkTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.backend.CompileOptions;
import dev.vex.code.elf.ElfObjectWriter;
import dev.vex.runtime.Vex;
import dev.vex.text.ClifReader;
import dev.vex.x64.X64Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ahead of time, async: examples/pipeline.clif compiled to an ELF object, linked by gcc with a C
 * program and libvexrt; C runs {@code main} through its descriptor {@code main$desc} with
 * {@code vex_block_on}. The object's calls to the leaf futures ({@code vex_sleep}) and its
 * descriptors' pointers are resolved by the system linker.
 */
class AsyncElfLinkTest {
    static final String MAIN_C = """
            #include <inttypes.h>
            #include <stdio.h>
            #include "vex_runtime.h"

            extern const vex_future_desc main$desc;

            int main(void) {
                vex_runtime *rt = vex_runtime_create(2);
                for (uint64_t n = 10; n <= 20; n += 10) {
                    uint64_t args[1] = {n}, res[2] = {9, 9};
                    int st = vex_block_on(rt, &main$desc, args, res);
                    printf("%s(%" PRIu64 ") %d %" PRIu64 " %" PRIu64 "\\n", main$desc.name, n, st, res[0], res[1]);
                }
                vex_runtime_destroy(rt);
                return 0;
            }
            """;

    @Test
    void pipelineObjectRunsFromC(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(onPath("gcc"), "gcc is not installed");
        Path lib = Path.of("target/classes/linux-x86-64/libvexrt.so").toAbsolutePath();
        Path include = Path.of("src/main/c").toAbsolutePath();
        Path source = Path.of(System.getProperty("vex.root", ".."), "examples", "pipeline.clif");
        assertTrue(Files.exists(lib), lib + " was not built");
        var module = ClifReader.readModule(Files.readString(source), source.toString());
        var compiled = Vex.compileOnly(module, new X64Target(), CompileOptions.DEFAULT);
        Path obj = dir.resolve("pipeline.o");
        Files.write(obj, new ElfObjectWriter(new X64Target().elfMachine()).write(compiled));
        Path main = dir.resolve("main.c");
        Files.writeString(main, MAIN_C);
        Path exe = dir.resolve("main");
        ElfLinkTest.Result cc = run(List.of("gcc", "-no-pie", "-o", exe.toString(), main.toString(), obj.toString(),
                "-I" + include, "-L" + lib.getParent(), "-lvexrt", "-Wl,-rpath," + lib.getParent()));
        assertEquals(0, cc.exit(), cc.output());
        ElfLinkTest.Result r = run(List.of(exe.toString()));
        assertEquals(0, r.exit(), r.output());
        // The file's own run lines: %main(10) == [0, 580], %main(20) == [404, 0]
        assertEquals("main(10) 0 0 580\nmain(20) 0 404 0\n", r.output());
    }
}
