package dev.vex.runtime;

import com.sun.jna.Pointer;
import dev.vex.runtime.jna.VexLibrary;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A running instance of the C runtime: its worker threads, timers and reactor. Create it with a
 * worker count, spawn futures on it by descriptor, and close it when done.
 *
 * <p>Any thread may call any method at any time, {@link #close()} included: calls that start
 * after close began throw {@link VexRuntimeException}; joins in progress end (their tasks are
 * cancelled, see {@link #close(Duration)}); nothing is freed while a call still uses it.
 *
 * <p>Worker threads are native threads, never attached to the JVM; Java only calls in. A runtime
 * keeps the {@link NativeModule}s it ran tasks of (and the descriptors it spawned) until it is
 * closed: its tasks, and the tasks they spawn, run their code.
 */
public final class VexRuntime implements AutoCloseable {
    /** How long {@link #close()} lets tasks reach a suspension point. */
    public static final Duration DEFAULT_CLOSE_GRACE = Duration.ofSeconds(2);

    /** Runtimes not closed yet: reachable, so the modules they hold are never collected under them. */
    private static final Set<VexRuntime> OPEN = ConcurrentHashMap.newKeySet();
    /** Runtimes abandoned by close (a task never suspended): their modules stay mapped for good. */
    private static final Set<VexRuntime> ABANDONED = ConcurrentHashMap.newKeySet();

    private final VexLibrary lib;
    private final Pointer rt;
    private final Set<TaskHandle> handles = ConcurrentHashMap.newKeySet();
    /** Tokens of {@link TaskHandle#toCompletableFuture()}s still pending, failed on close. */
    private final Set<Long> futures = ConcurrentHashMap.newKeySet();
    private final Set<NativeModule> modules = ConcurrentHashMap.newKeySet();
    private final Set<FutureDescriptor> descriptors = ConcurrentHashMap.newKeySet();
    /** Short calls into the C runtime under way (they need it alive), and joins under way. */
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong joins = new AtomicLong();
    private volatile boolean closing;
    private volatile boolean closed;

    private VexRuntime(VexLibrary lib, Pointer rt) {
        this.lib = lib;
        this.rt = rt;
    }

    /** Starts a runtime with {@code workers} worker threads, or one per CPU when {@code workers <= 0}. */
    public static VexRuntime create(int workers) {
        VexLibrary lib = VexLibrary.instance();
        Pointer rt = lib.vex_runtime_create(workers);
        if (rt == null) throw new VexRuntimeException("the runtime could not start " + workers + " workers");
        VexRuntime r = new VexRuntime(lib, rt);
        OPEN.add(r);
        return r;
    }

    /** The number of worker threads. */
    public int workers() {
        enterCall();
        try {
            return lib.vex_runtime_workers(rt);
        } finally {
            exitCall();
        }
    }

    /** Tasks spawned and not yet freed: a leak check for tests. Tasks free themselves shortly after
     * their handle is released, on a worker thread, so poll for zero rather than expect it at once. */
    public long liveTasks() {
        enterCall();
        try {
            return lib.vex_runtime_live_tasks(rt);
        } finally {
            exitCall();
        }
    }

    /** The runtime's {@code vex_runtime *}, for code that calls the C side directly (which must not
     * outlive {@link #close()}). */
    public Pointer address() {
        checkOpen();
        return rt;
    }

    /** Spawns {@code desc(args...)} as a new task. */
    public TaskHandle spawn(FutureDescriptor desc, long... args) {
        checkArgs(desc, args);
        return spawnRaw(desc, args, null);
    }

    /**
     * Spawns the compiled async function {@code f} with Java values for its parameters (as
     * {@link NativeFunction#invoke} takes them); {@link TaskHandle#result()} gives its results
     * typed the same way. The runtime keeps {@code f}'s module mapped until it is closed; a
     * closed module's functions cannot be spawned.
     */
    public TaskHandle spawn(NativeFunction f, Object... args) {
        if (!f.isAsync()) throw new VexCallException("%" + f.name() + " is not async: call it with invoke");
        long[] bits = f.argumentBits(args);
        return spawnRaw(f.descriptor(), bits, f);
    }

    private TaskHandle spawnRaw(FutureDescriptor desc, long[] args, NativeFunction f) {
        enterCall();
        try {
            hold(desc, f);
            long raw = lib.vex_spawn_on(rt, desc.address(), args.length == 0 ? null : args);
            if (raw == 0) throw new VexRuntimeException("out of memory (or task handles) spawning " + desc.name());
            TaskHandle h = new TaskHandle(this, desc, raw, f);
            handles.add(h);
            return h;
        } finally {
            exitCall();
        }
    }

    /** Keeps what the task's code lives in for as long as this runtime is open. */
    private void hold(FutureDescriptor desc, NativeFunction f) {
        NativeModule m = f != null ? f.module() : desc.owner() instanceof NativeModule o ? o : null;
        String name = f != null ? f.name() : desc.name();
        if (m == null) {
            // A descriptor built in Java memory must outlive the task; the runtime's own are static.
            if (desc.owner() != null) descriptors.add(desc);
            return;
        }
        if (m.isClosed()) throw new VexCallException("cannot spawn %" + name + ": its module is closed");
        if (!modules.contains(m)) {
            synchronized (modules) {
                if (!modules.contains(m)) {
                    m.enter("spawn", name); // throws if it closed meanwhile
                    modules.add(m);
                }
            }
        }
    }

    /**
     * Runs the compiled async function {@code f} as a task on this runtime and waits for it:
     * {@code null}, one boxed value or an {@code Object[]}, as {@link NativeFunction#invoke}
     * returns them. A trap in the task throws {@link VexTrapException}; the runtime goes on.
     */
    public Object blockOn(NativeFunction f, Object... args) {
        return spawn(f, args).result();
    }

    /** Spawns {@code desc(args...)} and blocks until it ends. */
    public TaskResult blockOn(FutureDescriptor desc, long... args) {
        return spawn(desc, args).join();
    }

    /** A channel of i64 values on this runtime ({@code vex_chan_new}); capacity 0 is a rendezvous. */
    public long newChannel(long capacity) {
        if (capacity < 0) throw new VexRuntimeException("negative channel capacity " + capacity);
        if (capacity > VexLibrary.CHAN_MAX_CAPACITY) {
            throw new VexRuntimeException("channel capacity " + capacity + " is above the runtime's limit of "
                    + VexLibrary.CHAN_MAX_CAPACITY);
        }
        enterCall();
        try {
            long ch = lib.vex_chan_new_on(rt, capacity);
            if (ch == 0) {
                throw new VexRuntimeException("cannot allocate a channel of capacity " + capacity
                        + " (" + capacity * 8 + " bytes of buffer)");
            }
            return ch;
        } finally {
            exitCall();
        }
    }

    /** Closes a channel: parked senders fail, receivers drain what is buffered, then see it closed. */
    public void closeChannel(long chan) {
        enterCall();
        try {
            if (lib.vex_chan_close(chan) != 0) {
                throw new VexRuntimeException("closeChannel(" + chan + "): not a channel of a live runtime");
            }
        } finally {
            exitCall();
        }
    }

    /**
     * A Java future that IR can await: a channel handle (an {@code i64} to pass to a task) that
     * receives the future's value once it completes. The task awaits it with
     * <pre>
     *     fn0 = async %vex_chan_recv(i64) -> i64, i64
     *     v1, v2 = await fn0(v0)   ; v1 = 0: v2 is the value; v1 = 1: the future failed or was cancelled
     * </pre>
     * and is parked until then: no thread waits, Java's completion wakes it (a value already
     * there is received at once). Integers arrive as their {@code long} value, {@code Float} and
     * {@code Double} as IEEE 754 bits; a {@code null} value counts as a failure. Each call makes one
     * channel of capacity 1, freed when the runtime closes; receive from it once. Cancelling the
     * awaiting task leaves the Java future alone.
     */
    public long hostFuture(CompletableFuture<? extends Number> future) {
        return HostFutures.channelFor(this, future);
    }

    /** Closes with {@link #DEFAULT_CLOSE_GRACE}. */
    @Override
    public void close() {
        close(DEFAULT_CLOSE_GRACE);
    }

    /**
     * Stops the runtime and frees it. Calls that start afterwards throw; every task still
     * running is cancelled at its next suspension, so joins under way return {@link
     * TaskOutcome#CANCELLED} (or throw from {@link TaskHandle#result()}); close returns once no
     * call still uses the runtime. Closing twice does nothing.
     *
     * <p>A task that does not reach a suspension point within {@code grace} (a loop that never
     * awaits: there is no preemption) cannot be stopped. Then the runtime is abandoned rather
     * than freed under it: its worker threads and memory stay, its modules stay mapped, joins of
     * its unfinished tasks throw {@link VexRuntimeException}, and this method throws one too.
     */
    public void close(Duration grace) {
        synchronized (this) {
            if (closing) return;
            closing = true;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        // Short calls finish by themselves; joins end once their tasks are cancelled.
        do {
            for (TaskHandle h : handles) h.cancelForClose();
            if (calls.get() == 0 && joins.get() == 0) break;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        } while (System.nanoTime() < deadline || calls.get() > 0);
        long left = Math.max(TimeUnit.MILLISECONDS.toNanos(100), deadline - System.nanoTime());
        int rc = lib.vex_runtime_shutdown(rt, left);
        closed = true;
        // The C side woke every join (cancelled, or failed as abandoned) before it returned.
        while (joins.get() > 0) LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        handles.clear();
        for (long token : futures) TaskFutures.runtimeClosed(token);
        futures.clear();
        OPEN.remove(this);
        if (rc == VexLibrary.ERR_BUSY) {
            ABANDONED.add(this);
            throw new VexRuntimeException("the runtime could not be stopped: a task did not reach a suspension point"
                    + " within " + grace.toMillis() + " ms (Vex has no preemption); its worker threads and memory"
                    + " are abandoned and its modules stay mapped");
        }
        for (NativeModule m : modules) m.exit();
        modules.clear();
        descriptors.clear();
    }

    /** True once {@link #close()} began. */
    public boolean isClosed() {
        return closing;
    }

    VexLibrary library() {
        return lib;
    }

    void trackFuture(long token) {
        futures.add(token);
    }

    void untrackFuture(long token) {
        futures.remove(token);
    }

    void forget(TaskHandle h) {
        handles.remove(h);
    }

    /** The runtime pointer for a short call, which must end with {@link #exitCall()}. */
    Pointer enterCall() {
        calls.incrementAndGet();
        if (closing) {
            calls.decrementAndGet();
            throw new VexRuntimeException("the runtime is closed");
        }
        return rt;
    }

    void exitCall() {
        calls.decrementAndGet();
    }

    /** A join (blocking until its task ends) begins; it must end with {@link #exitJoin()}. */
    void enterJoin() {
        joins.incrementAndGet();
        if (closing) {
            joins.decrementAndGet();
            throw new VexRuntimeException("the runtime is closed");
        }
    }

    void exitJoin() {
        joins.decrementAndGet();
    }

    /** True once the C runtime was shut down: handles of it are stale. */
    boolean shutDown() {
        return closed;
    }

    Pointer checkOpen() {
        if (closing) throw new VexRuntimeException("the runtime is closed");
        return rt;
    }

    private static void checkArgs(FutureDescriptor desc, long[] args) {
        if (args.length != desc.paramCount()) {
            throw new VexRuntimeException(desc.name() + " takes " + desc.paramCount() + " arguments, not " + args.length);
        }
    }
}
