package dev.vex.runtime.cross;

import dev.vex.diag.VexException;
import dev.vex.exec.LoadedModule;
import dev.vex.exec.Outcome;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.ir.TrapCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A module compiled for another machine. The calls announced with {@link #expect} run together
 * on the first {@link #invoke}: one executable (harness + object + runtime), one run under the
 * emulator; if a call kills the process (a fault the runtime does not turn into a trap), that
 * call fails and the run goes on from the next one in a new process. A call that was not
 * announced runs on its own. A trap's function is reported as the called function: the harness
 * knows no more.
 */
final class CrossModule implements LoadedModule {
    private final Module module;
    private final CrossToolchain tools;
    private final byte[] object;
    private final Map<String, String> entryOf;
    private final Map<String, String> declined;
    private final Map<String, String> failed;
    private final List<String> expectedFunctions = new ArrayList<>();
    private final List<long[]> expectedArgs = new ArrayList<>();
    private Outcome[] outcomes;
    private int next;

    CrossModule(Module module, CrossToolchain tools, byte[] object, Map<String, String> entryOf,
            Map<String, String> declined, Map<String, String> failed) {
        this.module = module;
        this.tools = tools;
        this.object = object;
        this.entryOf = entryOf;
        this.declined = declined;
        this.failed = failed;
    }

    @Override
    public void expect(String function, long[] args) {
        if (entryOf.containsKey(function)) {
            expectedFunctions.add(function);
            expectedArgs.add(args.clone());
        }
    }

    @Override
    public String declined(String function) {
        return declined.get(function);
    }

    @Override
    public Outcome invoke(String function, long[] args) {
        Function fn = module.function(function);
        if (fn == null) {
            return new Outcome.Failed("no function %" + function);
        }
        if (!entryOf.containsKey(function)) {
            String why = failed.getOrDefault(function, declined.get(function));
            return new Outcome.Failed("cannot compile %" + function + ": " + why);
        }
        if (outcomes == null) {
            outcomes = run(expectedFunctions, expectedArgs);
        }
        if (next < outcomes.length && expectedFunctions.get(next).equals(function)
                && Arrays.equals(expectedArgs.get(next), args)) {
            return outcomes[next++];
        }
        return run(List.of(function), List.of(args))[0];
    }

    private Outcome[] run(List<String> functions, List<long[]> args) {
        int n = functions.size();
        Outcome[] out = new Outcome[n];
        if (n == 0) {
            return out;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("vex-cross-");
            List<HarnessSource.Call> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(new HarnessSource.Call(entryOf.get(functions.get(i)), args.get(i),
                        module.function(functions.get(i)).signature().returns().size()));
            }
            Path harness = dir.resolve("harness.c");
            Path obj = dir.resolve("module.o");
            Path exe = dir.resolve("harness");
            Files.writeString(harness, HarnessSource.of(calls), StandardCharsets.UTF_8);
            Files.write(obj, object);
            tools.link(harness, obj, exe);
            int from = 0;
            while (from < n) {
                CrossToolchain.Result r = tools.execute(exe, List.of(Integer.toString(from)));
                int started = -1;
                for (String line : r.output().split("\n")) {
                    String[] f = line.trim().split(" ");
                    if (f.length < 2) {
                        continue;
                    }
                    int i = Integer.parseInt(f[1]);
                    switch (f[0]) {
                        case "S" -> started = i;
                        case "T" -> out[i] = trapped(Integer.parseInt(f[2]), functions.get(i));
                        case "R" -> {
                            long[] v = new long[f.length - 2];
                            for (int k = 0; k < v.length; k++) {
                                v[k] = Long.parseUnsignedLong(f[2 + k], 16);
                            }
                            out[i] = new Outcome.Returned(v);
                        }
                        default -> { }
                    }
                }
                if (started >= 0 && started < n && out[started] == null) {
                    String err = readQuietly(dir.resolve("stderr.txt"));
                    out[started] = new Outcome.Failed(r.exit() == -1
                            ? "the harness took longer than " + CrossToolchain.TIMEOUT_SECONDS + " s under "
                                    + tools.emulator()
                            : "the harness died under " + tools.emulator() + " (exit " + r.exit() + ")"
                                    + (err.isBlank() ? "" : ": " + err.strip()));
                    from = started + 1;
                } else {
                    for (int i = from; i < n; i++) {
                        if (out[i] == null) {
                            out[i] = new Outcome.Failed("the harness gave no answer (exit " + r.exit() + ")");
                        }
                    }
                    from = n;
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (VexException e) {
            Arrays.fill(out, new Outcome.Failed(e.getMessage()));
            return out;
        } finally {
            deleteTree(dir);
        }
    }

    private static Outcome trapped(int code, String function) {
        TrapCode t = TrapCode.fromNumber(code);
        return t == null ? new Outcome.Failed("trap with unknown code " + code + " in %" + function)
                : new Outcome.Trapped(t, function);
    }

    private static String readQuietly(Path p) {
        try {
            String s = Files.readString(p, StandardCharsets.UTF_8);
            return s.length() > 400 ? s.substring(0, 400) + "..." : s;
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is no failure of the run.
        }
    }

    @Override
    public void close() {
    }
}
