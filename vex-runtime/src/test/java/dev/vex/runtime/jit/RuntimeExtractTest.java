package dev.vex.runtime.jit;

import static dev.vex.runtime.jit.ElfLinkTest.onPath;
import static dev.vex.runtime.jit.ElfLinkTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vex runtime --extract DIR --cflags --libs}: the header and libraries the jar carries are
 * enough to build C programs, with nothing from the source tree: an async AOT object run on the
 * shared and on the static library (PIE, {@code --fatal-warnings}), and the shared library
 * loaded with {@code dlopen}. The shipped {@code .so} has no debug sections but names its
 * separate debug file.
 */
class RuntimeExtractTest {
    static final String DLOPEN_C = """
            #include <dlfcn.h>
            #include <stdio.h>
            #include "vex_runtime.h"

            int main(int argc, char **argv) {
                (void) argc;
                void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
                if (!lib) { printf("dlopen: %s\\n", dlerror()); return 1; }
                vex_runtime *(*create)(int) = (vex_runtime *(*)(int)) dlsym(lib, "vex_runtime_create");
                int (*workers)(vex_runtime *) = (int (*)(vex_runtime *)) dlsym(lib, "vex_runtime_workers");
                void (*destroy)(vex_runtime *) = (void (*)(vex_runtime *)) dlsym(lib, "vex_runtime_destroy");
                if (!create || !workers || !destroy) { printf("dlsym failed\\n"); return 1; }
                vex_runtime *rt = create(3);
                printf("workers %d\\n", workers(rt));
                destroy(rt);
                return 0;
            }
            """;

    @Test
    void extractedFilesBuildCPrograms(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("gcc") && onPath("readelf"), "gcc or readelf is not installed");
        Path rt = dir.resolve("rt");
        String flags = vex("runtime", "--extract", rt.toString(), "--cflags", "--libs").strip();
        assertTrue(Files.exists(rt.resolve("include/vex_runtime.h")));
        assertTrue(Files.exists(rt.resolve("include/vex_net.h")));
        assertTrue(Files.exists(rt.resolve("include/vex_select.h")));
        assertTrue(Files.exists(rt.resolve("include/vex_scope.h")));
        assertTrue(Files.exists(rt.resolve("lib/libvexrt.a")));
        assertTrue(Files.exists(rt.resolve("lib/libvexrt.so")));
        assertTrue(flags.contains("-I" + rt.resolve("include")), flags);
        String staticLibs = vex("runtime", "--extract", rt.toString(), "--libs", "--static").strip();
        assertEquals(rt.resolve("lib/libvexrt.a") + " -pthread", staticLibs);

        ElfLinkTest.Result sections = run(List.of("readelf", "-S", "-W", rt.resolve("lib/libvexrt.so").toString()));
        assertFalse(sections.output().contains(".debug_info"), sections.output());
        assertTrue(sections.output().contains(".gnu_debuglink"), sections.output());

        Path source = Path.of(System.getProperty("vex.root", ".."), "examples", "pipeline.clif");
        Path obj = dir.resolve("pipeline.o");
        vex("compile", "--target", "x64", "-o", obj.toString(), source.toString());
        Path main = dir.resolve("main.c");
        Files.writeString(main, AsyncElfLinkTest.MAIN_C);
        for (String libs : List.of(flags, staticLibs + " " + flags.substring(0, flags.indexOf(' ')))) {
            Path exe = dir.resolve(libs.contains("libvexrt.a") ? "static" : "shared");
            List<String> cmd = new ArrayList<>(List.of("gcc", "-pie", "-fPIE", "-Wl,--fatal-warnings", "-o",
                    exe.toString(), main.toString(), obj.toString()));
            cmd.addAll(Arrays.asList(libs.split(" ")));
            ElfLinkTest.Result cc = run(cmd);
            assertEquals(0, cc.exit(), cmd + "\n" + cc.output());
            ElfLinkTest.Result r = run(List.of(exe.toString()));
            assertEquals(0, r.exit(), r.output());
            assertEquals("main(10) 0 0 580\nmain(20) 0 404 0\n", r.output());
        }
        ElfLinkTest.Result needed = run(List.of("readelf", "-d", dir.resolve("static").toString()));
        assertFalse(needed.output().contains("libvexrt"), needed.output());

        Path dl = dir.resolve("dl.c");
        Files.writeString(dl, DLOPEN_C);
        Path dlExe = dir.resolve("dl");
        ElfLinkTest.Result cc = run(List.of("gcc", "-pie", "-fPIE", "-Wl,--fatal-warnings", "-o", dlExe.toString(),
                dl.toString(), "-I" + rt.resolve("include"), "-ldl"));
        assertEquals(0, cc.exit(), cc.output());
        ElfLinkTest.Result r = run(List.of(dlExe.toString(), rt.resolve("lib/libvexrt.so").toString()));
        assertEquals("workers 3\n", r.output());
    }

    /**
     * The shipped shared libraries name no glibc symbol version newer than 2.17
     * ({@code glibc_compat.h}), so they load on glibc 2.17 and later, not only on the build host's
     * glibc; and they name libpthread.so.0, where glibc before 2.34 keeps the thread functions.
     */
    @Test
    void sharedLibrariesNeedGlibc217AtMost() throws Exception {
        assumeTrue(onPath("objdump") && onPath("readelf"), "binutils are not installed");
        int checked = 0;
        for (String arch : List.of("linux-x86-64", "linux-aarch64")) {
            Path so = Path.of("target/classes", arch, "libvexrt.so");
            if (!Files.exists(so)) {
                assertNotEquals("linux-x86-64", arch, "the x86-64 library is always built");
                continue;
            }
            ElfLinkTest.Result symbols = run(List.of("objdump", "-T", so.toString()));
            assertEquals(0, symbols.exit(), symbols.output());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("GLIBC_2\\.(\\d+)").matcher(symbols.output());
            int newest = 0;
            while (m.find()) {
                newest = Math.max(newest, Integer.parseInt(m.group(1)));
            }
            assertTrue(newest >= 2 && newest <= 17, arch + " names GLIBC_2." + newest);
            assertTrue(run(List.of("readelf", "-d", so.toString())).output().contains("[libpthread.so.0]"), arch);
            checked++;
        }
        assertTrue(checked >= 1);
    }

    @Test
    void badArgumentsAreUsageErrors(@TempDir Path dir) {
        assertNotEquals(0, rc("runtime"));
        assertNotEquals(0, rc("runtime", "--arch", "sparc", "--cflags"));
        assertNotEquals(0, rc("runtime", "--cflags", "stray"));
    }

    static String vex(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int rc(String... args) {
        return Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
