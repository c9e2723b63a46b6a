package dev.vex.cli;

import dev.vex.diag.VexException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the {@code vex} tool. Each command reports bad input as one line on standard
 * error with exit code 2. Whatever else escapes a command (a bug, or an {@link Error} such as
 * running out of memory or stack) is reported as one {@code vex: internal error: ...} line, also
 * with exit code 2; {@code -Dvex.stackTrace=true} adds the stack trace.
 */
public final class Main {
    /** Stack of the thread the tool runs on. */
    static final long TOOL_STACK_BYTES = 512L << 20;

    private Main() {
    }

    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            System.err.println("vex: internal error in thread '" + thread.getName() + "': " + InternalErrorReport.describe(e));
            InternalErrorReport.traceIfAsked(e, System.err);
        });
        // A thread with a deep stack: the reader, verifier and compiler recurse on some shapes
        // of input (nested merges, say); the stack is reserved, and touched only as deep as used.
        int[] code = {2};
        Thread tool = new Thread(null, () -> code[0] = run(args, System.out, System.err), "vex", TOOL_STACK_BYTES);
        tool.start();
        while (true) {
            try {
                tool.join();
                break;
            } catch (InterruptedException e) {
                // keep waiting: the tool thread decides when it is done
            }
        }
        System.exit(code[0]);
    }

    /**
     * Runs the tool and returns its exit code: 0 success, 1 a failed check or run, 2 bad input or
     * an internal error.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(HelpText.overview());
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            if (HelpText.of(args[0]) != null && OptionSpecs.of(args[0]).parse(rest).help()) {
                out.print(HelpText.of(args[0])); // before anything is built or loaded
                return 0;
            }
            return switch (args[0]) {
                case "test" -> TestCommand.run(rest, out, new EngineRegistry());
                case "run" -> RunCommand.run(rest, out, new EngineRegistry());
                case "compile" -> CompileCommand.run(rest, out);
                case "bench" -> BenchCommand.run(rest, out, err);
                case "runtime" -> RuntimeCommand.run(rest, out);
                case "help", "-h", "--help" -> {
                    out.print(HelpText.overview());
                    yield 0;
                }
                case "--version" -> {
                    out.print(HelpText.version());
                    yield 0;
                }
                default -> throw new UsageException("unknown command '" + args[0] + "'; try 'vex help'");
            };
        } catch (VexException e) {
            err.println("vex: " + e.getMessage());
            return 2;
        } catch (StackOverflowError | OutOfMemoryError e) {
            err.println("vex: internal error: " + InternalErrorReport.describe(e) + " (the input is too big or too deep for"
                    + " this JVM; a larger -Xss or -Xmx may help)");
            InternalErrorReport.traceIfAsked(e, err);
            return 2;
        } catch (Throwable e) {
            // Anything else that escapes is a bug in Vex: one line, never a stack trace.
            err.println("vex: internal error: " + InternalErrorReport.describe(e));
            InternalErrorReport.traceIfAsked(e, err);
            return 2;
        } finally {
            out.flush();
        }
    }
}
