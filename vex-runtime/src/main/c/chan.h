/* chan.h: a channel's insides, shared by chan.c (send, receive, close) and select.c.
 *
 * A channel is a ring buffer plus two FIFO lists of parked senders and receivers, all under one
 * spinlock.  A waiter node lives in the frame of the operation that parked (a send or receive
 * future), or in a select's heap block.  A select parks one waiter per operation, on several
 * channels at once; only one of them may complete.  Such a waiter is marked `select` and points
 * at its select's `winner` word: whoever pops it from a list under the channel's lock (a peer,
 * close, teardown) must first win that word with a CAS (waiter_claim).  A peer that loses found
 * a stale waiter (another branch of the select won): it unlinks it, takes over the reference
 * the node held on the task (it drops it after unlocking), and looks at the next waiter.  So a
 * value is handed to a select branch only if that branch is the one that completes: nothing a
 * losing branch would have received is lost, it stays in the channel for the next receiver. */
#ifndef VEX_CHAN_H
#define VEX_CHAN_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "spinlock.h"
#include "vex_runtime.h"

typedef struct waiter {
    struct waiter *next, *prev;
    vex_task *task; /* with a reference while linked */
    int64_t value;  /* sender: the value; receiver: what it got */
    /* 0 parked, 1 done (status 0), 2 done because closed.  Stored (release) under the lock by
     * the completer after it wrote value and unlinked the node, and never touched by it again;
     * the owner's next poll loads it (acquire) without the lock. */
    _Atomic uint32_t done;
    uint16_t linked;
    uint16_t select; /* a select_waiter (select.c): claim it before completing it */
} waiter;

/* A select's waiter: one per operation of a parked %vex_select. */
typedef struct select_waiter {
    waiter w;
    _Atomic int64_t *winner; /* the select's: SELECT_UNDECIDED until one branch wins it */
    struct vex_chan *ch;
    int64_t index; /* the operation's index in the select */
} select_waiter;

#define SELECT_UNDECIDED INT64_MIN
#define SELECT_TIMED_OUT (-1)
#define SELECT_TORN_DOWN (INT64_MIN + 1) /* the runtime's teardown took the select */

typedef struct {
    waiter *head, *tail;
} waitlist;

typedef struct vex_chan {
    vex_spinlock lock;
    int64_t handle;
    bool closed;
    int64_t cap, head, count;
    waitlist senders, receivers;
    struct vex_runtime *rt;
    struct vex_chan *prev, *next; /* the runtime's list, under rt->chan_lock */
    int64_t buf[];
} vex_chan;

static inline void wl_push(waitlist *l, waiter *w) {
    w->next = NULL;
    w->prev = l->tail;
    if (l->tail) l->tail->next = w;
    else l->head = w;
    l->tail = w;
    w->linked = 1;
}

static inline void wl_unlink(waitlist *l, waiter *w) {
    if (w->prev) w->prev->next = w->next;
    else l->head = w->next;
    if (w->next) w->next->prev = w->prev;
    else l->tail = w->prev;
    w->next = w->prev = NULL;
    w->linked = 0;
}

/* Wins the right to complete w (under the channel's lock): always for a plain operation; for a
 * select's waiter, only if no other branch of its select won first.  acq_rel: the winner's
 * later writes (value, done) follow it, and the select's poll acquires the winner word. */
static inline bool waiter_claim(waiter *w) {
    if (!w->select) return true;
    select_waiter *s = (select_waiter *)w;
    int64_t expected = SELECT_UNDECIDED;
    return atomic_compare_exchange_strong_explicit(s->winner, &expected, s->index,
                                                   memory_order_acq_rel, memory_order_acquire);
}

/* Teardown: whether w's select is still undecided (then it is the teardown's now). */
static inline bool select_claim_for_teardown(select_waiter *s) {
    int64_t expected = SELECT_UNDECIDED;
    return atomic_compare_exchange_strong_explicit(s->winner, &expected, SELECT_TORN_DOWN,
                                                   memory_order_acq_rel, memory_order_acquire);
}

/* Tasks whose stale waiters were unlinked under a lock, to unreference after unlocking. */
typedef struct {
    int n;
    vex_task *t[8];
} stale_refs;

/* Pops the first waiter of l that can be completed, claiming it; stale select waiters met on
 * the way are unlinked and their references collected in stale (dropped at once when it is
 * full: even a last reference may go under the lock, task_free takes no channel lock). */
static inline waiter *wl_pop_live(waitlist *l, stale_refs *stale) {
    waiter *w;
    while ((w = l->head)) {
        wl_unlink(l, w);
        if (waiter_claim(w)) return w;
        if (stale->n < 8) stale->t[stale->n++] = w->task;
        else vex_task_unref(w->task);
    }
    return NULL;
}

static inline void stale_drop(stale_refs *stale) {
    for (int i = 0; i < stale->n; i++) vex_task_unref(stale->t[i]);
    stale->n = 0;
}

/* Completes a parked operation (under the lock, claimed and unlinked); returns its task to wake
 * after unlocking. */
static inline vex_task *waiter_finish(waiter *w, uint32_t how) {
    vex_task *t = w->task;
    atomic_store_explicit(&w->done, how, memory_order_release); /* the node is the owner's now */
    return t;
}

/* Under ch's lock: completes a send of value, or a receive, now if it can (closed counts).
 * True with *status (0 done, 1 closed), the received *value, and in *wake a parked peer to wake
 * after unlocking (or NULL); false if the operation would have to wait. */
bool chan_try_send_locked(vex_chan *ch, int64_t value, uint64_t *status, vex_task **wake,
                          stale_refs *stale);
bool chan_try_recv_locked(vex_chan *ch, uint64_t *status, int64_t *value, vex_task **wake,
                          stale_refs *stale);

#endif
