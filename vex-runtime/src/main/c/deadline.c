/* deadline.c: I/O timeouts (see deadline.h). */
#include "deadline.h"

#include <errno.h>
#include <sched.h>

#include "futex.h"
#include "task.h"
#include "worker.h"

static void arm(timer_node *n, int64_t timeout_ns, vex_task *task) {
    int64_t now = vex_now_ns();
    /* Saturating, as vex_sleep: INT64_MAX is the heap's "no timer" mark. */
    n->deadline = timeout_ns > INT64_MAX - 1 - now ? INT64_MAX - 1 : now + timeout_ns;
    n->task = task;
    vex_task_ref(task); /* the timer's reference, consumed by the wake when it fires */
    timer_insert(&vex_current_worker->timers, n);
}

int deadline_park(vex_io *io, int dir, uint32_t seq, vex_task *task, uint64_t *state,
                  timer_node *timer, vex_cancel_hook hook, void *frame) {
    /* acquire: pairs with fire_timers' release store (as vex_sleep's poll). */
    if ((*state & DEADLINE_ARMED) && atomic_load_explicit(&timer->fired, memory_order_acquire)) {
        io_unwait(io, dir, task);
        return -ETIMEDOUT;
    }
    int rc = io_wait(io, dir, seq, task);
    if (rc != 1) return rc;
    vex_task_set_cancel_hook(task, hook, frame);
    int64_t timeout = atomic_load_explicit(&io->timeout_ns[dir], memory_order_relaxed);
    if (timeout > 0 && !(*state & DEADLINE_ARMED)) {
        *state |= DEADLINE_ARMED;
        arm(timer, timeout, task);
    }
    return 1;
}

void deadline_disarm(uint64_t *state, timer_node *timer, vex_task *task, vex_io *io, int dir) {
    if (!(*state & DEADLINE_ARMED)) return;
    *state &= ~(uint64_t)DEADLINE_ARMED;
    if (io) io_unwait(io, dir, task);
    if (timer_remove(timer->heap, timer)) {
        vex_task_unref(task); /* the timer's reference */
        return;
    }
    /* Expired: a worker unlinked it and is about to store fired (it owns the reference it wakes
     * the task with).  That store must land before the frame can be reused. */
    while (!atomic_load_explicit(&timer->fired, memory_order_acquire)) sched_yield();
}
