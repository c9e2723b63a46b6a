package dev.vex.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** Entry point of the {@code vex} tool: dispatches to one command per sub-command name. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool and returns its exit code: 0 success, 1 a failed test or run, 2 bad input. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            default -> {
                err.println("vex: unknown command '" + args[0] + "'\n" + USAGE);
                return 2;
            }
        }
    }

    static final String USAGE = """
            usage: vex <command> [options]
              test [--target interp|x64|aarch64|all] PATH...   run CLIF run tests
              run [--target interp|x64] FILE [%fn(args)]      run one function and print its results
            """;
}
