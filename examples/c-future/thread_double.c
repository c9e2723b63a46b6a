/* See thread_double.h.  The frame follows the resume ABI: the state word (zeroed by the awaiting
 * caller), parameter 0 at offset 8, then this future's own fields. */
#include "thread_double.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

struct thread_double_frame {
    uint64_t state;
    int64_t arg;
    int64_t result;  /* written by the helper thread before `done` */
    _Atomic int done;
    vex_task *task;  /* the task to wake, with a reference taken for the helper thread */
};
_Static_assert(sizeof(struct thread_double_frame) == THREAD_DOUBLE_FRAME_SIZE, "the IR declaration states this size");
_Static_assert(_Alignof(struct thread_double_frame) == THREAD_DOUBLE_FRAME_ALIGN, "and this alignment");
_Static_assert(offsetof(struct thread_double_frame, arg) == 8, "parameter 0 sits at offset 8");

static void *compute(void *p) {
    struct thread_double_frame *f = p;
    vex_task *task = f->task;
    f->result = f->arg * 2;
    /* Release pairs with the acquire load in thread_double's later poll. */
    atomic_store_explicit(&f->done, 1, memory_order_release);
    vex_task_wake(task);  /* consumes the reference the first poll took; f may be gone after this */
    return NULL;
}

vex_poll thread_double(void *frame, vex_task *task) {
    struct thread_double_frame *f = frame;
    if (f->state == 0) {
        f->state = 1;
        atomic_store_explicit(&f->done, 0, memory_order_relaxed);
        f->task = task;
        vex_task_ref(task);  /* keeps the task, and the frame inside it, alive until the wake */
        pthread_t t;
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        int rc = pthread_create(&t, &attr, compute, f);
        pthread_attr_destroy(&attr);
        if (rc != 0) {
            vex_task_unref(task);
            return (vex_poll) {VEX_FAILED, 256 + 1};  /* user1: no thread */
        }
        return (vex_poll) {VEX_PENDING, 0};
    }
    if (!atomic_load_explicit(&f->done, memory_order_acquire)) {
        return (vex_poll) {VEX_PENDING, 0};
    }
    return (vex_poll) {VEX_READY, (uint64_t) f->result};
}
