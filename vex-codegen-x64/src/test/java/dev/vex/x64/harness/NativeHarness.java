package dev.vex.x64.harness;

import dev.vex.backend.CompiledFunction;
import dev.vex.backend.CompiledModule;
import dev.vex.code.FixupFormat;
import dev.vex.code.Relocation;
import dev.vex.code.SymbolDefinition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs compiled modules natively, for tests: a small C driver (compiled once with gcc) maps the
 * code, links {@code vex_trap}, {@code vex_stack_limit}, libm's {@code fma}/{@code fmaf} and the named
 * libcalls' C symbols ({@code ceilf}, {@code memcpy}, ...; pc-relative and absolute), and
 * makes a batch of array-entry calls in one process.
 */
public final class NativeHarness {
    /** One call of a function's array entry. */
    public record Call(String function, long[] args, int results) {}

    private static Path driver;

    private NativeHarness() {}

    /** Whether gcc is here to build the driver. */
    public static boolean available() {
        try {
            driver();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static synchronized Path driver() {
        if (driver != null) {
            return driver;
        }
        try {
            Path dir = Path.of("target", "native-harness");
            Files.createDirectories(dir);
            Path src = dir.resolve("driver.c");
            try (InputStream in = NativeHarness.class.getResourceAsStream("/native-harness/driver.c")) {
                Files.write(src, in.readAllBytes());
            }
            Path exe = dir.resolve("driver");
            Process p = new ProcessBuilder("gcc", "-O1", "-o", exe.toString(), src.toString(), "-lm")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("gcc failed: " + out);
            }
            driver = exe.toAbsolutePath();
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs the calls; one {@link NativeOutcome} per call (the rest {@code crashed} if the process died). */
    public static List<NativeOutcome> run(CompiledModule module, List<Call> calls) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        putInt(out, module.code().length);
        out.writeBytes(module.code());
        putInt(out, module.relocations().size());
        for (Relocation r : module.relocations()) {
            putInt(out, r.offset());
            putInt(out, r.format() == FixupFormat.TLS_IE_PC_REL32 ? 1 : r.format() == FixupFormat.ABS64 ? 2 : 0);
            putLong(out, r.addend());
            byte[] name = r.symbol().getBytes(StandardCharsets.UTF_8);
            putInt(out, name.length);
            out.writeBytes(name);
        }
        putInt(out, calls.size());
        for (Call c : calls) {
            CompiledFunction f = module.function(c.function());
            putInt(out, symbolOffset(module, f.arrayEntrySymbol()));
            putInt(out, c.args().length);
            for (long a : c.args()) {
                putLong(out, a);
            }
            putInt(out, c.results());
        }
        try {
            Path input = Files.createTempFile("vex-native", ".bin");
            try {
                Files.write(input, out.toByteArray());
                Process p = new ProcessBuilder(driver().toString(), input.toString()).redirectErrorStream(false)
                        .start();
                p.getOutputStream().close();
                byte[] stdout = p.getInputStream().readAllBytes();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
                List<NativeOutcome> outcomes = new ArrayList<>();
                for (String line : new String(stdout, StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isEmpty()) {
                        outcomes.add(NativeOutcome.parse(line));
                    }
                }
                while (outcomes.size() < calls.size()) {
                    outcomes.add(NativeOutcome.crashed());
                }
                return outcomes;
            } finally {
                Files.deleteIfExists(input);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int symbolOffset(CompiledModule m, String name) {
        for (SymbolDefinition s : m.symbols()) {
            if (s.name().equals(name)) {
                return s.offset();
            }
        }
        throw new IllegalArgumentException("no symbol " + name);
    }

    private static void putInt(ByteArrayOutputStream out, int v) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
    }

    private static void putLong(ByteArrayOutputStream out, long v) {
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
    }
}
