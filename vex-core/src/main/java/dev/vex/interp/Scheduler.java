package dev.vex.interp;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The deterministic single-threaded scheduler of one run: a FIFO run queue, the
 * {@link VirtualClock}, and the table of live task handles.
 *
 * <p>A task runs until it suspends or returns; there is no preemption. A task {@link #cancel}led
 * while it waits is withdrawn from its wait and queued; a queued task that is picked with a
 * cancel request ends cancelled instead of running (as the C runtime's task_run). Before each pick, the
 * timers that are due join the back of the queue (deadline order, ties in arming order); when
 * the queue is empty the clock jumps to the earliest deadline. Woken tasks join the back of the
 * queue in the order they were woken.
 */
final class Scheduler {
    static final long[] NO_VALUES = new long[0];
    /** Tasks alive at once (not yet finished, or finished and not yet joined): a runaway spawn loop fails. */
    static final int MAX_LIVE_TASKS = 100_000;

    private final ArrayDeque<Task> runQueue = new ArrayDeque<>();
    private final VirtualClock clock = new VirtualClock();
    private final Map<Long, Task> tasks = new HashMap<>();
    private final Memory memory;
    private long nextHandle = 1;
    private NetReactor net;
    private int picksSincePoll;
    private long selectStart;
    private long ioWaitLimitMillis = InterpreterOptions.DEFAULT_IO_WAIT_LIMIT_MILLIS;
    /** Picks between two non-waiting socket polls while tasks keep the queue busy. */
    static final int IO_POLL_EVERY = 64;

    Scheduler(Memory memory) {
        this.memory = memory;
    }

    long now() {
        return clock.now();
    }

    /**
     * A new runnable task at the back of the queue, with a stack of {@code stackWindows} MiB;
     * {@link Executor#start} gives it its first frame.
     */
    Task newTask(String function, int stackWindows) {
        return newTask(function, stackWindows, null);
    }

    /** {@link #newTask(String, int)} spawned by {@code parent}, which is then its parent for cancellation. */
    Task newTask(String function, int stackWindows, Task parent) {
        if (tasks.size() >= MAX_LIVE_TASKS) {
            throw new InterpreterFailure("more than " + MAX_LIVE_TASKS + " live tasks (spawning %" + function + ")");
        }
        Task t = new Task(nextHandle++, function, stackWindows);
        tasks.put(t.handle, t);
        runQueue.add(t);
        if (parent != null) {
            TaskCancellation.adopt(parent, t);
        }
        return t;
    }

    /** Sockets whose waiters this scheduler polls ({@link Builtins} attaches them). */
    void attach(NetReactor reactor) {
        this.net = reactor;
    }

    /** How long a run may wait on sockets with nothing else to do before it fails. */
    void ioWaitLimit(long millis) {
        this.ioWaitLimitMillis = millis;
    }

    /**
     * The next task to run, or null if none can ever run again (nothing queued, no timer, no
     * task waiting on a socket). Sockets are polled without waiting every {@link #IO_POLL_EVERY}
     * picks (so busy tasks cannot starve I/O) and whenever the queue runs empty, before virtual
     * time jumps; only when no task is runnable and no timer is pending does the scheduler wait
     * for a socket in real time, at most {@link #ioWaitLimitMillis} before the run fails.
     */
    Task next() {
        for (;;) {
            Task t = nextQueued();
            if (t == null || !t.cancelRequested) {
                return t;
            }
            if (t.state != TaskState.DONE) {
                TaskCancellation.endCancelled(this, t);
            }
        }
    }

    private Task nextQueued() {
        fireDueTimers();
        if (net != null && net.hasWaiters() && ++picksSincePoll >= IO_POLL_EVERY) {
            picksSincePoll = 0;
            net.poll(0);
        }
        while (runQueue.isEmpty()) {
            boolean io = net != null && net.hasWaiters();
            if (io && net.poll(0) > 0) {
                break;
            }
            if (clock.hasTimers()) {
                clock.advanceToNextDeadline();
                fireDueTimers();
                continue;
            }
            if (!io) {
                return null;
            }
            long deadline = System.nanoTime() + ioWaitLimitMillis * 1_000_000L;
            while (net.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L)) == 0) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new InterpreterFailure("no socket became ready for " + ioWaitLimitMillis
                            + " ms, with no task runnable and no timer pending: " + net.describeWaiters());
                }
            }
        }
        return runQueue.poll();
    }

    private void fireDueTimers() {
        for (VirtualClock.Timer t; (t = clock.pollDue()) != null; ) {
            if (t.selection() != null) {
                t.selection().timedOut(this);
            } else {
                wake(t.task(), NO_VALUES);
            }
        }
    }

    /** A {@code %vex_select}'s deadline, {@code nanos} from now. */
    VirtualClock.Timer armSelectTimer(Task task, long nanos, Selection selection) {
        return clock.arm(task, nanos, selection);
    }

    /** Withdraws a select's deadline (an operation won first). */
    void disarm(VirtualClock.Timer timer) {
        clock.disarm(timer);
    }

    /** Where the next {@code %vex_select} starts its scan: rotates by one per select (fairness). */
    long nextSelectStart() {
        return selectStart++;
    }

    /**
     * Marks {@code task} blocked on {@code what}, already registered there; a later
     * {@link #wake} resumes it. {@code undo} withdraws that registration if the task is
     * cancelled meanwhile (null: the task is woken before anyone can cancel it).
     */
    void block(Task task, String what, Runnable undo) {
        task.state = TaskState.BLOCKED;
        task.blockedOn = what;
        task.undoWait = undo;
        if (task.cancelRequested) { // it cancelled itself, or was cancelled while it ran
            withdrawForCancel(task);
        }
    }

    void block(Task task, String what) {
        block(task, what, null);
    }

    /** Completes the await {@code task} is suspended in with {@code values} and queues it. */
    void wake(Task task, long[] values) {
        task.deliver(values);
        task.state = TaskState.RUNNABLE;
        task.blockedOn = "";
        task.undoWait = null;
        runQueue.add(task);
    }

    /**
     * {@code %vex_cancel}: {@code handle}'s task ends at its next suspension, or when next picked
     * if it waits or is queued; no effect on a finished task. The handle stays live.
     */
    void cancel(long handle) {
        Task t = tasks.get(handle);
        if (t == null || t.handleConsumed) {
            throw new InterpreterFailure("%vex_cancel(" + handle + "): not a live task handle"
                    + (t != null ? " (already joined or detached)" : ""));
        }
        requestCancel(t);
    }

    /** Asks {@code t} to stop (a cancel, or its parent's or joiner's cancellation). */
    void requestCancel(Task t) {
        if (t.state == TaskState.DONE || t.cancelRequested) {
            return;
        }
        t.cancelRequested = true;
        if (t.state == TaskState.BLOCKED) {
            withdrawForCancel(t);
        }
    }

    /** A blocked task with a cancel request leaves its wait and queues, to end when picked. */
    private void withdrawForCancel(Task t) {
        Runnable undo = t.undoWait;
        t.undoWait = null;
        if (undo != null) {
            undo.run();
        }
        t.state = TaskState.RUNNABLE;
        t.blockedOn = "";
        runQueue.add(t);
    }

    /** A task that ended cancelled: like {@link #finish}, with no results and status 1 for its join. */
    void finishCancelled(Task task) {
        task.cancelled = true;
        finish(task, NO_VALUES);
    }

    /** Gives up the handle a cancelled parent still held for {@code t}. */
    void releaseHandle(Task t) {
        t.handleConsumed = true;
        if (t.state == TaskState.DONE) {
            tasks.remove(t.handle);
        }
    }

    /** {@code %vex_yield}: the task goes to the back of the queue. */
    void yield(Task task) {
        block(task, "%vex_yield");
        if (task.state == TaskState.BLOCKED) { // else a cancel request queued it already
            wake(task, NO_VALUES);
        }
    }

    /** A preemption check found the task's budget spent: it goes to the back of the queue, as for a yield. */
    void preempt(Task task) {
        block(task, "a preemption check");
        if (task.state == TaskState.BLOCKED) { // else a cancel request queued it already
            task.state = TaskState.RUNNABLE;
            task.blockedOn = "";
            runQueue.add(task);
        }
    }

    /** {@code %vex_sleep}: the task waits for its timer. */
    void sleep(Task task, long nanos) {
        VirtualClock.Timer timer = clock.sleep(task, nanos);
        block(task, "%vex_sleep", () -> clock.disarm(timer));
    }

    /**
     * {@code %vex_join}: the task's first result (0 if it has none) if it is done, else null
     * after blocking {@code joiner} until it is. {@code withStatus}: {@code %vex_join_status},
     * whose results are (0 = completed, first result).
     */
    long[] join(Task joiner, long handle, boolean withStatus) {
        Task t = takeHandle(handle, withStatus ? "%vex_join_status" : "%vex_join");
        t.joinedWithStatus = withStatus;
        if (t.state == TaskState.DONE) {
            tasks.remove(handle);
            return joinResults(t);
        }
        t.joiners.add(joiner);
        // Cancelling a joiner cancels the task it joins: the joiner consumed its handle.
        block(joiner, "%vex_join(" + handle + ") on %" + t.rootFunction, () -> {
            t.joiners.remove(joiner);
            requestCancel(t);
        });
        return null;
    }

    /** {@code %vex_scope_add}: the handle is given to a scope; the task, or a failed run if the handle is not live. */
    Task takeHandleForScope(long handle) {
        Task t = takeHandle(handle, "%vex_scope_add");
        if (t.state == TaskState.DONE) {
            tasks.remove(handle);
        }
        return t;
    }

    /** {@code %vex_detach}: the task runs on; nobody can join it any more. */
    void detach(long handle) {
        Task t = takeHandle(handle, "%vex_detach");
        if (t.state == TaskState.DONE) {
            tasks.remove(handle);
        }
    }

    /** A task returned: keep its results for a join, wake its joiners, free its stack. */
    void finish(Task task, long[] results) {
        task.state = TaskState.DONE;
        task.results = results;
        task.undoWait = null;
        if (task.stack != null) {
            memory.releaseStack(task.stack);
            task.stack = null;
        }
        if (!task.joiners.isEmpty()) {
            long[] value = joinResults(task);
            for (Task j : task.joiners) {
                wake(j, value);
            }
            task.joiners.clear();
        }
        if (task.scope != null) {
            task.scope.taskDone(task, this);
        }
        if (task.handleConsumed) { // joined or detached: nobody can ask for the results any more
            tasks.remove(task.handle);
        }
    }

    /** Tasks that are blocked, for a deadlock message. */
    int blockedCount() {
        int n = 0;
        for (Task t : tasks.values()) {
            n += t.state == TaskState.BLOCKED ? 1 : 0;
        }
        return n;
    }

    private Task takeHandle(long handle, String who) {
        Task t = tasks.get(handle);
        if (t == null || t.handleConsumed) {
            throw new InterpreterFailure(who + "(" + handle + "): not a live task handle"
                    + (t != null ? " (already joined or detached)" : ""));
        }
        t.handleConsumed = true;
        return t;
    }

    private static long[] joinResults(Task t) {
        if (t.cancelled) {
            return t.joinedWithStatus ? new long[] {TaskState.CANCELLED_STATUS, 0} : new long[] {0};
        }
        return t.joinedWithStatus ? new long[] {TaskState.COMPLETED_STATUS, firstResult(t)} : new long[] {firstResult(t)};
    }

    private static long firstResult(Task t) {
        return t.results.length == 0 ? 0 : t.results[0];
    }
}
