package dev.vex.x64.disasm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.backend.CompileOptions;
import dev.vex.ir.Module;
import dev.vex.text.ClifReader;
import dev.vex.x64.X64Target;
import dev.vex.x64.X64CpuFeatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The listing's disassembler against GNU objdump on real compiler output: the code of the whole
 * conformance suite, compiled with and without optional features, decoded by both, instruction
 * by instruction. Runs when objdump is on the PATH.
 */
class DisassemblerVsObjdumpTest {
    private static final CompileOptions ALL = CompileOptions.DEFAULT.withCpu(X64CpuFeatures.all());

    @Test
    void decodesLikeObjdump() throws Exception {
        assumeTrue(objdumpAvailable(), "NOT RUN: objdump is not on the PATH");
        ByteArrayBuilder all = new ByteArrayBuilder();
        try (Stream<Path> s = Files.walk(Path.of(System.getProperty("vex.shared"), "conformance", "clif"))) {
            for (Path p : s.filter(x -> x.toString().endsWith(".clif")).sorted().toList()) {
                for (CompileOptions o : new CompileOptions[] {ALL, CompileOptions.AOT}) {
                    try {
                        Module m = ClifReader.readModule(Files.readString(p), p.toString());
                        all.add(new X64Target().compile(m, o).code());
                    } catch (RuntimeException e) {
                        // files that do not read or compile as a whole are left out
                    }
                }
            }
        }
        byte[] code = all.bytes();
        Path bin = Files.createTempFile("vex-disasm", ".bin");
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        try {
            Files.write(bin, code);
            Process proc = new ProcessBuilder("objdump", "-D", "-b", "binary", "-m", "i386:x86-64", "-M", "intel",
                    "-w", bin.toString()).redirectErrorStream(true).start();
            String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            proc.waitFor();
            for (String line : out.split("\n")) {
                String[] parts = line.split("\t");
                if (parts.length < 3 || !parts[0].trim().endsWith(":")) {
                    continue;
                }
                int at = Integer.parseInt(parts[0].trim().replace(":", ""), 16);
                String theirs = normalize(parts[2]);
                StringBuilder ours = new StringBuilder();
                X64Disassembler.decode(code, at, ours);
                compared++;
                if (!normalize(ours.toString()).equals(theirs) && mismatches.size() < 40) {
                    mismatches.add(String.format("%x: %s | objdump: %s | ours: %s", at, parts[1].trim(), theirs,
                            normalize(ours.toString())));
                }
            }
        } finally {
            Files.deleteIfExists(bin);
        }
        System.out.println("x64 disassembler vs objdump: " + compared + " instructions, " + mismatches.size()
                + " differences");
        assertTrue(compared > 10000, "too few instructions compared: " + compared);
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }

    static String normalize(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        int hash = t.indexOf('#');
        if (hash >= 0) {
            t = t.substring(0, hash);
        }
        t = t.replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").trim().replace(", ", ",").replace(" ,", ",");
        return t;
    }

    private static boolean objdumpAvailable() {
        try {
            return new ProcessBuilder("objdump", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static final class ByteArrayBuilder {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        void add(byte[] b) {
            out.writeBytes(b);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
