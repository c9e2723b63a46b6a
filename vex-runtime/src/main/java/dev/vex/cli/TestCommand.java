package dev.vex.cli;

import dev.vex.backend.CompileOptions;
import dev.vex.exec.Engine;
import dev.vex.filetest.FileTestRunner;
import dev.vex.filetest.TestReport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vex test [--target T] [-v] PATH...}: runs CLIF run tests and prints one line per
 * failure, then {@code N passed, N failed, N skipped}. Exit 0 if nothing failed, 1 if a check
 * failed, 2 if some input did not read or verify.
 */
final class TestCommand {
    private TestCommand() {
    }

    static int run(List<String> args, PrintStream out, EngineRegistry registry) {
        ParsedArgs parsed = OptionSpecs.TEST.parse(args);
        String target = parsed.value("--target", "interp");
        boolean verbose = parsed.has("--verbose");
        List<Path> paths = new ArrayList<>();
        for (String a : parsed.positional()) {
            Path p = Path.of(a);
            if (!Files.exists(p)) {
                throw new UsageException(a + ": no such file or folder");
            }
            paths.add(p);
        }
        if (paths.isEmpty()) {
            throw new UsageException("'vex test' needs at least one file or folder");
        }
        List<Engine> engines = registry.select(target, EngineRegistry.DEFAULT_WORKERS,
                CompileOptions.DEFAULT.withNanCanonicalization(parsed.has("--nan-canonicalization"))
                        .withPreemption(!parsed.has("--no-preemption")));
        TestReport report = new TestReport(out, verbose);
        new FileTestRunner(engines, report).runPaths(paths);
        out.println(report.summary());
        if (report.sawMalformedInput()) {
            return 2;
        }
        return report.failed() > 0 ? 1 : 0;
    }
}
