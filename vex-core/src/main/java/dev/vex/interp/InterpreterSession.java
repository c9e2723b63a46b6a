package dev.vex.interp;

import dev.vex.exec.Outcome;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.ir.Type;
import java.util.Map;
import java.util.Objects;

/**
 * One address space kept across many calls of sync functions, with host functions: the hook that
 * lets a test drive code that follows a native ABI (the async lowering's resume functions) the
 * way a native runtime would, polling them against frames in memory that outlives each call.
 *
 * <p>Unlike {@link Interpreter#run}, nothing is fresh per call: the heap ({@link #alloc}), the
 * function tokens of {@code func_addr} and the step count (the step limit applies to the whole
 * session) carry over. Each {@link #call} runs one sync function to its end as a new root task
 * with a 1 MiB stack. Callee names resolve to a module function, else a host function, else a
 * runtime builtin. Not thread-safe, and host functions must not call back into the session's
 * {@link #call}.
 */
public final class InterpreterSession {
    private final Module module;
    private final Program program;
    private final Memory memory = new Memory();
    private final Scheduler scheduler = new Scheduler(memory);
    private final Executor executor;
    private boolean calling;

    /** A session over {@code module}, with host functions by name for the callees it does not define. */
    public InterpreterSession(Module module, InterpreterOptions options, Map<String, HostFunction> hosts) {
        this.module = Objects.requireNonNull(module, "module");
        this.program = new Program(module, options.bigEndianDefault(), Objects.requireNonNull(hosts, "hosts"));
        this.executor = new Executor(program, memory, scheduler, new Builtins(scheduler, memory), options);
        scheduler.ioWaitLimit(options.ioWaitLimitMillis());
    }

    /**
     * Runs the sync function {@code functionName} with {@code args} (cut to the parameter types)
     * to its end. Traps and failures become {@code Trapped} and {@code Failed}, as in
     * {@link Interpreter#run}; memory written before a trap stays written.
     */
    public Outcome call(String functionName, long[] args) {
        Function fn = module.function(functionName);
        if (fn == null) {
            return new Outcome.Failed("no function %" + functionName + " in the module");
        }
        if (fn.isAsync()) {
            return new Outcome.Failed("%" + functionName + " is async; a session calls sync functions");
        }
        long[] canonical = Canonical.arguments(fn.signature().params(), args);
        if (canonical == null) {
            return new Outcome.Failed("%" + functionName + " takes " + Canonical.longs(fn.signature().params())
                    + " argument words, not " + args.length);
        }
        if (calling) {
            throw new IllegalStateException("a host function called back into the session");
        }
        Task task = scheduler.newTask(functionName, Memory.TASK_STACK_WINDOWS);
        task.handleConsumed = true; // nobody joins a call: the scheduler forgets the task when it returns
        calling = true;
        try {
            executor.start(task, program.function(program.indexOf(functionName)), canonical);
            Task next = scheduler.next();
            if (next != task) {
                return new Outcome.Failed("the session's run queue held another task");
            }
            executor.run(task);
            if (task.state != TaskState.DONE) {
                return new Outcome.Failed("%" + functionName + " suspended; a session runs sync code only");
            }
            return new Outcome.Returned(task.results);
        } catch (Trap t) {
            return new Outcome.Trapped(t.code(), executor.trapFunction());
        } catch (InterpreterFailure f) {
            return new Outcome.Failed(f.getMessage());
        } catch (RuntimeException e) {
            return new Outcome.Failed("error in %" + functionName + ": " + e);
        } finally {
            calling = false;
            if (task.stack != null) {
                memory.releaseStack(task.stack);
                task.stack = null;
            }
        }
    }

    /** A zeroed heap block of {@code size} bytes, 16-byte aligned (as {@code %vex_alloc}); 0 if none. */
    public long alloc(long size) {
        return memory.alloc(size);
    }

    /** Frees a block from {@link #alloc} (as {@code %vex_free}). */
    public void free(long addr) {
        memory.free(addr);
    }

    /** The little-endian 64-bit word at {@code addr}; an address outside mapped memory throws. */
    public long load64(long addr) {
        try {
            return memory.load(addr, 8, false);
        } catch (Trap t) {
            throw new IllegalArgumentException("no memory at 0x" + Long.toHexString(addr));
        }
    }

    /** Stores a little-endian 64-bit word at {@code addr}. */
    public void store64(long addr, long value) {
        try {
            memory.store(addr, 8, false, value);
        } catch (Trap t) {
            throw new IllegalArgumentException("no memory at 0x" + Long.toHexString(addr));
        }
    }

    /** The name {@code func_addr} gave the address {@code token}, or null if it gave none that address. */
    public String nameAt(long token) {
        return program.nameAt(token);
    }

    /** Instructions executed over the whole session. */
    public long steps() {
        return executor.steps();
    }
}
