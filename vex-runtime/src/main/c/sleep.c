/* sleep.c: %vex_sleep(i64 ns): waits at least ns nanoseconds on the current worker's timer heap.
 * The heap node lives in the frame, so a sleeping task allocates nothing. */
#include "futex.h"
#include "task.h"
#include "timer.h"
#include "worker.h"

typedef struct {
    uint64_t state; /* 0 not started, 1 waiting */
    int64_t ns;
    timer_node node;
} sleep_frame;

_Static_assert(sizeof(sleep_frame) == VEX_SLEEP_FRAME_SIZE, "sleep frame size is ABI");

static void sleep_cancel(void *frame, vex_task *task) {
    sleep_frame *f = frame;
    if (timer_remove(f->node.heap, &f->node)) vex_task_unref(task); /* the timer's reference */
}

vex_poll vex_sleep(void *frame, vex_task *task) {
    sleep_frame *f = frame;
    if (f->state == 0) {
        if (f->ns <= 0) return (vex_poll){VEX_READY, 0};
        f->state = 1;
        /* Saturating: a deadline past the clock's range (vex_sleep(INT64_MAX)) is "never", kept
         * below INT64_MAX, the timer heap's "no timer" mark, so it stays a real, cancellable
         * timer that nothing ever fires. */
        int64_t now = vex_now_ns();
        f->node.deadline = f->ns > INT64_MAX - 1 - now ? INT64_MAX - 1 : now + f->ns;
        f->node.task = task;
        vex_task_ref(task); /* the timer's reference, consumed by the wake when it fires */
        vex_task_set_cancel_hook(task, sleep_cancel, f);
        timer_insert(&vex_current_worker->timers, &f->node);
        return (vex_poll){VEX_PENDING, 0};
    }
    /* acquire: pairs with fire_timers' release store. */
    if (!atomic_load_explicit(&f->node.fired, memory_order_acquire))
        return (vex_poll){VEX_PENDING, 0}; /* a spurious poll */
    vex_task_set_cancel_hook(task, NULL, NULL);
    return (vex_poll){VEX_READY, 0};
}

const vex_future_desc vex_sleep_desc = {vex_sleep, VEX_SLEEP_FRAME_SIZE, 8, 1, 0, "vex_sleep"};
