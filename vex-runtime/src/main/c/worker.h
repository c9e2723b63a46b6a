/* worker.h: the runtime, its workers, and scheduling.
 *
 * Each worker is one OS thread with
 *   - a LIFO slot: the task it woke most recently, run next (message passing stays hot);
 *   - a bounded Chase-Lev deque (deque.h) of spawned and evicted tasks, stealable;
 *   - a private FIFO of tasks that were woken while they ran (vex_yield), taken when the deque is
 *     empty or every YIELD_INTERVAL ticks, so a task that yields forever cannot starve others;
 *   - a timer heap, and a cache of free task blocks (block.h).
 * The global injection queue takes submissions from other threads and deque overflow.
 */
#ifndef VEX_WORKER_H
#define VEX_WORKER_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "block.h"
#include "deque.h"
#include "handle.h"
#include "inject.h"
#include "timer.h"
#include "vex_runtime.h"


struct reactor;

typedef struct vex_worker {
    struct vex_runtime *rt;
    int32_t index;
    pthread_t thread;
    vex_deque deque;
    vex_task *lifo; /* owner only */
    uint32_t lifo_polls;
    vex_task *yield_head, *yield_tail; /* owner only */
    /* Set by vex_yield in the task being polled: task_run then queues it on the yield list still
     * RUNNING, with no atomic operation (see task_run). */
    bool yielding;
    vex_task *current; /* owner only: the task being polled, which a trap fails */
    uintptr_t failed_site; /* owner only: the trap site a leaf returning VEX_FAILED passes on */
    uint32_t tick;
    bool wake_fifo; /* owner only: wakes go behind the others (timers fire in order) */
    bool searching; /* owner only; mirrors its share of rt->nsearching */
    timer_heap timers;
    /* Parking: 0 = parked or about to park, 1 = notified.  The notifier stores 1 under
     * rt->idle_lock after removing the worker from the idle list. */
    _Atomic uint32_t park_word;
    _Atomic uint32_t driving; /* inside epoll_wait as the reactor driver */
    bool idle;                /* on the idle list; guarded by rt->idle_lock */
    struct vex_worker *idle_next;
    block_cache blocks; /* free task and frame blocks (owner only; block.h) */
    handle_cache handles; /* free handle-table slots (owner only; handle.h) */
    /* Set (release) as the worker's loop ends, so shutdown can wait for it with a bound. */
    _Atomic uint32_t exited;
    /* Tasks allocated and freed on this worker: written by the owner only (relaxed load+store),
     * read by anyone for vex_runtime_live_tasks. */
    _Atomic int64_t spawned, freed;
    uint64_t rng;
} vex_worker;

/* A thread blocked in vex_handle_wait: on its runtime's list while it waits, so that a shutdown
 * that cannot stop a task can fail its joiners (word 2) instead of leaving them blocked. */
typedef struct thread_joiner {
    _Atomic uint32_t word; /* 0 waiting, 1 completed, 2 abandoned */
    vex_task *task;
    struct thread_joiner *prev, *next;
} thread_joiner;

struct vex_runtime {
    int32_t nworkers;
    vex_worker *workers;
    vex_inject inject;
    _Atomic uint32_t shutdown;
    /* Idle workers: a list under idle_lock; nidle and nsearching are read without it. */
    pthread_mutex_t idle_lock;
    vex_worker *idle_list;
    _Atomic int32_t nidle;
    _Atomic int32_t nsearching;
    /* Tasks allocated and freed off the workers. */
    _Atomic int64_t ext_spawned, ext_freed;
    struct reactor *reactor;
    block_pool blocks;
    /* Channels created on this runtime, freed with it. */
    pthread_mutex_t chan_lock;
    struct vex_chan *chans;
    /* Threads in vex_handle_wait; joiners_gone is set (and woken) when the list empties. */
    pthread_mutex_t joiner_lock;
    thread_joiner *joiners;
    bool joiners_closed; /* set by the shutdown: a joiner arriving later does not wait */
    _Atomic uint32_t joiners_gone;
};

/* initial-exec: one instruction per access instead of a __tls_get_addr call in the shared
 * library (these two pointers fit glibc's static TLS surplus for dlopen'ed libraries). */
#define VEX_TLS _Thread_local __attribute__((tls_model("initial-exec")))
/* The worker the calling thread is, or NULL. */
extern VEX_TLS vex_worker *vex_current_worker;
/* The runtime vex_spawn uses off a worker (vex_runtime_enter). */
extern VEX_TLS struct vex_runtime *vex_current_runtime;

static inline struct vex_runtime *current_runtime(void) {
    return vex_current_worker ? vex_current_worker->rt : vex_current_runtime;
}

/* Queues a task that holds a NOTIFIED reference.  woken: from a waker (goes to the LIFO slot on
 * the current worker) rather than a spawn (goes to the deque). */
void schedule_task(vex_task *t, bool woken);
/* Queues a task that was woken while it ran, behind the others (the yield list). */
void schedule_yielded(vex_worker *w, vex_task *t);
/* Wakes one parked worker if work may be waiting and nobody is looking for it. */
void notify_parked(struct vex_runtime *rt);
void *worker_main(void *arg);
/* Worker-side helpers for the runtime's teardown. */
vex_task *worker_drain_local(vex_worker *w);

#endif
