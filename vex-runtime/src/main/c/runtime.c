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
    inject_init(&rt->inject);
    block_pool_init(&rt->blocks);
    pthread_mutex_init(&rt->idle_lock, NULL);
    pthread_mutex_init(&rt->chan_lock, NULL);
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
        vex_cancel((int64_t)(uintptr_t)t); /* queues it on the injection queue */
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
                vex_cancel((int64_t)(uintptr_t)t); /* queued already: only marks it */
                task_run(t);                       /* sees the mark: the cancellation path */
                t = next;
            }
        }
        int64_t n;
        vex_task *t = inject_pop_batch(&rt->inject, INT64_MAX, &n);
        while (t) {
            vex_task *next = t->next;
            any = true;
            vex_cancel((int64_t)(uintptr_t)t);
            task_run(t);
            t = next;
        }
        if (!any) return;
    }
}

void vex_runtime_destroy(vex_runtime *rt) {
    atomic_store_explicit(&rt->shutdown, 1, memory_order_seq_cst);
    /* Under idle_lock, where park() resets its word: a worker that resets it after this sees
     * shutdown (it took the lock after us); one that reset it before has it overwritten. */
    pthread_mutex_lock(&rt->idle_lock);
    for (int32_t i = 0; i < rt->nworkers; i++)
        atomic_store_explicit(&rt->workers[i].park_word, 1, memory_order_seq_cst);
    pthread_mutex_unlock(&rt->idle_lock);
    for (int32_t i = 0; i < rt->nworkers; i++) vex_futex_wake(&rt->workers[i].park_word, 1);
    for (int32_t i = 0; i < rt->nworkers; i++) reactor_unpark(rt->reactor);
    for (int32_t i = 0; i < rt->nworkers; i++) pthread_join(rt->workers[i].thread, NULL);

    /* Single-threaded from here.  Queued tasks first: their cancel hooks unlink them from the
     * timers, channels and sockets they wait on.  Then whatever is still parked. */
    drain_queues(rt);
    for (int32_t i = 0; i < rt->nworkers; i++) {
        timer_node *n = timer_expire(&rt->workers[i].timers, INT64_MAX);
        while (n) {
            timer_node *next = n->sibling;
            n->task->next = NULL;
            cancel_parked(n->task);
            n = next;
        }
    }
    cancel_parked(chan_free_all(rt));
    drain_queues(rt);
    cancel_parked(reactor_free(rt->reactor));
    drain_queues(rt);

    block_pool_destroy(&rt->blocks); /* every block is dead: the chunks go */
    inject_destroy(&rt->inject);
    pthread_mutex_destroy(&rt->idle_lock);
    pthread_mutex_destroy(&rt->chan_lock);
    free(rt->workers);
    free(rt);
}
