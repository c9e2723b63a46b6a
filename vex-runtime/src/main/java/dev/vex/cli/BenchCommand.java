package dev.vex.cli;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * {@code vex bench [--quick]}: the benchmark suite. It lives in the vex-bench module, which
 * depends on this one, so it is found by name on the class path: the {@code vex} launcher builds
 * vex-bench and adds its classes and jars (JMH, ASM) for this command only.
 */
final class BenchCommand {
    static final String MAIN = "dev.vex.bench.BenchMain";

    private BenchCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Method run;
        try {
            run = Class.forName(MAIN).getMethod("run", String[].class, PrintStream.class, PrintStream.class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new UsageException("the benchmarks are not on the class path (" + MAIN
                    + "); run 'vex bench' through the ./vex launcher, which builds vex-bench");
        }
        try {
            return (Integer) run.invoke(null, args.toArray(String[]::new), out, err);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error x) throw x;
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
