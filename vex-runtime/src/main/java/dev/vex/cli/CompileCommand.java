package dev.vex.cli;

import dev.vex.async.FrameSizes;
import dev.vex.backend.CompileOptions;
import dev.vex.backend.CompiledModule;
import dev.vex.backend.CpuFeatureSet;
import dev.vex.code.elf.ElfObjectOptions;
import dev.vex.code.elf.ElfObjectWriter;
import dev.vex.compile.CompileDriver;
import dev.vex.compile.CompileListener;
import dev.vex.compile.StagePrinter;
import dev.vex.compile.Target;
import dev.vex.ir.Module;
import dev.vex.text.ClifPrinter;
import dev.vex.text.ClifReader;
import dev.vex.text.ClifTestFile;
import dev.vex.text.FunctionEntry;
import dev.vex.text.ParseException;
import dev.vex.verify.Verifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code vex compile [--target T] [--cpu CPU] [--emit STAGE] [--nan-canonicalization] [--future-frames LIST]
 * [-o OUT] FILE}: compiles every
 * function of a CLIF file ahead of time through vex-core's {@link CompileDriver}. {@code obj}
 * writes an ELF relocatable object that links with libvexrt; every other stage prints its text
 * ({@code ir}, {@code lowered}, {@code vcode}, {@code regalloc}, {@code asm}). The CPU features
 * default to the target's baseline, so the bytes do not depend on the machine that compiles.
 * Exit 0, or 2 on bad input.
 */
final class CompileCommand {
    /** The stages {@code --emit} takes, in pipeline order. */
    static final List<String> STAGES = List.of("ir", "lowered", "vcode", "regalloc", "asm", "obj");

    private CompileCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        return run(args, out, new EngineRegistry()::find);
    }

    /** As {@link #run(List, PrintStream)}, with the compilers found by {@code targets} (tests pass their own). */
    static int run(List<String> args, PrintStream out, java.util.function.Function<String, Target> targets) {
        ParsedArgs parsed = OptionSpecs.COMPILE.parse(args);
        String host = EngineRegistry.hostTarget();
        String target = parsed.value("--target", host != null ? host : "x64");
        String emit = parsed.value("--emit", "obj");
        String output = parsed.value("-o", null);
        List<String> positional = parsed.positional();
        if (positional.size() != 1) {
            throw new UsageException("usage: vex compile [--target T] [--cpu CPU] [--emit STAGE] [--nan-canonicalization]"
                    + " [--no-preemption] [--prefix P] [--no-runtime] [--future-frames LIST] [-o OUT] FILE");
        }
        if (!STAGES.contains(emit)) {
            throw new UsageException("--emit takes " + String.join(", ", STAGES) + ", not '" + emit + "'");
        }
        if (!emit.equals("obj") && (parsed.value("--prefix", null) != null || parsed.has("--no-runtime"))) {
            throw new UsageException("--prefix and --no-runtime apply to --emit obj only");
        }
        CpuFeatureSet cpu;
        try {
            cpu = CpuFeatureSet.parse(parsed.value("--cpu", "baseline"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (target.equals("interp") || (!EngineRegistry.KNOWN.contains(target) && targets.apply(target) == null)) {
            throw new UsageException("unknown target '" + target + "' for 'vex compile' (x64 or aarch64)");
        }
        Target compiler = targets.apply(target);
        if (compiler == null) {
            throw new UsageException("target '" + target + "' is not available in this build of Vex yet");
        }
        Path file = Path.of(positional.get(0));
        FrameSizes futures = FutureFramesOption.parse(parsed.value(FutureFramesOption.NAME, null));
        Module module = read(file);
        CompileOptions options = CompileOptions.AOT.withCpu(cpu).withListing(emit.equals("asm"))
                .withNanCanonicalization(parsed.has("--nan-canonicalization"))
                .withPreemption(!parsed.has("--no-preemption"));
        String text;
        if (emit.equals("ir")) {
            Verifier.check(module);
            text = ClifPrinter.print(module);
        } else if (emit.equals("lowered") || emit.equals("vcode") || emit.equals("regalloc")) {
            StagePrinter printer = new StagePrinter(StagePrinter.Stage.valueOf(emit.toUpperCase(Locale.ROOT)),
                    compiler.machineSpec());
            CompileDriver.codegen(compiler, CompileDriver.lower(module, options, futures, printer), options, printer);
            text = printer.text();
        } else {
            CompiledModule compiled = compiler.compile(CompileDriver.lower(module, options, futures, CompileListener.NONE), options);
            if (emit.equals("obj")) {
                write(Path.of(output != null ? output : withSuffix(file, ".o")),
                        new ElfObjectWriter(compiler.elfMachine(), objectOptions(parsed)).write(compiled));
                return 0;
            }
            text = compiled.listing();
        }
        if (output == null) {
            out.print(text.endsWith("\n") ? text : text + "\n");
        } else {
            write(Path.of(output), text.getBytes(StandardCharsets.UTF_8));
        }
        return 0;
    }

    private static void write(Path dest, byte[] bytes) {
        try {
            Files.write(dest, bytes);
        } catch (IOException e) {
            throw new UsageException("cannot write the output: " + e.getMessage());
        }
    }

    private static String withSuffix(Path file, String suffix) {
        String name = file.toString();
        return (name.endsWith(".clif") ? name.substring(0, name.length() - 5) : name) + suffix;
    }

    private static Module read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage());
        }
        ClifTestFile tf = ClifReader.readTestFile(text, file.toString());
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

    /** How the object names its symbols: {@code --prefix P}, {@code --no-runtime}. */
    private static ElfObjectOptions objectOptions(ParsedArgs parsed) {
        String prefix = parsed.value("--prefix", "");
        if (!prefix.matches("[A-Za-z_][A-Za-z0-9_]*|")) {
            throw new UsageException("--prefix takes a C identifier, not '" + prefix + "'");
        }
        ElfObjectOptions o = ElfObjectOptions.DEFAULT.withPrefix(prefix);
        return parsed.has("--no-runtime") ? o.withoutRuntime() : o;
    }
}
