package dev.vex.cli;

import dev.vex.backend.CompileOptions;
import dev.vex.backend.CompiledModule;
import dev.vex.backend.Target;
import dev.vex.code.elf.ElfObjectWriter;
import dev.vex.ir.Module;
import dev.vex.runtime.Vex;
import dev.vex.runtime.jit.Targets;
import dev.vex.text.ClifReader;
import dev.vex.text.ClifTestFile;
import dev.vex.text.FunctionEntry;
import dev.vex.text.ParseException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vex compile [--target T] [--emit obj|asm] [-o OUT] FILE}: compiles every function of a
 * CLIF file ahead of time. {@code obj} writes an ELF relocatable object that links with
 * libvexrt; {@code asm} prints the compiler's listing. Exit 0, or 2 on bad input.
 */
final class CompileCommand {
    private CompileCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        return run(args, out, Targets::named);
    }

    /** As {@link #run(List, PrintStream)}, with the compilers found by {@code targets} (tests pass their own). */
    static int run(List<String> args, PrintStream out, java.util.function.Function<String, Target> targets) {
        String target = Targets.hostName() != null ? Targets.hostName() : "x64";
        String emit = "obj";
        String output = null;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--target" -> target = value(args, ++i, a);
                case "--emit" -> emit = value(args, ++i, a);
                case "-o" -> output = value(args, ++i, a);
                default -> {
                    if (a.startsWith("--target=")) {
                        target = a.substring("--target=".length());
                    } else if (a.startsWith("--emit=")) {
                        emit = a.substring("--emit=".length());
                    } else if (a.startsWith("-")) {
                        throw new UsageException("unknown option '" + a + "' for 'vex compile'");
                    } else {
                        positional.add(a);
                    }
                }
            }
        }
        if (positional.size() != 1) {
            throw new UsageException("usage: vex compile [--target x64] [--emit obj|asm] [-o OUT] FILE");
        }
        if (!emit.equals("obj") && !emit.equals("asm")) {
            throw new UsageException("--emit takes obj or asm, not '" + emit + "'");
        }
        if (!EngineRegistry.KNOWN.contains(target) || target.equals("interp")) {
            throw new UsageException("unknown target '" + target + "' for 'vex compile' (x64 or aarch64)");
        }
        Path file = Path.of(positional.get(0));
        Module module = read(file);
        Target compiler = targets.apply(target);
        // verify, lower async functions (leaf frames from the runtime's descriptors), compile
        CompiledModule compiled = Vex.compileOnly(module, compiler,
                CompileOptions.DEFAULT.withListing(emit.equals("asm")));
        try {
            if (emit.equals("asm")) {
                String listing = compiled.listing();
                if (listing == null) {
                    throw new UsageException("the " + target + " compiler gave no listing");
                }
                if (output == null) {
                    out.print(listing.endsWith("\n") ? listing : listing + "\n");
                } else {
                    Files.writeString(Path.of(output), listing, StandardCharsets.UTF_8);
                }
            } else {
                Path dest = Path.of(output != null ? output : withSuffix(file, ".o"));
                Files.write(dest, ElfObjectWriter.forTarget(compiled.targetName()).write(compiled));
            }
        } catch (IOException e) {
            throw new UsageException("cannot write the output: " + e.getMessage());
        }
        return 0;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
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
}
