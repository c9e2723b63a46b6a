package dev.vex.cli;

import dev.vex.backend.CompileOptions;
import dev.vex.exec.Engine;
import dev.vex.exec.LoadedModule;
import dev.vex.exec.Outcome;
import dev.vex.ir.AbiParam;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.ir.Type;
import dev.vex.text.ClifReader;
import dev.vex.text.ClifTestFile;
import dev.vex.text.FunctionEntry;
import dev.vex.text.ParseException;
import dev.vex.text.RunLine;
import dev.vex.text.TargetHeader;
import dev.vex.text.ValueFormat;
import dev.vex.verify.Verifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vex run [--target T] [--workers N] FILE [%fn(args)]}: runs one function, sync or async,
 * natively on this machine unless {@code --target} says otherwise (the interpreter where there is
 * no native target; an async function natively on a runtime of {@code N} workers), and prints its
 * results as a run line ({@code %f(1, 2) == [3, 4]}). Without a call, it runs the call of every
 * {@code ; run:} line of the file and says whether each matched. Exit 0, 1 if a call trapped or
 * did not match its line, 2 on bad input.
 */
final class RunCommand {
    private RunCommand() {
    }

    static int run(List<String> args, PrintStream out, EngineRegistry registry) {
        ParsedArgs parsed = OptionSpecs.RUN.parse(args);
        String target = parsed.value("--target", "host");
        int workers = parsed.intValue("--workers", 1, EngineRegistry.DEFAULT_WORKERS);
        List<String> positional = parsed.positional();
        if (positional.isEmpty() || positional.size() > 2) {
            throw new UsageException("usage: vex run [--target T] [--workers N] [--nan-canonicalization] [--no-preemption] FILE [%fn(args)]");
        }
        if (target.equals("all")) {
            throw new UsageException("'vex run' runs on one target; pick interp, x64 or aarch64");
        }
        Engine engine = registry.select(target, workers,
                CompileOptions.DEFAULT.withNanCanonicalization(parsed.has("--nan-canonicalization"))
                        .withPreemption(!parsed.has("--no-preemption"))).get(0);
        Path file = Path.of(positional.get(0));
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage());
        }
        ClifTestFile tf = ClifReader.readTestFile(text, file.toString());
        Module module = readableModule(tf);
        Verifier.check(module);
        refuseOtherTargets(tf, engine, file);

        // Each call with the function it runs: a run line runs the function it follows, as in
        // 'vex test'; a call on the command line runs the function it names.
        List<RunLine> calls = new ArrayList<>();
        List<Function> callees = new ArrayList<>();
        if (positional.size() == 2) {
            RunLine call = ClifReader.readInvocation(positional.get(1), "<command line>", module);
            if (!call.isValid()) {
                throw call.error();
            }
            calls.add(call);
            callees.add(module.function(call.functionName()));
        } else {
            for (FunctionEntry f : tf.functions()) {
                for (RunLine call : f.runs()) {
                    calls.add(call);
                    callees.add(f.function());
                }
            }
            if (calls.isEmpty()) {
                throw new UsageException(file + " has no '; run:' lines; name a call, like: vex run "
                        + file + " '%f(1, 2)'");
            }
        }
        int status = 0;
        try (LoadedModule loaded = engine.load(module)) {
            for (int i = 0; i < calls.size(); i++) {
                RunLine call = calls.get(i);
                if (!call.isValid()) {
                    throw call.error();
                }
                status = Math.max(status, runOne(loaded, callees.get(i), call, positional.size() == 1, out));
            }
        }
        return status;
    }

    /**
     * A file whose {@code target} lines leave out the engine's ISA is not run there (it may
     * assume a pointer width or a calling convention that ISA lacks); a file with no target
     * line runs anywhere.
     */
    private static void refuseOtherTargets(ClifTestFile tf, Engine engine, Path file) {
        List<String> isas = tf.targets().stream().map(TargetHeader::isa).distinct().toList();
        String reason = isas.isEmpty() ? null : engine.skipReason(isas);
        if (reason != null) {
            throw new UsageException(file + ": cannot run on " + engine.name() + ": " + reason
                    + " (--target interp runs any file)");
        }
    }

    /** Every function must read: a file `vex run` runs is a program, not a test of bad input. */
    private static Module readableModule(ClifTestFile tf) {
        for (ParseException e : tf.fileErrors()) {
            throw e;
        }
        for (FunctionEntry f : tf.functions()) {
            if (f.error() != null) {
                throw f.error();
            }
        }
        return tf.module();
    }

    private static int runOne(LoadedModule loaded, Function fn, RunLine call, boolean checkExpected, PrintStream out) {
        long[] argv = call.args().stream().mapToLong(Long::longValue).toArray();
        StringBuilder line = new StringBuilder("%").append(fn.name()).append('(');
        for (int i = 0; i < argv.length; i++) {
            line.append(i == 0 ? "" : ", ").append(ValueFormat.of(fn.signature().paramType(i), argv[i]));
        }
        line.append(')');
        Outcome outcome = loaded.invoke(fn.name(), argv);
        if (outcome instanceof Outcome.Trapped t) {
            out.println(line + " trapped: " + t.code() + " in %" + t.function());
            return 1;
        }
        if (outcome instanceof Outcome.Failed f) {
            out.println(line + " failed: " + f.reason());
            return 1;
        }
        long[] results = ((Outcome.Returned) outcome).values();
        List<Type> types = fn.signature().returns().stream().map(AbiParam::type).toList();
        line.append(" == ").append(ValueFormat.list(types, results));
        boolean mismatch = checkExpected && call.comparison() == RunLine.Comparison.EQUALS
                && !java.util.Arrays.equals(results, call.expected().stream().mapToLong(Long::longValue).toArray());
        if (mismatch) {
            line.append("   (the file expects ").append(ValueFormat.list(types,
                    call.expected().stream().mapToLong(Long::longValue).toArray())).append(')');
        }
        out.println(line);
        return mismatch ? 1 : 0;
    }
}
