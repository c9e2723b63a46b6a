/* worker.c: the scheduling loop of one worker: where the next task comes from, stealing,
 * timers, and parking without lost wake-ups.
 *
 * Parking protocol (a Dekker pair, like Tokio's idle set):
 *   a waker:  publishes the task (deque or injection queue); seq_cst fence; reads nsearching and
 *             nidle; if nobody searches and someone is idle, takes one worker off the idle list
 *             and wakes it, counting it as searching.
 *   a parker: puts itself on the idle list (nidle++) and stops searching (nsearching--); seq_cst
 *             fence; looks at every queue once more; sleeps only if all were empty.
 * The two fences order each side's write before its read, so at least one side sees the other:
 * either the waker sees the parker idle (and wakes it) or the parker sees the task.
 * A searching worker that finds work while it was the last searcher wakes another, so a burst
 * of work fans out. */
#include "worker.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "futex.h"
#include "invoke.h"
#include "reactor.h"
#include "task.h"

VEX_TLS vex_worker *vex_current_worker;
VEX_TLS struct vex_runtime *vex_current_runtime;

enum {
    MAINTENANCE_INTERVAL = 61, /* ticks between looks at the injection queue, timers, reactor */
    YIELD_INTERVAL = 8,        /* ticks between forced looks at the yield list */
    LIFO_MAX_POLLS = 3,        /* LIFO-slot tasks in a row before the slot goes to the back */
    INJECT_BATCH = 32,
};

/* ---- Queues --------------------------------------------------------------------------------- */

/* Pushes onto the owner's deque; when full, moves half of it to the injection queue first. */
static void push_local(vex_worker *w, vex_task *t) {
    while (!deque_push(&w->deque, t)) {
        vex_task *first = NULL, *last = NULL;
        int64_t n = 0;
        while (n < VEX_DEQUE_CAP / 2) {
            bool lost;
            vex_task *x = deque_steal(&w->deque, &lost); /* our own top: the oldest tasks */
            if (!x) {
                if (lost) continue;
                break;
            }
            if (last) last->next = x;
            else first = x;
            last = x;
            n++;
        }
        if (n) inject_push_batch(&w->rt->inject, first, last, n);
    }
}

void schedule_yielded(vex_worker *w, vex_task *t) {
    t->next = NULL;
    if (w->yield_tail) w->yield_tail->next = t;
    else w->yield_head = t;
    w->yield_tail = t;
}

static vex_task *yield_pop(vex_worker *w) {
    vex_task *t = w->yield_head;
    if (t) {
        w->yield_head = t->next;
        if (!w->yield_head) w->yield_tail = NULL;
    }
    return t;
}

void schedule_task(vex_task *t, bool woken) {
    struct vex_runtime *rt = t->rt;
    vex_worker *w = vex_current_worker;
    if (w && w->rt == rt) {
        if (woken && w->wake_fifo) {
            schedule_yielded(w, t);
            return;
        }
        if (woken) {
            vex_task *prev = w->lifo;
            w->lifo = t;
            if (!prev) return; /* we are running: it is next, nobody else need wake */
            t = prev;
        }
        push_local(w, t);
        if (rt->nworkers > 1) notify_parked(rt);
    } else {
        inject_push(&rt->inject, t);
        notify_parked(rt);
    }
}

void notify_parked(struct vex_runtime *rt) {
    /* seq_cst fence: the waker's half of the parking protocol (top of file): our publication of
     * a task happens before our reads of nsearching and nidle in the single total order. */
    atomic_thread_fence(memory_order_seq_cst);
    if (atomic_load_explicit(&rt->nsearching, memory_order_relaxed) != 0) return;
    if (atomic_load_explicit(&rt->nidle, memory_order_relaxed) == 0) return;
    pthread_mutex_lock(&rt->idle_lock);
    vex_worker *v = rt->idle_list;
    if (v) {
        rt->idle_list = v->idle_next;
        v->idle = false;
        atomic_fetch_sub_explicit(&rt->nidle, 1, memory_order_relaxed);
        atomic_fetch_add_explicit(&rt->nsearching, 1, memory_order_relaxed);
        /* seq_cst: pairs with the parker's seq_cst store of `driving` and load of park_word. */
        atomic_store_explicit(&v->park_word, 1, memory_order_seq_cst);
    }
    pthread_mutex_unlock(&rt->idle_lock);
    if (v) {
        vex_futex_wake(&v->park_word, 1);
        if (atomic_load_explicit(&v->driving, memory_order_seq_cst)) reactor_unpark(rt->reactor);
    }
}

static void leave_searching(vex_worker *w) {
    w->searching = false;
    /* The last searcher to find work wakes another, which finds the rest if there is any. */
    if (atomic_fetch_sub_explicit(&w->rt->nsearching, 1, memory_order_relaxed) == 1)
        notify_parked(w->rt);
}

/* ---- Finding work --------------------------------------------------------------------------- */

static void fire_timers(vex_worker *w) {
    if (timer_earliest(&w->timers) == INT64_MAX) return;
    timer_node *n = timer_expire(&w->timers, vex_now_ns());
    w->wake_fifo = true;
    while (n) {
        timer_node *next = n->sibling;
        vex_task *t = n->task;
        /* release: pairs with the sleep's acquire load of fired (a spurious poll may see it
         * before the wake below delivers it). */
        atomic_store_explicit(&n->fired, 1, memory_order_release);
        vex_task_wake(t); /* consumes the timer's reference; n may be gone after this */
        n = next;
    }
    w->wake_fifo = false;
}

static vex_task *take_inject(vex_worker *w) {
    int64_t n;
    int64_t max = VEX_DEQUE_CAP / 2 < INJECT_BATCH ? VEX_DEQUE_CAP / 2 : INJECT_BATCH;
    vex_task *t = inject_pop_batch(&w->rt->inject, max, &n);
    if (!t) return NULL;
    /* The deque pops newest first: push the rest newest first so they run in arrival order. */
    vex_task *rest[INJECT_BATCH];
    int k = 0;
    for (vex_task *x = t->next; x; x = x->next) rest[k++] = x;
    while (k > 0) push_local(w, rest[--k]);
    return t;
}

static vex_task *next_local(vex_worker *w) {
    if (w->lifo) {
        vex_task *t = w->lifo;
        w->lifo = NULL;
        if (w->lifo_polls < LIFO_MAX_POLLS) {
            w->lifo_polls++;
            return t;
        }
        schedule_yielded(w, t); /* behind everything else: ping-pong pairs cannot starve others */
    }
    w->lifo_polls = 0;
    if (w->yield_head && w->tick % YIELD_INTERVAL == 0) return yield_pop(w);
    vex_task *t = deque_owner_empty(&w->deque) ? NULL : deque_take(&w->deque);
    return t ? t : yield_pop(w);
}

static vex_task *steal(vex_worker *w) {
    struct vex_runtime *rt = w->rt;
    int32_t n = rt->nworkers;
    w->rng ^= w->rng << 13;
    w->rng ^= w->rng >> 7;
    w->rng ^= w->rng << 17;
    int32_t start = (int32_t)(w->rng % (uint64_t)n);
    for (int32_t i = 0; i < n; i++) {
        vex_worker *v = &rt->workers[(start + i) % n];
        if (v == w) continue;
        /* Steal half of what we see, one CAS each (a batched CAS of top is unsound against the
         * owner's CAS-free take). */
        int64_t want = (deque_len(&v->deque) + 1) / 2, got = 0, retries = 0;
        vex_task *first = NULL;
        while (got < want) {
            bool lost;
            vex_task *x = deque_steal(&v->deque, &lost);
            if (!x) {
                if (lost && ++retries < 8) continue;
                break;
            }
            if (!first) first = x;
            else push_local(w, x);
            got++;
        }
        if (first) return first;
    }
    return NULL;
}

static void maintenance(vex_worker *w) {
    fire_timers(w);
    reactor_poll_now(w->rt->reactor);
}

static vex_task *find_task(vex_worker *w) {
    w->tick++;
    if (w->tick % MAINTENANCE_INTERVAL == 0) {
        maintenance(w);
        vex_task *t = take_inject(w); /* before local work: outside submissions cannot starve */
        if (t) return t;
    }
    vex_task *t = next_local(w);
    if (t) return t;
    fire_timers(w);
    if ((t = next_local(w))) return t;
    if ((t = take_inject(w))) return t;
    if ((t = steal(w))) return t;
    if (reactor_poll_now(w->rt->reactor) && (t = next_local(w))) return t;
    return NULL;
}

/* ---- Parking -------------------------------------------------------------------------------- */

static bool work_visible(vex_worker *w) {
    struct vex_runtime *rt = w->rt;
    if (inject_len(&rt->inject) > 0) return true;
    for (int32_t i = 0; i < rt->nworkers; i++)
        if (deque_len(&rt->workers[i].deque) > 0) return true;
    return timer_earliest(&w->timers) <= vex_now_ns();
}

static void unidle(vex_worker *w) {
    struct vex_runtime *rt = w->rt;
    pthread_mutex_lock(&rt->idle_lock);
    if (w->idle) {
        vex_worker **p = &rt->idle_list;
        while (*p != w) p = &(*p)->idle_next;
        *p = w->idle_next;
        w->idle = false;
        atomic_fetch_sub_explicit(&rt->nidle, 1, memory_order_relaxed);
    } else {
        w->searching = true; /* a notifier took us off the list and counted us as searching */
    }
    pthread_mutex_unlock(&rt->idle_lock);
}

static void park(vex_worker *w) {
    struct vex_runtime *rt = w->rt;
    pthread_mutex_lock(&rt->idle_lock);
    atomic_store_explicit(&w->park_word, 0, memory_order_relaxed);
    w->idle = true;
    w->idle_next = rt->idle_list;
    rt->idle_list = w;
    atomic_fetch_add_explicit(&rt->nidle, 1, memory_order_relaxed);
    pthread_mutex_unlock(&rt->idle_lock);
    if (w->searching) {
        w->searching = false;
        atomic_fetch_sub_explicit(&rt->nsearching, 1, memory_order_relaxed);
    }
    /* seq_cst fence: the parker's half of the protocol (top of file). */
    atomic_thread_fence(memory_order_seq_cst);
    if (!atomic_load_explicit(&rt->shutdown, memory_order_acquire) && !work_visible(w)) {
        int64_t earliest = timer_earliest(&w->timers);
        int64_t timeout = -1;
        if (earliest != INT64_MAX) {
            timeout = earliest - vex_now_ns();
            if (timeout < 0) timeout = 0;
        }
        if (reactor_acquire(rt->reactor)) {
            /* seq_cst: pairs with notify_parked's store of park_word and load of driving: either
             * it sees us driving (and writes the reactor's eventfd) or we see its 1 here. */
            atomic_store_explicit(&w->driving, 1, memory_order_seq_cst);
            if (atomic_load_explicit(&w->park_word, memory_order_seq_cst) == 0)
                reactor_wait(rt->reactor, timeout);
            atomic_store_explicit(&w->driving, 0, memory_order_relaxed);
            reactor_release(rt->reactor);
        } else {
            vex_futex_wait(&w->park_word, 0, timeout);
        }
    }
    unidle(w);
}

void *worker_main(void *arg) {
    vex_worker *w = arg;
    vex_current_worker = w;
    struct vex_runtime *rt = w->rt;
    /* One trap exit for the worker's life, set up once (no cost per poll): a trap in generated
     * code (vex_trap, or a prologue's stack check against the limit set here) longjmps back to
     * here, fails the task being polled and goes on with the next. Generated frames hold nothing
     * to unwind, and the C between here and the resume function holds no lock across the poll. */
    invoke_ctx exit_ctx;
    exit_ctx.outer = NULL;
    exit_ctx.code = 0;
    exit_ctx.pc = 0;
    vex_stack_limit = invoke_thread_stack_limit();
    vex_invoke_current = &exit_ctx;
    if (setjmp(exit_ctx.exit) != 0) {
        vex_task *t = w->current;
        uint32_t code = exit_ctx.code;
        uintptr_t pc = exit_ctx.pc;
        exit_ctx.code = 0;
        w->current = NULL;
        task_fail_trapped(t, code, pc);
    }
    while (!atomic_load_explicit(&rt->shutdown, memory_order_acquire)) {
        vex_task *t = find_task(w);
        if (t) {
            if (w->searching) leave_searching(w);
            task_run(t);
        } else {
            park(w);
        }
    }
    vex_invoke_current = NULL;
    vex_stack_limit = 0;
    vex_current_worker = NULL;
    handle_cache_flush(&w->handles);
    /* release: everything this worker did happens before the shutdown that sees it exited. */
    atomic_store_explicit(&w->exited, 1, memory_order_release);
    vex_futex_wake(&w->exited, 1);
    return NULL;
}

vex_task *worker_drain_local(vex_worker *w) {
    vex_task *head = NULL;
    vex_task *t;
    if (w->lifo) {
        w->lifo->next = head;
        head = w->lifo;
        w->lifo = NULL;
    }
    while ((t = deque_take(&w->deque))) {
        t->next = head;
        head = t;
    }
    while ((t = yield_pop(w))) {
        t->next = head;
        head = t;
    }
    return head;
}
