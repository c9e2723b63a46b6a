package dev.vex.cli;

/** The options of every subcommand, in one place (their help is in {@link HelpText}). */
final class OptionSpecs {
    static final OptionSpec TEST = new OptionSpec("test").value("--target", null, "T").flag("--verbose", "-v")
            .flag("--nan-canonicalization", null).flag("--no-preemption", null);
    static final OptionSpec RUN = new OptionSpec("run").value("--target", null, "T").value("--workers", null, "N")
            .flag("--nan-canonicalization", null).flag("--no-preemption", null).dashPositionalsAfterFirst();
    static final OptionSpec COMPILE = new OptionSpec("compile").value("--target", null, "T")
            .value("--cpu", null, "CPU").value("--emit", null, "STAGE").value("-o", null, "OUT")
            .flag("--nan-canonicalization", null).flag("--no-preemption", null).value("--prefix", null, "P")
            .flag("--no-runtime", null).value(FutureFramesOption.NAME, null, "LIST");
    static final OptionSpec RUNTIME = new OptionSpec("runtime").value("--arch", null, "A")
            .value("--extract", null, "DIR").flag("--cflags", null).flag("--libs", null).flag("--static", null);
    static final OptionSpec BENCH = new OptionSpec("bench").flag("--quick", null).value("--only", null, "PART")
            .value("--peer-java", null, "JAVA")
            .value("--conformance", null, "DIR");

    private OptionSpecs() {
    }

    /** The options of {@code command}. */
    static OptionSpec of(String command) {
        return switch (command) {
            case "test" -> TEST;
            case "run" -> RUN;
            case "compile" -> COMPILE;
            case "bench" -> BENCH;
            case "runtime" -> RUNTIME;
            default -> throw new UsageException("unknown command '" + command + "'; try 'vex help'");
        };
    }
}
