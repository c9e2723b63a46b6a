/* runtime.c: creating and destroying a runtime; teardown cancels what is left. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "futex.h"
#include "reactor.h"
#include "task.h"
#include "worker.h"

vex_task *chan_free_all(struct vex_runtime *rt);

vex_runtime *vex_runtime_create(int32_t workers) {
    if (workers <= 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        workers = n > 0 ? (int32_t)n : 1;
    }
    struct vex_runtime *rt = calloc(1, sizeof *rt);
    if (!rt) return NULL;
    rt->nworkers = workers;
    rt->workers = aligned_alloc(64, ((size_t)workers * sizeof(vex_worker) + 63) / 64 * 64);
    rt->reactor = reactor_new();
    if (!rt->workers || !rt->reactor) {
        if (rt->reactor) reactor_free(rt->reactor);
        free(rt->workers);
        free(rt);
        errno = ENOMEM;
        return NULL;
    }
    memset(rt->workers, 0, (size_t)workers * sizeof(vex_worker));
    handle_init();
    inject_init(&rt->inject);
    block_pool_init(&rt->blocks);
    pthread_mutex_init(&rt->idle_lock, NULL);
    pthread_mutex_init(&rt->chan_lock, NULL);
    pthread_mutex_init(&rt->joiner_lock, NULL);
    for (int32_t i = 0; i < workers; i++) {
        vex_worker *w = &rt->workers[i];
        w->rt = rt;
        w->index = i;
        w->rng = 0x9E3779B97F4A7C15ull * (uint64_t)(i + 1);
        deque_init(&w->deque);
        timer_heap_init(&w->timers);
    }
    for (int32_t i = 0; i < workers; i++)
        pthread_create(&rt->workers[i].thread, NULL, worker_main, &rt->workers[i]);
    return rt;
}

int32_t vex_runtime_workers(const vex_runtime *rt) { return rt->nworkers; }

void vex_runtime_enter(vex_runtime *rt) { vex_current_runtime = rt; }

int64_t vex_runtime_live_tasks(const vex_runtime *rt) {
    struct vex_runtime *r = (struct vex_runtime *)rt;
    int64_t live = atomic_load_explicit(&r->ext_spawned, memory_order_relaxed) -
                   atomic_load_explicit(&r->ext_freed, memory_order_relaxed);
    for (int32_t i = 0; i < r->nworkers; i++)
        live += atomic_load_explicit(&r->workers[i].spawned, memory_order_relaxed) -
                atomic_load_explicit(&r->workers[i].freed, memory_order_relaxed);
    return live;
}

/* Cancels tasks found parked (each with its registration's reference, already unlinked). */
static void cancel_parked(vex_task *list) {
    while (list) {
        vex_task *t = list;
        list = t->next;
        t->hook = NULL; /* its registration is gone already (the socket may be too) */
        task_request_cancel(t); /* queues it on the injection queue */
        vex_task_unref(t);
    }
}

/* Runs every queued task's cancellation path, until no queue holds a task. */
static void drain_queues(struct vex_runtime *rt) {
    for (;;) {
        bool any = false;
        for (int32_t i = 0; i < rt->nworkers; i++) {
            vex_task *t = worker_drain_local(&rt->workers[i]);
            while (t) {
                vex_task *next = t->next;
                any = true;
                task_request_cancel(t); /* queued already: only marks it */
                task_run(t);                       /* sees the mark: the cancellation path */
                t = next;
            }
        }
        int64_t n;
        vex_task *t = inject_pop_batch(&rt->inject, INT64_MAX, &n);
        while (t) {
            vex_task *next = t->next;
            any = true;
            task_request_cancel(t);
            task_run(t);
            t = next;
        }
        if (!any) return;
    }
}

static bool wait_exited(vex_worker *w, int64_t deadline) {
    for (;;) {
        /* acquire: pairs with worker_main's release store. */
        if (atomic_load_explicit(&w->exited, memory_order_acquire)) return true;
        int64_t left = deadline - vex_now_ns();
        if (left <= 0) return false;
        vex_futex_wait(&w->exited, 0, left);
    }
}

/* Fails (word 2) every thread joiner whose task has not completed and whose registration we can
 * still withdraw; a joiner the completer already owns is woken by it as usual. */
static void abandon_joiners(struct vex_runtime *rt) {
    pthread_mutex_lock(&rt->joiner_lock);
    rt->joiners_closed = true;
    for (thread_joiner *j = rt->joiners; j; j = j->next) {
        if (join_unregister(j->task)) {
            /* release: pairs with the joiner's acquire load. */
            atomic_store_explicit(&j->word, 2, memory_order_release);
            vex_futex_wake(&j->word, 1);
        }
    }
    pthread_mutex_unlock(&rt->joiner_lock);
}

/* Waits until no thread is inside vex_handle_wait on rt (they read task memory until they
 * leave). */
static void wait_joiners_gone(struct vex_runtime *rt) {
    for (;;) {
        atomic_store_explicit(&rt->joiners_gone, 0, memory_order_relaxed);
        pthread_mutex_lock(&rt->joiner_lock);
        bool empty = rt->joiners == NULL;
        pthread_mutex_unlock(&rt->joiner_lock);
        if (empty) return;
        vex_futex_wait(&rt->joiners_gone, 0, 10 * 1000 * 1000);
    }
}

int32_t vex_runtime_shutdown(vex_runtime *rt, int64_t grace_ns) {
    if (!rt) return VEX_ERR_NO_RUNTIME;
    atomic_store_explicit(&rt->shutdown, 1, memory_order_seq_cst);
    /* Under idle_lock, where park() resets its word: a worker that resets it after this sees
     * shutdown (it took the lock after us); one that reset it before has it overwritten. */
    pthread_mutex_lock(&rt->idle_lock);
    for (int32_t i = 0; i < rt->nworkers; i++)
        atomic_store_explicit(&rt->workers[i].park_word, 1, memory_order_seq_cst);
    pthread_mutex_unlock(&rt->idle_lock);
    for (int32_t i = 0; i < rt->nworkers; i++) vex_futex_wake(&rt->workers[i].park_word, 1);
    for (int32_t i = 0; i < rt->nworkers; i++) reactor_unpark(rt->reactor);

    /* A worker stops between two polls; one inside a task that never suspends does not stop
     * (there is no preemption).  After the grace period such a runtime is abandoned: its
     * memory and the stuck threads are left alone (freeing them would pull the task's frame
     * from under it), and the threads blocked joining its tasks are failed. */
    if (grace_ns < 0) grace_ns = 0;
    int64_t now = vex_now_ns();
    int64_t deadline = grace_ns > INT64_MAX - now ? INT64_MAX : now + grace_ns;
    bool stuck = false;
    for (int32_t i = 0; i < rt->nworkers; i++)
        if (!wait_exited(&rt->workers[i], deadline)) stuck = true;
    if (stuck) {
        for (int32_t i = 0; i < rt->nworkers; i++) {
            if (atomic_load_explicit(&rt->workers[i].exited, memory_order_acquire))
                pthread_join(rt->workers[i].thread, NULL);
            else
                pthread_detach(rt->workers[i].thread);
        }
        abandon_joiners(rt);
        return VEX_ERR_BUSY;
    }
    for (int32_t i = 0; i < rt->nworkers; i++) pthread_join(rt->workers[i].thread, NULL);

    /* Single-threaded from here, but for threads in vex_handle_wait.  Queued tasks first: their
     * cancel hooks unlink them from the timers, channels and sockets they wait on.  Then
     * whatever is still parked. */
    drain_queues(rt);
    for (int32_t i = 0; i < rt->nworkers; i++) {
        timer_node *n = timer_expire(&rt->workers[i].timers, INT64_MAX);
        while (n) {
            timer_node *next = n->sibling;
            vex_task *t = n->task;
            /* Expired here as a worker would have: a hook that disarms this timer (a socket
             * deadline's, a select's) must see it fired, not wait for a worker to say so.
             * release: pairs with the acquire loads of fired in those hooks. */
            atomic_store_explicit(&n->fired, 1, memory_order_release);
            if (t->hook) { /* a select's or socket deadline's: its hook unlinks the task's other waits too */
                vex_cancel_hook h = t->hook;
                t->hook = NULL;
                h(t->u.hook_frame, t);
            }
            t->next = NULL;
            cancel_parked(t);
            n = next;
        }
    }
    cancel_parked(chan_free_all(rt));
    drain_queues(rt);
    cancel_parked(reactor_free(rt->reactor));
    drain_queues(rt);

    /* Joiners of completed tasks were woken; a task pending forever in no queue (no waker) has
     * none to wake its joiner: fail those.  Then wait until every joiner has left. */
    abandon_joiners(rt);
    wait_joiners_gone(rt);
    /* Handles still held anywhere die now: their slots are freed (stale handles fail the check)
     * and the tasks they held are released.  First, pins (a vex_cancel, or a vex_handle_wait
     * that claimed its handle before the shutdown and has not got to its wait) are given time
     * to go: they are short, but for a join on a task pending forever in no queue. */
    int64_t pin_deadline = vex_now_ns() + 1000 * 1000 * 1000;
    while (handle_pins_of_runtime(rt) > 0 && vex_now_ns() < pin_deadline) usleep(1000);
    /* The last unpin frees its slot before it releases the task: let such releases finish. */
    while (!handle_unpins_settled() && vex_now_ns() < pin_deadline + 1000 * 1000 * 1000) usleep(100);
    handle_release_runtime(rt);
    drain_queues(rt);

    block_pool_destroy(&rt->blocks); /* every block is dead: the chunks go */
    inject_destroy(&rt->inject);
    pthread_mutex_destroy(&rt->idle_lock);
    pthread_mutex_destroy(&rt->chan_lock);
    pthread_mutex_destroy(&rt->joiner_lock);
    free(rt->workers);
    free(rt);
    return 0;
}

int32_t vex_runtime_destroy(vex_runtime *rt) { return vex_runtime_shutdown(rt, VEX_SHUTDOWN_GRACE_NS); }
