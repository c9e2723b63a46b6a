/* Two C futures for the foreign executor, written to the resume ABI of vex_runtime.h: a frame
 * whose word 0 is the state (zeroed by the awaiting caller), parameters from offset 8, and a
 * resume function that returns {VEX_READY, result} or {VEX_PENDING, 0} after arranging a wake.
 * tasks.clif declares each with `frame SIZE align ALIGN`, the sizeof and _Alignof below.
 *
 *   delay_double(x) -> 2x, computed by a completion thread, which then wakes the task (a wake
 *                      from another thread, as an I/O completion would be);
 *   yield_now()     -> wakes its own task during the poll, then is ready on the next one. */
#include "futures.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "executor.h"

struct delay_frame {
    uint64_t state;           /* the ABI's state word: 0 before the first poll */
    int64_t arg;              /* parameter 0, at offset 8 */
    int64_t result;           /* written by the completion thread before `done` */
    _Atomic int done;
    vex_task *task;
    struct delay_frame *next; /* the completion thread's list */
};
_Static_assert(sizeof(struct delay_frame) == DELAY_DOUBLE_FRAME_SIZE, "tasks.clif states this frame size");
_Static_assert(_Alignof(struct delay_frame) == DELAY_DOUBLE_FRAME_ALIGN, "tasks.clif states this alignment");
_Static_assert(offsetof(struct delay_frame, arg) == 8, "parameter 0 sits at offset 8");

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t work = PTHREAD_COND_INITIALIZER;
static struct delay_frame *pending;
static bool stopping;
static pthread_t completer;

static void *complete_requests(void *unused) {
    (void) unused;
    pthread_mutex_lock(&lock);
    for (;;) {
        while (!pending && !stopping) {
            pthread_cond_wait(&work, &lock);
        }
        if (!pending) {
            break;
        }
        struct delay_frame *f = pending;
        pending = f->next;
        pthread_mutex_unlock(&lock);
        f->result = f->arg * 2;
        vex_task *task = f->task;
        /* Release pairs with the acquire load in delay_double: the result is visible once `done` is. */
        atomic_store_explicit(&f->done, 1, memory_order_release);
        fx_wake(task);  /* after this the frame may be gone: the task may have run to its end */
        pthread_mutex_lock(&lock);
    }
    pthread_mutex_unlock(&lock);
    return NULL;
}

int futures_start(void) {
    return pthread_create(&completer, NULL, complete_requests, NULL);
}

void futures_stop(void) {
    pthread_mutex_lock(&lock);
    stopping = true;
    pthread_cond_signal(&work);
    pthread_mutex_unlock(&lock);
    pthread_join(completer, NULL);
}

vex_poll delay_double(void *frame, vex_task *task) {
    struct delay_frame *f = frame;
    if (f->state == 0) {
        f->state = 1;
        atomic_store_explicit(&f->done, 0, memory_order_relaxed);
        f->task = task;
        pthread_mutex_lock(&lock);
        f->next = pending;
        pending = f;
        pthread_cond_signal(&work);
        pthread_mutex_unlock(&lock);
        return (vex_poll) {VEX_PENDING, 0};
    }
    if (!atomic_load_explicit(&f->done, memory_order_acquire)) {
        return (vex_poll) {VEX_PENDING, 0};  /* polled again before the completion: still waiting */
    }
    return (vex_poll) {VEX_READY, (uint64_t) f->result};
}

vex_poll yield_now(void *frame, vex_task *task) {
    uint64_t *state = frame;
    if (*state == 0) {
        *state = 1;
        fx_wake(task);  /* the task is running: the executor polls it again after this poll */
        return (vex_poll) {VEX_PENDING, 0};
    }
    return (vex_poll) {VEX_READY, 0};
}
