package dev.vex.interp;

import dev.vex.exec.Engine;
import dev.vex.exec.LoadedModule;
import dev.vex.exec.Outcome;
import dev.vex.ir.Module;
import java.util.List;

/** The reference interpreter as an {@link Engine}: it runs every file, whatever its targets. */
public final class InterpreterEngine implements Engine {
    private final InterpreterOptions options;

    /** An engine with the default options. */
    public InterpreterEngine() {
        this(InterpreterOptions.DEFAULTS);
    }

    /** An engine with {@code options}. */
    public InterpreterEngine(InterpreterOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "interp";
    }

    @Override
    public String skipReason(List<String> targetIsas) {
        return null;
    }

    @Override
    public LoadedModule load(Module module) {
        Interpreter interpreter = new Interpreter(module, options);
        return new LoadedModule() {
            @Override
            public Outcome invoke(String function, long[] args) {
                return interpreter.run(function, args);
            }

            @Override
            public void close() {
            }
        };
    }
}
