/* The executor of executor.h.  A task is one aligned block: its header, then the frame of the
 * async function it runs.  Its `sched` word is the only state shared between threads:
 *
 *   IDLE --wake--> QUEUED --pop--> RUNNING --poll returns PENDING--> IDLE
 *                                  RUNNING --wake--> NOTIFIED --poll returns--> QUEUED
 *
 * so a wake never gets lost and a task is never in the queue twice. */
#define _GNU_SOURCE
#include "executor.h"

#include <pthread.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

enum { IDLE, QUEUED, RUNNING, NOTIFIED };

struct fx_task {
    _Atomic int sched;
    enum fx_outcome outcome;
    uint64_t value;
    const vex_future_desc *desc;
    fx_task *next;      /* ready queue link, under queue_lock */
    void *frame;
};

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t queue_nonempty = PTHREAD_COND_INITIALIZER;
static fx_task *queue_head, *queue_tail;
static long unfinished;  /* under queue_lock */

/* Where a trap in the polled task's code lands: the poll loop's setjmp. */
static __thread jmp_buf *trap_exit;
static __thread uint32_t trap_code;

static void enqueue(fx_task *t) {
    pthread_mutex_lock(&queue_lock);
    t->next = NULL;
    if (queue_tail) {
        queue_tail->next = t;
    } else {
        queue_head = t;
    }
    queue_tail = t;
    pthread_cond_signal(&queue_nonempty);
    pthread_mutex_unlock(&queue_lock);
}

fx_task *fx_spawn(const vex_future_desc *desc, const uint64_t *args) {
    size_t align = desc->frame_align < 16 ? 16 : desc->frame_align;
    size_t header = (sizeof(fx_task) + align - 1) / align * align;
    size_t total = (header + desc->frame_size + align - 1) / align * align;
    fx_task *t = aligned_alloc(align, total);
    if (!t) {
        return NULL;
    }
    memset(t, 0, total);  /* the frame's state word starts at 0 */
    t->desc = desc;
    t->frame = (char *) t + header;
    for (uint32_t i = 0; i < desc->nparams; i++) {
        memcpy((char *) t->frame + 8 + 8 * i, &args[i], 8);
    }
    atomic_store_explicit(&t->sched, QUEUED, memory_order_relaxed);
    pthread_mutex_lock(&queue_lock);
    unfinished++;
    pthread_mutex_unlock(&queue_lock);
    enqueue(t);
    return t;
}

void fx_wake(vex_task *handle) {
    fx_task *t = (fx_task *) handle;
    int s = atomic_load_explicit(&t->sched, memory_order_relaxed);
    for (;;) {
        int to = s == IDLE ? QUEUED : s == RUNNING ? NOTIFIED : s;
        /* Even QUEUED -> QUEUED is a release write: it pairs with the acquire exchange in
         * poll_one, so what the future wrote before waking (its result, in the frame) is visible
         * to the poll that follows. */
        if (atomic_compare_exchange_weak_explicit(&t->sched, &s, to, memory_order_release, memory_order_relaxed)) {
            if (s == IDLE) {
                enqueue(t);
            }
            return;
        }
    }
}

_Noreturn void vex_trap(uint32_t code) {
    if (!trap_exit) {
        abort();  /* generated code called outside a poll */
    }
    trap_code = code;
    longjmp(*trap_exit, 1);
}

static void finish(fx_task *t, enum fx_outcome outcome, uint64_t value) {
    t->outcome = outcome;
    t->value = value;
    pthread_mutex_lock(&queue_lock);
    unfinished--;
    pthread_cond_signal(&queue_nonempty);
    pthread_mutex_unlock(&queue_lock);
}

static void poll_one(fx_task *t) {
    /* Acquire pairs with fx_wake's release. */
    atomic_exchange_explicit(&t->sched, RUNNING, memory_order_acquire);
    jmp_buf exit;
    volatile int trapped = setjmp(exit);
    if (trapped) {
        trap_exit = NULL;
        finish(t, FX_TRAPPED, trap_code);
        return;
    }
    trap_exit = &exit;
    vex_poll r = t->desc->resume(t->frame, (vex_task *) t);
    trap_exit = NULL;
    if (r.status == VEX_READY) {
        finish(t, FX_DONE, r.value);
    } else if (r.status == VEX_FAILED) {
        finish(t, FX_TRAPPED, r.value);
    } else {
        int s = RUNNING;
        /* Back to IDLE unless a wake came during the poll (NOTIFIED); then poll again.  The
         * failure's acquire pairs with that wake's release. */
        if (!atomic_compare_exchange_strong_explicit(&t->sched, &s, IDLE, memory_order_release, memory_order_acquire)) {
            atomic_store_explicit(&t->sched, QUEUED, memory_order_relaxed);
            enqueue(t);
        }
    }
}

void fx_run(void) {
    for (;;) {
        pthread_mutex_lock(&queue_lock);
        while (!queue_head && unfinished > 0) {
            pthread_cond_wait(&queue_nonempty, &queue_lock);
        }
        fx_task *t = queue_head;
        if (!t) {
            pthread_mutex_unlock(&queue_lock);
            return;  /* nothing queued and nothing unfinished */
        }
        queue_head = t->next;
        if (!queue_head) {
            queue_tail = NULL;
        }
        pthread_mutex_unlock(&queue_lock);
        poll_one(t);
    }
}

enum fx_outcome fx_outcome(const fx_task *t, uint64_t *value) {
    if (value) {
        *value = t->value;
    }
    return t->outcome;
}

uint64_t fx_result(const fx_task *t, uint32_t i) {
    uint64_t v;
    memcpy(&v, (const char *) t->frame + 8 + 8 * t->desc->nparams + 8 * (i - 1), 8);
    return v;
}

void fx_free(fx_task *t) {
    free(t);
}
