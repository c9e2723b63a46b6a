package dev.vex.async;

import dev.vex.exec.Outcome;
import dev.vex.interp.HostFunction;
import dev.vex.interp.InterpreterOptions;
import dev.vex.interp.InterpreterSession;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import dev.vex.ir.Type;
import dev.vex.text.ClifReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A test-only runtime for a lowered module, on the interpreter: tasks are frames in interpreter
 * memory ({@link InterpreterSession}), polled by calling their {@code %f$resume(frame, task)}
 * until they are READY, as the C runtime's workers would. The runtime's leaf futures are mocks
 * with the same frame ABI: {@code vex_yield} in IR (its first poll is PENDING, the next READY),
 * the others host functions that keep the same rules as the interpreter's own scheduler (FIFO
 * run queue, virtual time that jumps to the next timer, channels served first come first served).
 *
 * <p>Waking: a leaf that returns PENDING with a wake registered (timer, join, channel) parks the
 * task, on every such poll; a task that returns PENDING without being parked (a yield) goes to
 * the back of the queue. A wake for a task that moved on is a harmless extra poll. With
 * {@code spuriousPolls > 0} every PENDING task is polled that many extra times at once, which
 * must change nothing but exercises the resume paths that poll a callee that is still pending.
 */
final class PollingScheduler {
    /** Frame sizes of the leaves, as vex_runtime.h gives them today. */
    static final FrameSizes RUNTIME_LEAVES = FrameSizes.of(Map.of(
            "vex_yield", new FrameSize(8, 8),
            "vex_sleep", new FrameSize(80, 8),
            "vex_join", new FrameSize(16, 8),
            "vex_chan_send", new FrameSize(64, 8),
            "vex_chan_recv", new FrameSize(64, 8)));

    private static final String YIELD_MOCK = """
            function %vex_yield$resume(i64, i64) -> i64, i64 {
            block0(v0: i64, v1: i64):
                v2 = load.i64 notrap aligned v0
                brif v2, block2, block1
            block1:
                v3 = iconst.i64 1
                store notrap aligned v3, v0
                v4 = iconst.i64 0
                return v3, v4
            block2:
                v5 = iconst.i64 0
                return v5, v5
            }
            """;

    /** What a run gave, and what it cost. */
    record Result(Outcome outcome, long virtualNanos, long polls, int liveBoxedFrames) {
    }

    private static final class Task {
        final long id;
        final String function;
        final long frame;
        final AsyncFrameLayout layout;
        boolean done;
        long[] results;
        boolean handleConsumed;
        boolean queued;
        /** The last poll left it PENDING in a leaf with a wake registered: only that wake queues it again. */
        boolean parked;
        final List<Task> joiners = new ArrayList<>();

        Task(long id, String function, long frame, AsyncFrameLayout layout) {
            this.id = id;
            this.function = function;
            this.frame = frame;
            this.layout = layout;
        }
    }

    private record Timer(long deadline, long sequence, Task task) {
    }

    /** A sender parked on a full channel: its value, and the leaf frame that gets the outcome. */
    private record PendingSend(Task task, long value, long frame) {
    }

    private static final class Chan {
        final long capacity;
        final ArrayDeque<Long> buffer = new ArrayDeque<>();
        /** Blocked senders: task and value; the task's frame gets the outcome. */
        final ArrayDeque<PendingSend> senders = new ArrayDeque<>();
        final ArrayDeque<Task> receivers = new ArrayDeque<>();
        boolean closed;

        Chan(long capacity) {
            this.capacity = capacity;
        }
    }

    private final LoweredModule lowered;
    private final InterpreterSession session;
    private final int spuriousPolls;
    private final Map<Long, Task> tasks = new HashMap<>();
    private final ArrayDeque<Task> runQueue = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.deadline != b.deadline
            ? Long.compare(a.deadline, b.deadline) : Long.compare(a.sequence, b.sequence));
    private final List<Chan> channels = new ArrayList<>();
    /** Leaf completions a wake delivers: the leaf's frame gets them on its next poll. */
    private final Map<Long, long[]> delivered = new HashMap<>();
    private long now;
    private long armed;
    private long nextId = 1;
    private long polls;
    private int liveBoxed;
    private Task current;

    PollingScheduler(LoweredModule lowered, int spuriousPolls, long stepLimit) {
        this.lowered = lowered;
        this.spuriousPolls = spuriousPolls;
        ModuleBuilder mb = new ModuleBuilder();
        for (Function f : lowered.module().functions()) {
            mb.add(f);
        }
        for (Function f : ClifReader.readModule(YIELD_MOCK, "yield-mock.clif").functions()) {
            mb.add(f);
        }
        Module withMocks = mb.build();
        Map<String, HostFunction> hosts = new HashMap<>();
        hosts.put("vex_sleep$resume", this::sleep);
        hosts.put("vex_join$resume", this::join);
        hosts.put("vex_chan_send$resume", this::chanSend);
        hosts.put("vex_chan_recv$resume", this::chanRecv);
        hosts.put("vex_chan_new", this::chanNew);
        hosts.put("vex_chan_close", this::chanClose);
        hosts.put("vex_detach", this::detach);
        hosts.put(AsyncSymbols.SPAWN, this::spawn);
        hosts.put(AsyncSymbols.FRAME_ALLOC, this::frameAlloc);
        hosts.put(AsyncSymbols.FRAME_FREE, this::frameFree);
        this.session = new InterpreterSession(withMocks,
                InterpreterOptions.DEFAULTS.withStepLimit(stepLimit), hosts);
    }

    /** Runs the async function {@code name} (of the original module) as the root task until it is READY. */
    Result blockOn(String name, long[] args) {
        AsyncFrameLayout layout = lowered.layout(name);
        if (layout == null) {
            throw new IllegalArgumentException("%" + name + " is not an async function of the module");
        }
        long[] params = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            params[i] = args[i] & layout.paramTypes().get(i).mask();
        }
        Task root = newTask(name, layout, params);
        while (!root.done) {
            for (Timer t; (t = timers.peek()) != null && t.deadline <= now; ) {
                timers.poll();
                wake(t.task);
            }
            if (runQueue.isEmpty()) {
                if (timers.isEmpty()) {
                    return result(new Outcome.Failed("deadlock: the root task is blocked, nothing runnable"));
                }
                now = Math.max(now, timers.peek().deadline);
                continue;
            }
            Task t = runQueue.poll();
            t.queued = false;
            Outcome o = poll(t);
            for (int i = 0; o == null && i < spuriousPolls && !t.done; i++) {
                o = poll(t);
            }
            if (o != null) {
                return result(o);
            }
            if (!t.done && !t.parked && !t.queued) {
                t.queued = true;
                runQueue.add(t);
            }
        }
        return result(new Outcome.Returned(root.results));
    }

    private Result result(Outcome o) {
        return new Result(o, now, polls, liveBoxed);
    }

    /** One poll; a trap or failure as the outcome that ends the run, else null. */
    private Outcome poll(Task t) {
        if (t.done) {
            return null;
        }
        polls++;
        current = t;
        t.parked = false; // a leaf that returns PENDING with a wake registered parks it again
        Outcome o = session.call(AsyncSymbols.resumeName(t.function), new long[] {t.frame, t.id});
        current = null;
        if (!(o instanceof Outcome.Returned r)) {
            return o;
        }
        long[] v = r.values();
        if (v[0] == 1) {
            return null;
        }
        if (v[0] != 0) {
            return new Outcome.Failed("status " + v[0] + " from %" + t.function + "$resume");
        }
        List<Type> types = t.layout.resultTypes();
        long[] results = new long[types.size()];
        for (int i = 0; i < results.length; i++) {
            long word = i == 0 ? v[1] : session.load64(t.frame + t.layout.resultSlot(i));
            if ((word & ~types.get(i).mask()) != 0) {
                return new Outcome.Failed("result " + i + " of %" + t.function + " is not zero-extended: 0x"
                        + Long.toHexString(word));
            }
            results[i] = word;
        }
        t.done = true;
        t.results = results;
        session.free(t.frame);
        for (Task j : t.joiners) {
            wake(j);
        }
        t.joiners.clear();
        return null;
    }

    private Task newTask(String name, AsyncFrameLayout layout, long[] params) {
        long frame = session.alloc(layout.size());
        if (frame == 0 || (frame & (layout.align() - 1)) != 0) {
            throw new IllegalStateException("no suitably aligned frame for %" + name);
        }
        for (int i = 0; i < params.length; i++) {
            session.store64(frame + AsyncFrameLayout.paramOffset(i), params[i]);
        }
        session.store64(frame, 0);
        Task t = new Task(nextId++, name, frame, layout);
        tasks.put(t.id, t);
        t.queued = true;
        runQueue.add(t);
        return t;
    }

    private void wake(Task t) {
        t.parked = false;
        if (!t.queued && !t.done) {
            t.queued = true;
            runQueue.add(t);
        }
    }

    private Task task(long id) {
        Task t = tasks.get(id);
        if (t == null || t != current) {
            throw new IllegalStateException("a leaf was polled with task " + id + ", not the task being polled");
        }
        return t;
    }

    private static long[] pending() {
        return new long[] {1, 0};
    }

    private static long[] ready(long value) {
        return new long[] {0, value};
    }

    // ---- Leaf futures: frame = {state, params..., private} -----------------------------------

    /** vex_sleep(ns): state 0 arms a timer (deadline at +16), state 1 is ready once it is due. */
    private long[] sleep(long[] a) {
        long frame = a[0];
        Task t = task(a[1]);
        if (session.load64(frame) == 0) {
            long ns = session.load64(frame + 8);
            long deadline = ns <= 0 ? now : (Long.MAX_VALUE - now < ns ? Long.MAX_VALUE : now + ns);
            session.store64(frame + 16, deadline);
            session.store64(frame, 1);
            timers.add(new Timer(deadline, armed++, t));
            t.parked = true;
            return pending();
        }
        if (now >= session.load64(frame + 16)) {
            return ready(0);
        }
        t.parked = true;
        return pending();
    }

    /** vex_join(handle): the task's first result once it is done. */
    private long[] join(long[] a) {
        long frame = a[0];
        Task self = task(a[1]);
        long handle = session.load64(frame + 8);
        Task t = tasks.get(handle);
        if (session.load64(frame) == 0) {
            if (t == null || t.handleConsumed) {
                throw new IllegalStateException("vex_join(" + handle + "): not a live task handle");
            }
            t.handleConsumed = true;
            session.store64(frame, 1);
            if (!t.done) {
                t.joiners.add(self);
                self.parked = true;
                return pending();
            }
        }
        if (!t.done) {
            if (!t.joiners.contains(self)) {
                t.joiners.add(self);
            }
            self.parked = true;
            return pending();
        }
        tasks.remove(handle);
        return ready(t.results.length == 0 ? 0 : t.results[0]);
    }

    private long[] detach(long[] a) {
        Task t = tasks.get(a[0]);
        if (t == null || t.handleConsumed) {
            throw new IllegalStateException("vex_detach(" + a[0] + "): not a live task handle");
        }
        t.handleConsumed = true;
        return new long[0];
    }

    private long[] spawn(long[] a) {
        String desc = session.nameAt(a[0]);
        if (desc == null || !desc.endsWith(AsyncSymbols.DESC_SUFFIX)) {
            throw new IllegalStateException("vex_spawn of 0x" + Long.toHexString(a[0]) + ", not a descriptor");
        }
        String name = desc.substring(0, desc.length() - AsyncSymbols.DESC_SUFFIX.length());
        AsyncFrameLayout layout = lowered.layout(name);
        long[] params = new long[layout.paramTypes().size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = session.load64(a[1] + 8L * i) & layout.paramTypes().get(i).mask();
        }
        return new long[] {newTask(name, layout, params).id};
    }

    private long[] frameAlloc(long[] a) {
        task(a[0]);
        if (a[2] > 16) {
            throw new IllegalStateException("vex_frame_alloc alignment " + a[2] + " above the heap's 16");
        }
        liveBoxed++;
        return new long[] {session.alloc(a[1])};
    }

    private long[] frameFree(long[] a) {
        task(a[0]);
        liveBoxed--;
        session.free(a[1]);
        return new long[0];
    }

    // ---- Channels: the interpreter's rules (Channel.java), outcomes delivered through the frame --

    private Chan chan(long handle) {
        if (handle < 1 || handle > channels.size()) {
            throw new IllegalStateException("not a channel: " + handle);
        }
        return channels.get((int) (handle - 1));
    }

    private long[] chanNew(long[] a) {
        channels.add(new Chan(a[0]));
        return new long[] {channels.size()};
    }

    /** The outcome a wake left for the leaf frame {@code frame}: (status word, value). */
    private void deliver(Task t, long frame, long[] outcome) {
        delivered.put(frame, outcome);
        wake(t);
    }

    /** vex_chan_send(ch, v) -> i64: frame {state, ch, v}. */
    private long[] chanSend(long[] a) {
        long frame = a[0];
        Task t = task(a[1]);
        if (session.load64(frame) != 0) {
            long[] d = delivered.remove(frame);
            if (d == null) {
                t.parked = true;
                return pending();
            }
            return ready(d[0]);
        }
        session.store64(frame, 1);
        Chan c = chan(session.load64(frame + 8));
        long value = session.load64(frame + 16);
        if (c.closed) {
            return ready(1);
        }
        if (!c.receivers.isEmpty()) {
            Task receiver = c.receivers.poll();
            deliver(receiver, receiverFrames.remove(receiver), new long[] {0, value});
            return ready(0);
        }
        if (c.buffer.size() < c.capacity) {
            c.buffer.add(value);
            return ready(0);
        }
        c.senders.add(new PendingSend(t, value, frame));
        t.parked = true;
        return pending();
    }

    private final Map<Task, Long> receiverFrames = new HashMap<>();

    /** vex_chan_recv(ch) -> i64, i64: frame {state, ch | result 1 at +16}. */
    private long[] chanRecv(long[] a) {
        long frame = a[0];
        Task t = task(a[1]);
        if (session.load64(frame) != 0) {
            long[] d = delivered.remove(frame);
            if (d == null) {
                t.parked = true;
                return pending();
            }
            session.store64(frame + 16, d[1]);
            return ready(d[0]);
        }
        session.store64(frame, 1);
        Chan c = chan(session.load64(frame + 8));
        long[] got = null;
        if (!c.buffer.isEmpty()) {
            long value = c.buffer.poll();
            PendingSend s = c.senders.poll();
            if (s != null) {
                c.buffer.add(s.value());
                deliver(s.task(), s.frame(), new long[] {0});
            }
            got = new long[] {0, value};
        } else if (!c.senders.isEmpty()) {
            PendingSend s = c.senders.poll();
            deliver(s.task(), s.frame(), new long[] {0});
            got = new long[] {0, s.value()};
        } else if (c.closed) {
            got = new long[] {1, 0};
        }
        if (got != null) {
            session.store64(frame + 16, got[1]);
            return ready(got[0]);
        }
        c.receivers.add(t);
        receiverFrames.put(t, frame);
        t.parked = true;
        return pending();
    }

    private long[] chanClose(long[] a) {
        Chan c = chan(a[0]);
        if (!c.closed) {
            c.closed = true;
            for (Task r; (r = c.receivers.poll()) != null; ) {
                deliver(r, receiverFrames.remove(r), new long[] {1, 0});
            }
            for (PendingSend s; (s = c.senders.poll()) != null; ) {
                deliver(s.task(), s.frame(), new long[] {1});
            }
        }
        return new long[0];
    }
}
