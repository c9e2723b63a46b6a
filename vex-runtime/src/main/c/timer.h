/* timer.h: a per-worker timer heap.  A pairing heap whose nodes live inside the frames of
 * vex_sleep futures, so that a sleeping task costs no memory beyond its frame.  Ties in the
 * deadline are broken by insertion order, so timers fire in (deadline, arrival) order.
 *
 * The owning worker inserts and expires; a cancel hook on any worker may remove a node, so
 * every operation holds the heap's spinlock. */
#ifndef VEX_TIMER_H
#define VEX_TIMER_H

#include <stdatomic.h>
#include <stdint.h>

#include "spinlock.h"
#include "vex_runtime.h"

typedef struct timer_node {
    int64_t deadline; /* CLOCK_MONOTONIC nanoseconds */
    uint64_t seq;
    struct timer_node *child, *sibling;
    struct timer_node *prev; /* the parent if leftmost child, else the left sibling */
    vex_task *task;          /* with one reference, while linked */
    struct timer_heap *heap;
    _Atomic uint32_t fired; /* set (release) when expired; the sleep's poll reads it (acquire) */
    uint32_t linked;        /* guarded by heap->lock */
} timer_node;

typedef struct timer_heap {
    vex_spinlock lock;
    timer_node *root;
    uint64_t next_seq;
    /* The root's deadline or INT64_MAX, updated under lock; read without it as a hint. */
    _Atomic int64_t earliest;
} timer_heap;

void timer_heap_init(timer_heap *h);
void timer_insert(timer_heap *h, timer_node *n);
/* Removes n if still linked; returns 1 if it was (the caller then owns the task reference). */
int timer_remove(timer_heap *h, timer_node *n);
/* Unlinks every node with deadline <= now, in firing order, chained through ->sibling. */
timer_node *timer_expire(timer_heap *h, int64_t now);
static inline int64_t timer_earliest(timer_heap *h) {
    return atomic_load_explicit(&h->earliest, memory_order_relaxed);
}

#endif
