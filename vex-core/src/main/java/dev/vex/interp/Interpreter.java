package dev.vex.interp;

import dev.vex.exec.Outcome;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.ir.Type;
import java.util.Objects;

/**
 * The reference interpreter: runs a function of a verified {@link Module} and reports its
 * {@link Outcome}, the oracle native results are compared against bit for bit.
 *
 * <p>Every run is independent: a fresh address space ({@link Memory}), a fresh deterministic
 * {@link Scheduler} with virtual time starting at 0, and the function as its root task. A sync
 * function simply runs to its end (it may still spawn tasks); an async one is blocked on. The
 * run ends when the root task returns: tasks still queued or blocked are abandoned, as a
 * native {@code block_on} would leave them, and the sockets of the run are closed.
 *
 * <p>Outcomes:
 * <ul>
 *   <li>{@code Returned}: the root's results, canonical bit patterns;</li>
 *   <li>{@code Trapped}: the first trap in any task, spawned ones included, ends the whole run;
 *       it names the function whose instruction trapped (for {@code stk_ovf}, the caller);</li>
 *   <li>{@code Failed}: a deadlock (the root blocked, nothing runnable, no timer, no socket
 *       wait), a socket wait longer than the options' I/O wait limit, the step
 *       limit, a call to an undefined function, a bad task or channel handle, an unsupported
 *       construct, an unknown function or wrong argument count given to {@link #run}.</li>
 * </ul>
 * Nothing else escapes: a failure inside the interpreter also becomes {@code Failed}.
 *
 * <p>Decoded functions are kept between runs. Not thread-safe: use one interpreter per thread.
 */
public final class Interpreter {
    private final Module module;
    private final InterpreterOptions options;
    private final Program program;

    /** An interpreter of {@code module} with the default options. */
    public Interpreter(Module module) {
        this(module, InterpreterOptions.DEFAULTS);
    }

    /** An interpreter of {@code module} with {@code options}. */
    public Interpreter(Module module, InterpreterOptions options) {
        this.module = Objects.requireNonNull(module, "module");
        this.options = Objects.requireNonNull(options, "options");
        this.program = new Program(module, options.bigEndianDefault());
    }

    /** The options it runs with. */
    public InterpreterOptions options() {
        return options;
    }

    /**
     * Runs a sync function, or blocks on an async one as the root task of a fresh deterministic
     * scheduler. {@code args} are bit patterns; each is cut to its parameter's type.
     *
     * @throws NullPointerException if {@code functionName} or {@code args} is null
     */
    public Outcome run(String functionName, long[] args) {
        return runWithReport(functionName, args).outcome();
    }

    /** {@link #run}, with the instructions executed and the final virtual time. */
    public RunReport runWithReport(String functionName, long[] args) {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(args, "args");
        Function fn = module.function(functionName);
        if (fn == null) {
            return new RunReport(new Outcome.Failed("no function %" + functionName + " in the module"), 0, 0);
        }
        int wanted = Canonical.longs(fn.signature().params());
        if (args.length != wanted) {
            return new RunReport(new Outcome.Failed("%" + functionName + " takes " + wanted + " arguments, not "
                    + args.length), 0, 0);
        }
        Memory memory = new Memory();
        Scheduler scheduler = new Scheduler(memory);
        Builtins builtins = new Builtins(scheduler, memory);
        scheduler.ioWaitLimit(options.ioWaitLimitMillis());
        Executor executor = new Executor(program, memory, scheduler, builtins, options);
        Outcome outcome;
        try (builtins) {
            outcome = runRoot(fn, args, scheduler, executor);
        } catch (Trap t) {
            outcome = new Outcome.Trapped(t.code(), executor.trapFunction());
        } catch (InterpreterFailure f) {
            outcome = new Outcome.Failed(f.getMessage());
        } catch (RuntimeException e) {
            outcome = new Outcome.Failed("interpreter error in %" + functionName + ": " + e);
        }
        return new RunReport(outcome, executor.steps(), scheduler.now());
    }

    private Outcome runRoot(Function fn, long[] args, Scheduler scheduler, Executor executor) {
        long[] canonical = Canonical.arguments(fn.signature().params(), args);
        DecodedFunction decoded = program.function(program.indexOf(fn.name()));
        Task root = scheduler.newTask(fn.name(), Memory.ROOT_STACK_WINDOWS);
        executor.start(root, decoded, canonical);
        while (root.state != TaskState.DONE) {
            Task next = scheduler.next();
            if (next == null) {
                if (root.state == TaskState.DONE) {
                    break; // the pick found the root cancelled and nothing else to run
                }
                return new Outcome.Failed("deadlock: the root task %" + fn.name() + " is blocked in "
                        + root.blockedOn + "; " + scheduler.blockedCount()
                        + " task(s) blocked, none runnable, no timer pending");
            }
            executor.run(next);
        }
        if (root.cancelled) {
            return new Outcome.Failed("the root task %" + fn.name() + " was cancelled");
        }
        return new Outcome.Returned(root.results);
    }
}
