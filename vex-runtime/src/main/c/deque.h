/* deque.h: a bounded Chase-Lev work-stealing deque of task pointers.
 *
 * The owner pushes and takes at the bottom (LIFO); thieves steal at the top (FIFO).  Memory
 * orderings are those of Lê, Pop, Cohen and Zappa Nardelli, "Correct and Efficient
 * Work-Stealing for Weak Memory Models" (PPoPP 2013), with the growable array replaced by a
 * fixed ring: a full deque makes push fail and the caller moves half of it to the injection
 * queue.
 *
 * top and bottom are 64-bit counters that only grow (top) or move by one around a stable
 * point (bottom), so a slot index never repeats within the life of the process: the CAS on top
 * cannot suffer ABA.
 */
#ifndef VEX_DEQUE_H
#define VEX_DEQUE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vex_runtime.h"

#ifndef VEX_DEQUE_CAP
#define VEX_DEQUE_CAP 256 /* the stress build uses 4 to reach the full and empty edges */
#endif
_Static_assert((VEX_DEQUE_CAP & (VEX_DEQUE_CAP - 1)) == 0, "capacity must be a power of two");

typedef struct {
    _Alignas(64) _Atomic int64_t top;    /* thieves CAS it */
    _Alignas(64) _Atomic int64_t bottom; /* written by the owner only */
    _Atomic(vex_task *) slots[VEX_DEQUE_CAP];
} vex_deque;

void deque_init(vex_deque *d);
/* Owner only.  false when full (the item is not pushed). */
bool deque_push(vex_deque *d, vex_task *t);
/* Owner only.  NULL when empty. */
vex_task *deque_take(vex_deque *d);
/* Any thread.  NULL when empty or when the race for the top item was lost. */
vex_task *deque_steal(vex_deque *d, bool *lost_race);
/* Owner only: true if empty.  top only grows, so a stale top can only make the deque look
 * fuller than it is: `true` is exact, and lets the owner skip deque_take's fence. */
static inline bool deque_owner_empty(vex_deque *d) {
    return atomic_load_explicit(&d->bottom, memory_order_relaxed) <=
           atomic_load_explicit(&d->top, memory_order_relaxed);
}
/* Any thread, a hint: the number of items, possibly stale. */
int64_t deque_len(vex_deque *d);

#endif
