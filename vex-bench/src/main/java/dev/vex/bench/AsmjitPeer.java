package dev.vex.bench;

import dev.vex.ir.Module;
import dev.vex.text.ClifReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * asmjit, the peer of the compile figures: {@code asmjit_peer.cpp} built with g++ against Debian's
 * libasmjit-dev when it is installed, then run as a child process (the library is static and not
 * position-independent, so JMH cannot call it in-process). Its {@code x86::Compiler} compiles
 * {@link LargeFunctions}' very program ({@link AsmjitProgram}) and its {@code x86::Assembler}
 * encodes {@link X64AssemblerBenchmark}'s mix; each mode warms up, then reports one rate per
 * iteration, of which this takes the median, as the JMH figures do.
 */
final class AsmjitPeer {
    static final String RESOURCE = "asmjit_peer.cpp";
    private static final Path HEADER = Path.of("/usr/include/asmjit/x86.h");

    private final Path executable;

    private AsmjitPeer(Path executable) {
        this.executable = executable;
    }

    /** The peer, or null with the reason on stderr when asmjit or g++ is missing or the build fails. */
    static AsmjitPeer build() {
        if (!Files.exists(HEADER)) {
            System.err.println("asmjit peer: libasmjit-dev is not installed (" + HEADER + "); the asmjit figures are skipped");
            return null;
        }
        try {
            Path dir = Files.createTempDirectory("vex-asmjit-peer");
            Path src = dir.resolve(RESOURCE);
            try (InputStream in = AsmjitPeer.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IOException("no resource " + RESOURCE);
                }
                Files.copy(in, src);
            }
            Path exe = dir.resolve("asmjit_peer");
            Result r = exec(List.of("g++", "-O2", "-std=c++17", "-o", exe.toString(), src.toString(), "-lasmjit",
                    "-lpthread", "-lrt"), 300);
            if (r.exit != 0) {
                System.err.println("asmjit peer: g++ failed: " + r.output);
                return null;
            }
            return new AsmjitPeer(exe);
        } catch (IOException e) {
            System.err.println("asmjit peer: not built (" + e.getMessage() + ")");
            return null;
        }
    }

    /** A module's program as the peer reads it: {@link AsmjitProgram}'s numbers in a text file. */
    static Path programFile(Module module) throws IOException {
        Path p = Files.createTempFile("vex-asmjit-program", ".txt");
        Files.writeString(p, Arrays.stream(AsmjitProgram.encode(module)).mapToObj(Integer::toString)
                .collect(Collectors.joining(" ")));
        return p;
    }

    /** Median IR instructions per second of x86::Compiler on {@link LargeFunctions}' workload. */
    double compilerRate(int functions, int body, double seconds, int iterations) throws IOException {
        Path program = programFile(ClifReader.readModule(LargeFunctions.module(functions, body), "large.clif"));
        return median(run(List.of("compiler", program.toString(), fmt(seconds), Integer.toString(iterations)), seconds, iterations));
    }

    /** Median machine instructions per second of x86::Assembler on the assembler benchmark's mix. */
    double assemblerRate(double seconds, int iterations) throws IOException {
        return median(run(List.of("assembler", fmt(seconds), Integer.toString(iterations)), seconds, iterations));
    }

    /** What function {@code index} of {@code program}, compiled by asmjit, returns for (a, b). */
    long call(Path program, int index, long a, long b) throws IOException {
        Result r = exec(List.of(executable.toString(), "run", program.toString(), Integer.toString(index),
                Long.toString(a), Long.toString(b)), 60);
        if (r.exit != 0) {
            throw new IOException("asmjit_peer run failed (" + r.exit + "): " + r.output);
        }
        return Long.parseLong(r.output.strip());
    }

    private List<Double> run(List<String> args, double seconds, int iterations) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable.toString());
        cmd.addAll(args);
        Result r = exec(cmd, (long) Math.ceil(seconds * (iterations + 1)) + 60);
        if (r.exit != 0) {
            throw new IOException("asmjit_peer " + args.get(0) + " failed (" + r.exit + "): " + r.output);
        }
        List<Double> rates = new ArrayList<>();
        for (String line : r.output.strip().split("\n")) {
            rates.add(Double.parseDouble(line.strip()));
        }
        if (rates.size() != iterations) {
            throw new IOException("asmjit_peer printed " + rates.size() + " rates, not " + iterations + ": " + r.output);
        }
        return rates;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String fmt(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    private record Result(int exit, String output) {
    }

    private static Result exec(List<String> cmd, long timeoutSeconds) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out: " + out);
            }
            return new Result(p.exitValue(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Result(-1, "interrupted");
        }
    }
}
