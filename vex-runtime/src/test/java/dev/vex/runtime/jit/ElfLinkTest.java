package dev.vex.runtime.jit;

import static dev.vex.ir.Type.*;
import static dev.vex.runtime.jit.HandModule.sig;
import static dev.vex.x64.asm.Gpr.*;
import static dev.vex.x64.asm.Mem.mem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.code.Label;
import dev.vex.code.elf.ElfObjectWriter;
import dev.vex.x64.X64Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ahead of time: hand-assembled functions written as an ELF object, linked by gcc with a C
 * program and libvexrt, and run. The C program calls them directly (System V) and through their
 * array entries under vex_invoke, including a trap and a stack overflow through the GOTTPOFF
 * stack check.
 */
class ElfLinkTest {
    static final String MAIN_C = """
            #include <inttypes.h>
            #include <stdio.h>
            #include <string.h>
            #include "vex_runtime.h"

            int64_t add_i64(int64_t, int64_t);
            void pair$array(const uint64_t *, uint64_t *);
            void fma_call$array(const uint64_t *, uint64_t *);
            void trap_with(int32_t);
            void trap_with$array(const uint64_t *, uint64_t *);
            void forever$array(const uint64_t *, uint64_t *);
            void depth$array(const uint64_t *, uint64_t *);

            int main(void) {
                printf("add %" PRId64 "\\n", add_i64(40, 2));
                uint64_t a[3] = {10, 3, 0}, r[2] = {0, 0};
                int rc = vex_invoke(pair$array, a, r, NULL);
                printf("pair %d %" PRIu64 " %" PRIu64 "\\n", rc, r[0], r[1]);
                double x = 2, y = 3, z = 4, out;
                memcpy(&a[0], &x, 8); memcpy(&a[1], &y, 8); memcpy(&a[2], &z, 8);
                vex_invoke(fma_call$array, a, r, NULL);
                memcpy(&out, &r[0], 8);
                printf("fma %g\\n", out);
                vex_trap_info info = {0, 0};
                a[0] = 4;
                int code = vex_invoke(trap_with$array, a, r, &info);
                printf("trap %d %" PRIu64 " %d\\n", code, info.code,
                       info.pc > (uintptr_t)trap_with && info.pc <= (uintptr_t)trap_with + 16);
                a[0] = 0;
                printf("forever %d\\n", vex_invoke(forever$array, a, r, NULL));
                a[0] = 1000;
                rc = vex_invoke(depth$array, a, r, NULL);
                printf("depth %d %" PRIu64 "\\n", rc, r[0]);
                return 0;
            }
            """;

    static HandModule module() {
        HandModule m = new HandModule();
        m.function("add_i64", sig(List.of(I64, I64), List.of(I64)), a -> a.lea(RAX, mem(RDI, RSI, 1, 0)).ret());
        m.function("pair", sig(List.of(I64, I64), List.of(I64, I64)),
                a -> a.lea(RAX, mem(RDI, RSI, 1, 0)).mov(RDX, RDI).sub(RDX, RSI).ret());
        m.function("fma_call", sig(List.of(F64, F64, F64), List.of(F64)), a -> a.sub(RSP, 8).call("fma").add(RSP, 8).ret());
        m.function("trap_with", sig(List.of(I32), List.of()), a -> a.mov(EDI, EDI).call("vex_trap"));
        m.function("forever", sig(List.of(I64), List.of(I64)), a -> {
            Label overflow = a.newLabel();
            HandModule.stackCheck(a, 64, overflow);
            a.push(RBP).mov(RBP, RSP).sub(RSP, 48).add(RDI, 1).call("forever").add(RAX, 1).mov(RSP, RBP).pop(RBP).ret();
            a.bind(overflow).mov(EDI, 1).call("vex_trap");
        });
        m.function("depth", sig(List.of(I64), List.of(I64)), a -> {
            Label overflow = a.newLabel();
            Label base = a.newLabel();
            HandModule.stackCheck(a, 64, overflow);
            a.test(RDI, RDI).jcc(dev.vex.x64.asm.Cond.E, base);
            a.push(RBP).mov(RBP, RSP).sub(RSP, 48).sub(RDI, 1).call("depth").add(RAX, 1).mov(RSP, RBP).pop(RBP).ret();
            a.bind(base).xor(EAX, EAX).ret();
            a.bind(overflow).mov(EDI, 1).call("vex_trap");
        });
        return m;
    }

    @Test
    void objectLinksWithCAndTheRuntimeAndRuns(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(onPath("gcc"), "gcc is not installed");
        Path lib = Path.of("target/classes/linux-x86-64/libvexrt.so").toAbsolutePath();
        Path include = Path.of("src/main/c").toAbsolutePath();
        assertTrue(Files.exists(lib), lib + " was not built");
        Path obj = dir.resolve("hand.o");
        Files.write(obj, new ElfObjectWriter(new X64Target().elfMachine()).write(module().build()));
        Path main = dir.resolve("main.c");
        Files.writeString(main, MAIN_C);
        Path exe = dir.resolve("main");
        Result cc = run(List.of("gcc", "-no-pie", "-o", exe.toString(), main.toString(), obj.toString(),
                "-I" + include, "-L" + lib.getParent(), "-lvexrt", "-Wl,-rpath," + lib.getParent(), "-lm"));
        assertEquals(0, cc.exit, cc.output);
        assertFalse(cc.output.contains("warning"), cc.output);
        Result r = run(List.of(exe.toString()));
        assertEquals(0, r.exit, r.output);
        assertEquals("""
                add 42
                pair 0 13 7
                fma 10
                trap 4 4 1
                forever 1
                depth 0 1000
                """, r.output);
    }

    @Test
    void readelfParsesTheObject(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(onPath("readelf"), "readelf is not installed");
        Path obj = dir.resolve("hand.o");
        Files.write(obj, new ElfObjectWriter(new X64Target().elfMachine()).write(module().build()));
        Result r = run(List.of("readelf", "-a", "-W", obj.toString()));
        assertEquals(0, r.exit, r.output);
        assertFalse(r.output.contains("Warning") || r.output.contains("Error"), r.output);
        assertTrue(r.output.contains("R_X86_64_GOTTPOFF") && r.output.contains("R_X86_64_PLT32"), r.output);
    }

    record Result(int exit, String output) {
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out\n" + out);
        }
        return new Result(p.exitValue(), out);
    }

    /** Whether a tool is on the PATH. */
    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
