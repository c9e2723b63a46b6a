package dev.vex.interp;

import dev.vex.analysis.RuntimeBuiltin;
import java.util.ArrayList;
import java.util.List;

/**
 * The behaviour of the runtime builtins (ASYNC-IR.md) in the interpreter: scheduling, timers,
 * joins, channels and the heap. {@link #invoke} returns the results when the call completes at
 * once, or null when it suspended the calling task (a later wake delivers the results).
 *
 * <p>Choices where ASYNC-IR.md is silent:
 * <ul>
 *   <li>{@code %vex_yield} always suspends; the task goes to the back of the run queue.</li>
 *   <li>{@code %vex_sleep(ns)} with {@code ns <= 0} still suspends: its timer is due at once
 *       and fires at the next scheduling point.</li>
 *   <li>{@code %vex_join} returns the task's first result as its canonical bit pattern (an
 *       {@code i32} result is zero-extended), 0 if it has none. A handle is given up by one
 *       join or one detach; using it again, or a handle never issued, fails the run.</li>
 *   <li>Channel handles are 1, 2, ...; any other value fails the run, as does a negative
 *       capacity. {@code %vex_chan_close} on a closed channel does nothing.</li>
 *   <li>{@code %vex_join_status} gives (0, first result), or (1, 0) for a task that was
 *       cancelled; a trap in any task ends the whole run, so a join never sees status 2.</li>
 *   <li>{@code %vex_cancel} of a handle never issued, or already joined or detached, fails the
 *       run (natively it does nothing); see {@link Scheduler#cancel} for the rest.</li>
 *   <li>{@code %vex_tcp_*}: real sockets through {@link NetReactor}.</li>
 *   <li>Task scope handles are 1, 2, ... ({@link TaskScope}); any other value, or a joined
 *       scope's, fails the run, as does giving a scope a task handle that is not live.</li>
 *   <li>{@code %vex_select} ({@link Selection}) starts its scan for a ready operation at an
 *       index rotated by one per select, not a random one, so that runs stay deterministic.</li>
 *   <li>{@code %vex_alloc} returns zeroed memory, or 0 for a negative size or past the live-heap
 *       cap; {@code %vex_free(0)} does nothing; freeing anything but a live block fails the run.</li>
 * </ul>
 */
final class Builtins implements AutoCloseable {
    /** Channels a run may create: a runaway {@code %vex_chan_new} loop fails the run. */
    static final int MAX_CHANNELS = 100_000;

    private final Scheduler scheduler;
    private final Memory memory;
    private final List<Channel> channels = new ArrayList<>();
    private final List<TaskScope> scopes = new ArrayList<>();
    private final NetReactor net;

    Builtins(Scheduler scheduler, Memory memory) {
        this.scheduler = scheduler;
        this.memory = memory;
        this.net = new NetReactor(memory, scheduler);
        scheduler.attach(net);
    }

    /** Closes the run's sockets. */
    @Override
    public void close() {
        net.close();
    }

    /**
     * Runs {@code builtin} for {@code task} with {@code args}. The task's top frame must already
     * point at the calling instruction, since a wake may complete it before this returns.
     */
    long[] invoke(RuntimeBuiltin builtin, long[] args, Task task) {
        if (args.length < builtin.paramCount()) {
            throw new InterpreterFailure("%" + builtin.symbol() + " takes " + builtin.paramCount()
                    + " arguments, not " + args.length);
        }
        return switch (builtin) {
            case YIELD -> {
                scheduler.yield(task);
                yield null;
            }
            case SLEEP -> {
                scheduler.sleep(task, args[0]);
                yield null;
            }
            case JOIN -> scheduler.join(task, args[0], false);
            case JOIN_STATUS -> scheduler.join(task, args[0], true);
            case DETACH -> {
                scheduler.detach(args[0]);
                yield Scheduler.NO_VALUES;
            }
            case CANCEL -> {
                scheduler.cancel(args[0]);
                yield Scheduler.NO_VALUES;
            }
            case CHAN_NEW -> {
                if (args[0] < 0) {
                    throw new InterpreterFailure("%vex_chan_new(" + args[0] + "): negative capacity");
                }
                if (channels.size() == MAX_CHANNELS) {
                    throw new InterpreterFailure("more than " + MAX_CHANNELS + " channels");
                }
                Channel c = new Channel(channels.size() + 1, args[0]);
                channels.add(c);
                yield new long[] {c.handle};
            }
            case CHAN_SEND -> channel(args[0], "%vex_chan_send").send(task, args[1], scheduler);
            case CHAN_RECV -> channel(args[0], "%vex_chan_recv").recv(task, scheduler);
            case CHAN_CLOSE -> {
                channel(args[0], "%vex_chan_close").close(scheduler);
                yield Scheduler.NO_VALUES;
            }
            case ALLOC -> new long[] {memory.alloc(args[0])};
            case FREE -> {
                memory.free(args[0]);
                yield Scheduler.NO_VALUES;
            }
            case TCP_LISTEN -> net.listen(args[0], args[1], 0);
            case TCP_ACCEPT -> net.accept(task, args[0]);
            case TCP_CONNECT -> net.connect(task, args[0], args[1], 0);
            case TCP_CONNECT_WITH -> net.connect(task, args[0], args[1], args[2]);
            case TCP_READ -> net.read(task, args[0], args[1], args[2]);
            case TCP_WRITE -> net.write(task, args[0], args[1], args[2]);
            case TCP_CLOSE -> net.close(args[0]);
            case TCP_LOCAL_PORT -> net.localPort(args[0]);
            case TCP_SHUTDOWN -> net.shutdown(args[0]);
            case TCP_LISTEN_WITH -> net.listen(args[0], args[1], args[2]);
            case TCP_SET_OPTION -> net.setOption(args[0], args[1], args[2]);
            case TCP_PEER_ADDR -> net.peer(args[0], true);
            case TCP_PEER_PORT -> net.peer(args[0], false);
            case UDP_BIND -> net.udpBind(args[0], args[1]);
            case UDP_SEND_TO -> net.sendTo(task, args[0], args[1], args[2], args[3], args[4]);
            case UDP_RECV_FROM -> net.receiveFrom(task, args[0], args[1], args[2]);
            case UDP_CLOSE -> net.udpClose(args[0]);
            case SCOPE_NEW -> {
                if (scopes.size() == TaskScope.MAX_SCOPES) {
                    throw new InterpreterFailure("more than " + TaskScope.MAX_SCOPES + " task scopes");
                }
                TaskScope s = new TaskScope(scopes.size() + 1);
                scopes.add(s);
                yield new long[] {s.handle};
            }
            case SCOPE_ADD -> scope(args[0], "%vex_scope_add").add(args[1], scheduler);
            case SCOPE_CANCEL -> scope(args[0], "%vex_scope_cancel").cancel(scheduler);
            case SCOPE_JOIN -> scope(args[0], "%vex_scope_join").join(task, scheduler);
            case SELECT -> Selection.start(task, args[0], args[1], args[2], memory,
                    h -> channel(h, "%vex_select"), scheduler);
        };
    }

    private TaskScope scope(long handle, String who) {
        if (handle < 1 || handle > scopes.size() || scopes.get((int) (handle - 1)).consumed) {
            throw new InterpreterFailure(who + "(" + handle + "): not a live task scope");
        }
        return scopes.get((int) (handle - 1));
    }

    private Channel channel(long handle, String who) {
        if (handle < 1 || handle > channels.size()) {
            throw new InterpreterFailure(who + "(" + handle + "): not a channel");
        }
        return channels.get((int) (handle - 1));
    }
}
