package dev.vex.interp;

/**
 * An operation parked on a {@link Channel}: a task's {@code %vex_chan_send} or
 * {@code %vex_chan_recv}, or one arm of a {@link Selection}. Whoever completes it calls
 * {@link #complete}; a selection's arm then decides its selection, which withdraws its other
 * arms, so a parked arm is always live.
 */
final class ChannelWaiter {
    final Task task;
    final Channel channel;
    final boolean send;
    /** A sender's value. */
    final long value;
    /** The selection this is an arm of, or null. */
    final Selection selection;
    /** The arm's index in its selection. */
    final int index;

    ChannelWaiter(Task task, Channel channel, boolean send, long value, Selection selection, int index) {
        this.task = task;
        this.channel = channel;
        this.send = send;
        this.value = value;
        this.selection = selection;
        this.index = index;
    }

    /** The operation is done: status 0 (done) or 1 (closed), and what a receive got. */
    void complete(long status, long received, Scheduler scheduler) {
        if (selection != null) {
            selection.complete(index, status, received, scheduler);
        } else {
            scheduler.wake(task, send ? new long[] {status} : new long[] {status, received});
        }
    }
}
