package dev.vex.runtime;

import com.sun.jna.Pointer;
import dev.vex.runtime.jna.VexLibrary;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A running instance of the C runtime: its worker threads, timers and reactor. Create it with a
 * worker count, spawn futures on it by descriptor, and close it when done; closing detaches any
 * handle nobody joined, cancels every task still running and frees them.
 *
 * <p>Worker threads are native threads, never attached to the JVM; Java only calls in.
 */
public final class VexRuntime implements AutoCloseable {
    private final VexLibrary lib;
    private final Set<TaskHandle> handles = ConcurrentHashMap.newKeySet();
    private volatile Pointer rt;

    private VexRuntime(VexLibrary lib, Pointer rt) {
        this.lib = lib;
        this.rt = rt;
    }

    /** Starts a runtime with {@code workers} worker threads, or one per CPU when {@code workers <= 0}. */
    public static VexRuntime create(int workers) {
        VexLibrary lib = VexLibrary.instance();
        Pointer rt = lib.vex_runtime_create(workers);
        if (rt == null) throw new VexRuntimeException("the runtime could not start " + workers + " workers");
        return new VexRuntime(lib, rt);
    }

    /** The number of worker threads. */
    public int workers() {
        return lib.vex_runtime_workers(checkOpen());
    }

    /** Tasks spawned and not yet freed: a leak check for tests. Tasks free themselves shortly after
     * their handle is released, on a worker thread, so poll for zero rather than expect it at once. */
    public long liveTasks() {
        return lib.vex_runtime_live_tasks(checkOpen());
    }

    /** The runtime's {@code vex_runtime *}, for code that calls the C side directly. */
    public Pointer address() {
        return checkOpen();
    }

    /** Spawns {@code desc(args...)} as a new task. */
    public TaskHandle spawn(FutureDescriptor desc, long... args) {
        checkArgs(desc, args);
        long raw = lib.vex_spawn_on(checkOpen(), desc.address(), args.length == 0 ? null : args);
        if (raw == 0) throw new VexRuntimeException("out of memory spawning " + desc.name());
        TaskHandle h = new TaskHandle(this, desc, raw);
        handles.add(h);
        return h;
    }

    /**
     * Spawns the compiled async function {@code f} with Java values for its parameters (as
     * {@link NativeFunction#invoke} takes them); {@link TaskHandle#result()} gives its results
     * typed the same way. The function's module must stay open until the task ends.
     */
    public TaskHandle spawn(NativeFunction f, Object... args) {
        if (!f.isAsync()) throw new VexCallException("%" + f.name() + " is not async: call it with invoke");
        long[] bits = f.argumentBits(args);
        FutureDescriptor desc = f.descriptor();
        long raw = lib.vex_spawn_on(checkOpen(), desc.address(), bits.length == 0 ? null : bits);
        if (raw == 0) throw new VexRuntimeException("out of memory spawning " + desc.name());
        TaskHandle h = new TaskHandle(this, desc, raw, f);
        handles.add(h);
        return h;
    }

    /**
     * Runs the compiled async function {@code f} as a task on this runtime and waits for it:
     * {@code null}, one boxed value or an {@code Object[]}, as {@link NativeFunction#invoke}
     * returns them. A trap in the task throws {@link VexTrapException}; the runtime goes on.
     */
    public Object blockOn(NativeFunction f, Object... args) {
        NativeModule owner = f.module();
        owner.enter(f.name());
        try {
            return spawn(f, args).result();
        } finally {
            owner.exit();
        }
    }

    /** Spawns {@code desc(args...)} and blocks until it ends. */
    public TaskResult blockOn(FutureDescriptor desc, long... args) {
        return spawn(desc, args).join();
    }

    /** A channel of i64 values on this runtime ({@code vex_chan_new}); capacity 0 is a rendezvous. */
    public long newChannel(long capacity) {
        if (capacity < 0) throw new VexRuntimeException("negative channel capacity " + capacity);
        long ch = lib.vex_chan_new_on(checkOpen(), capacity);
        if (ch == 0) throw new VexRuntimeException("out of memory creating a channel");
        return ch;
    }

    /** Closes a channel: parked senders fail, receivers drain what is buffered, then see it closed. */
    public void closeChannel(long chan) {
        checkOpen();
        lib.vex_chan_close(chan);
    }

    @Override
    public void close() {
        Pointer p;
        synchronized (this) {
            p = rt;
            if (p == null) return;
            rt = null;
        }
        for (TaskHandle h : handles) h.release();
        handles.clear();
        lib.vex_runtime_destroy(p);
    }

    VexLibrary library() {
        return lib;
    }

    void forget(TaskHandle h) {
        handles.remove(h);
    }

    Pointer checkOpen() {
        Pointer p = rt;
        if (p == null) throw new VexRuntimeException("the runtime is closed");
        return p;
    }

    private static void checkArgs(FutureDescriptor desc, long[] args) {
        if (args.length != desc.paramCount()) {
            throw new VexRuntimeException(desc.name() + " takes " + desc.paramCount() + " arguments, not " + args.length);
        }
    }
}
