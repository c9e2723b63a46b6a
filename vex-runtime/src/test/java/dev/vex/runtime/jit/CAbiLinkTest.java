package dev.vex.runtime.jit;

import static dev.vex.runtime.jit.ElfLinkTest.onPath;
import static dev.vex.runtime.jit.ElfLinkTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.cli.Main;
import dev.vex.exec.Outcome;
import dev.vex.interp.Interpreter;
import dev.vex.text.ClifReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AOT objects link cleanly as a PIE with {@code -Wl,--fatal-warnings} (so no {@code DT_TEXTREL}):
 * a sync object built with {@code --prefix} and {@code --no-runtime} links with no libvexrt at all
 * and answers as the interpreter does; an async object keeps its descriptors in
 * {@code .data.rel.ro} and runs on libvexrt; resume functions are hidden.
 */
class CAbiLinkTest {
    static final String SYNC_MAIN_C = """
            #include <inttypes.h>
            #include <stdio.h>
            int64_t my_fib(int64_t);
            double my_norm2(double, double);
            int32_t my_mix(int32_t, int8_t, int16_t, float);
            int main(void) {
                printf("%" PRId64 "\\n", my_fib(25));
                printf("%a\\n", my_norm2(3.0, 4.5));
                printf("%" PRId32 "\\n", my_mix(1000, -7, -2, -123.75f));
                return 0;
            }
            """;

    @Test
    void syncObjectLinksAsPieWithoutTheRuntime(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("gcc") && onPath("readelf"), "gcc or readelf is not installed");
        Path src = dir.resolve("aot.clif");
        Files.writeString(src, AotCompileTest.CLIF);
        Path obj = dir.resolve("aot.o");
        compile(List.of("--prefix", "my_", "--no-runtime", "-o", obj.toString(), src.toString()));

        List<String> defined = definedSymbols(obj);
        assertFalse(defined.isEmpty());
        for (String s : defined) {
            assertTrue(s.startsWith("my_"), "unprefixed symbol " + s + " in " + defined);
        }
        assertTrue(defined.contains("my_fib$array"), defined.toString());

        Path main = dir.resolve("main.c");
        Files.writeString(main, SYNC_MAIN_C);
        Path exe = dir.resolve("main");
        ElfLinkTest.Result cc = run(List.of("gcc", "-pie", "-fPIE", "-Wl,--fatal-warnings", "-o", exe.toString(),
                main.toString(), obj.toString(), "-lm"));
        assertEquals(0, cc.exit(), cc.output());
        ElfLinkTest.Result needed = run(List.of("readelf", "-d", exe.toString()));
        assertFalse(needed.output().contains("vexrt"), needed.output());
        assertFalse(needed.output().contains("TEXTREL"), needed.output());
        ElfLinkTest.Result r = run(List.of(exe.toString()));
        assertEquals(0, r.exit(), r.output());

        Interpreter interp = new Interpreter(ClifReader.readModule(AotCompileTest.CLIF, "aot.clif"));
        long fib = ((Outcome.Returned) interp.run("fib", new long[] {25})).values()[0];
        double hyp = Double.longBitsToDouble(((Outcome.Returned) interp.run("norm2",
                new long[] {Double.doubleToLongBits(3.0), Double.doubleToLongBits(4.5)})).values()[0]);
        int mix = (int) ((Outcome.Returned) interp.run("mix",
                new long[] {1000, 0xf9, 0xfffe, Float.floatToIntBits(-123.75f) & 0xffff_ffffL})).values()[0];
        List<String> lines = r.output().lines().toList();
        assertEquals(String.valueOf(fib), lines.get(0));
        assertEquals(Double.parseDouble(lines.get(1)), hyp);
        assertEquals(String.valueOf(mix), lines.get(2));
    }

    @Test
    void asyncObjectLinksAsPieAndRunsOnTheRuntime(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("gcc") && onPath("readelf"), "gcc or readelf is not installed");
        Path lib = Path.of("target/classes/linux-x86-64/libvexrt.so").toAbsolutePath();
        Path include = Path.of("src/main/c").toAbsolutePath();
        assertTrue(Files.exists(lib), lib + " was not built");
        Path source = Path.of(System.getProperty("vex.root", ".."), "examples", "pipeline.clif");
        Path obj = dir.resolve("pipeline.o");
        compile(List.of("-o", obj.toString(), source.toString()));

        ElfLinkTest.Result sections = run(List.of("readelf", "-S", "-r", "-s", "-W", obj.toString()));
        assertTrue(sections.output().contains(".data.rel.ro"), sections.output());
        assertFalse(sections.output().contains(".rela.text' at offset") && relaTextHasAbs64(sections.output()),
                sections.output());
        assertTrue(Pattern.compile("FUNC +GLOBAL +HIDDEN +\\d+ main\\$resume").matcher(sections.output()).find(),
                sections.output());
        assertTrue(Pattern.compile("OBJECT +GLOBAL +DEFAULT +\\d+ main\\$desc").matcher(sections.output()).find(),
                sections.output());

        Path main = dir.resolve("main.c");
        Files.writeString(main, AsyncElfLinkTest.MAIN_C);
        Path exe = dir.resolve("main");
        ElfLinkTest.Result cc = run(List.of("gcc", "-pie", "-fPIE", "-Wl,--fatal-warnings", "-o", exe.toString(),
                main.toString(), obj.toString(), "-I" + include, "-L" + lib.getParent(), "-lvexrt",
                "-Wl,-rpath," + lib.getParent()));
        assertEquals(0, cc.exit(), cc.output());
        ElfLinkTest.Result dyn = run(List.of("readelf", "-d", exe.toString()));
        assertFalse(dyn.output().contains("TEXTREL"), dyn.output());
        ElfLinkTest.Result r = run(List.of(exe.toString()));
        assertEquals(0, r.exit(), r.output());
        // the file's own run lines: %main(10) == [0, 580], %main(20) == [404, 0]
        assertEquals("main(10) 0 0 580\nmain(20) 0 404 0\n", r.output());
    }

    /** Whether the relocation section for .text lists an absolute 64-bit relocation. */
    private static boolean relaTextHasAbs64(String readelf) {
        int start = readelf.indexOf("Relocation section '.rela.text'");
        if (start < 0) {
            return false;
        }
        int end = readelf.indexOf("Relocation section", start + 10);
        return readelf.substring(start, end < 0 ? readelf.length() : end).contains("R_X86_64_64");
    }

    private static void compile(List<String> options) {
        List<String> args = new ArrayList<>(List.of("compile", "--target", "x64", "--emit", "obj"));
        args.addAll(options);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
    }

    /** The names of the symbols {@code obj} defines (readelf's symbol table, section index not UND). */
    private static List<String> definedSymbols(Path obj) throws Exception {
        ElfLinkTest.Result r = run(List.of("readelf", "-s", "-W", obj.toString()));
        assertEquals(0, r.exit(), r.output());
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s*\\d+: \\S+ +\\d+ +\\S+ +GLOBAL +\\S+ +(\\S+) +(\\S+)$").matcher(r.output());
        while (m.find()) {
            if (!m.group(1).equals("UND")) {
                names.add(m.group(2));
            }
        }
        return names;
    }
}
