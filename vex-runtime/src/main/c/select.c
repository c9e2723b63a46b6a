/* select.c: %vex_select, several channel operations and a deadline raced against each other
 * (the contract is in vex_select.h).
 *
 * First poll: every channel involved is locked (in address order, so two selects cannot
 * deadlock), and the operations are tried from a random start; the first that can complete
 * does, while nothing else can touch those channels.  If none can and the select may wait, it
 * allocates one waiter per operation (a heap frame of the task, so cancellation frees it), locks
 * the channels again, tries once more, and otherwise parks every waiter before unlocking.  From
 * then on the waiters share the frame's `winner` word: a peer or close that pops one must win
 * it first (chan.h); the deadline, a timer node in the frame, wins it from the select's own poll
 * after the timer fired.  The later poll that sees a winner withdraws the other waiters (under
 * each channel's lock) and the timer, then returns.
 *
 * The timer node stays in the frame, not the heap block: a timer already taken by a worker's
 * fire_timers cannot be removed any more, and that worker still writes the node's `fired` flag
 * before it wakes the task, so a select that won on a channel meanwhile waits for that wake
 * (it returns PENDING until `fired` is set) before it lets its frame go. */
#include <stdlib.h>

#include "chan.h"
#include "futex.h"
#include "handle.h"
#include "task.h"
#include "timer.h"
#include "vex_select.h"
#include "worker.h"

typedef struct {
    uint64_t state; /* 0 first poll, 1 parked */
    int64_t ops;    /* parameter 0: the address of the operations */
    int64_t n;
    int64_t timeout;
    int64_t status; /* result slot 1 */
    int64_t value;  /* result slot 2 */
    _Atomic int64_t winner;
    select_waiter *ws; /* one per operation, while parked */
    uint64_t armed;    /* the timer holds a reference on the task */
    timer_node node;
} select_frame;

_Static_assert(sizeof(select_frame) == VEX_SELECT_FRAME_SIZE, "select frame size is ABI");
_Static_assert(offsetof(select_frame, status) == 32 && offsetof(select_frame, value) == 40,
               "select result slots");

enum { WAIT_RECV = 1, WAIT_SEND = 2 }; /* waiter.select: which list the waiter is on */

/* The distinct channels of a select, sorted by address: the order they are locked in. */
typedef struct {
    int n;
    vex_chan *ch[VEX_SELECT_MAX_OPS];
} chan_set;

static void set_add(chan_set *s, vex_chan *ch) {
    int i = s->n;
    for (int k = 0; k < s->n; k++)
        if (s->ch[k] == ch) return;
    while (i > 0 && (uintptr_t)s->ch[i - 1] > (uintptr_t)ch) {
        s->ch[i] = s->ch[i - 1];
        i--;
    }
    s->ch[i] = ch;
    s->n++;
}

static void lock_all(chan_set *s) {
    for (int i = 0; i < s->n; i++) vex_spin_lock(&s->ch[i]->lock);
}

static void unlock_all(chan_set *s) {
    for (int i = s->n; i-- > 0;) vex_spin_unlock(&s->ch[i]->lock);
}

/* A random start for the scan (the worker's xorshift state, owner only). */
static int64_t random_start(int64_t n) {
    vex_worker *w = vex_current_worker;
    w->rng ^= w->rng << 13;
    w->rng ^= w->rng >> 7;
    w->rng ^= w->rng << 17;
    return (int64_t)(w->rng % (uint64_t)n);
}

/* With every channel locked: completes the first operation (from start, wrapping) that can
 * complete now.  Returns its index, or -1. */
static int64_t try_ops(const vex_select_op *ops, vex_chan **chans, int64_t n, int64_t start,
                       uint64_t *status, int64_t *value, vex_task **wake, stale_refs *stale) {
    for (int64_t k = 0; k < n; k++) {
        int64_t i = (start + k) % n;
        *value = 0;
        bool done = ops[i].kind == VEX_SELECT_SEND
                        ? chan_try_send_locked(chans[i], ops[i].value, status, wake, stale)
                        : chan_try_recv_locked(chans[i], status, value, wake, stale);
        if (done) return i;
    }
    return -1;
}

/* Unlinks every waiter still linked (the winner was unlinked by whoever completed it, stale ones
 * by the peer that found them), dropping the references they held.  Idempotent. */
static void withdraw(select_frame *f, vex_task *task) {
    for (int64_t i = 0; i < f->n; i++) {
        select_waiter *s = &f->ws[i];
        vex_spin_lock(&s->ch->lock);
        bool mine = s->w.linked;
        if (mine) wl_unlink(s->w.select == WAIT_SEND ? &s->ch->senders : &s->ch->receivers, &s->w);
        vex_spin_unlock(&s->ch->lock);
        if (mine) vex_task_unref(task);
    }
}

static void select_cancel(void *frame, vex_task *task) {
    select_frame *f = frame;
    withdraw(f, task);
    if (f->armed && timer_remove(f->node.heap, &f->node)) vex_task_unref(task);
    f->armed = 0;
}

static vex_poll result(select_frame *f, int64_t index, uint64_t status, int64_t value) {
    f->status = (int64_t)status;
    f->value = value;
    return (vex_poll){VEX_READY, (uint64_t)index};
}

/* Parks one waiter per operation; the channels are locked and no operation can complete. */
static void park(select_frame *f, const vex_select_op *ops, vex_chan **chans, vex_task *task) {
    atomic_store_explicit(&f->winner, SELECT_UNDECIDED, memory_order_relaxed);
    for (int64_t i = 0; i < f->n; i++) {
        select_waiter *s = &f->ws[i];
        s->winner = &f->winner;
        s->ch = chans[i];
        s->index = i;
        s->w.task = task;
        s->w.value = ops[i].kind == VEX_SELECT_SEND ? ops[i].value : 0;
        s->w.select = ops[i].kind == VEX_SELECT_SEND ? WAIT_SEND : WAIT_RECV;
        atomic_store_explicit(&s->w.done, 0, memory_order_relaxed);
        vex_task_ref(task); /* the node's reference */
        wl_push(s->w.select == WAIT_SEND ? &chans[i]->senders : &chans[i]->receivers, &s->w);
    }
}

static vex_poll first_poll(select_frame *f, vex_task *task) {
    int64_t n = f->n;
    if (n < 0 || n > VEX_SELECT_MAX_OPS) return (vex_poll){VEX_FAILED, VEX_FAIL_BAD_ARGUMENT};
    const vex_select_op *ops = (const vex_select_op *)(uintptr_t)f->ops;
    vex_chan *chans[VEX_SELECT_MAX_OPS];
    chan_set set = {0};
    for (int64_t i = 0; i < n; i++) {
        if (ops[i].kind != VEX_SELECT_RECV && ops[i].kind != VEX_SELECT_SEND)
            return (vex_poll){VEX_FAILED, VEX_FAIL_BAD_ARGUMENT};
        if (!(chans[i] = handle_peek(ops[i].chan, HANDLE_CHAN)))
            return (vex_poll){VEX_FAILED, VEX_FAIL_BAD_HANDLE};
        set_add(&set, chans[i]);
    }
    int64_t start = n > 0 ? random_start(n) : 0;
    uint64_t status = 0;
    int64_t value = 0;
    vex_task *wake = NULL;
    stale_refs stale = {0};
    lock_all(&set);
    int64_t won = try_ops(ops, chans, n, start, &status, &value, &wake, &stale);
    unlock_all(&set);
    stale_drop(&stale);
    if (won >= 0 || f->timeout == 0) {
        if (wake) vex_task_wake(wake);
        return won >= 0 ? result(f, won, status, value) : result(f, VEX_SELECT_TIMED_OUT, 0, 0);
    }
    f->ws = NULL;
    if (n > 0 && !(f->ws = vex_frame_alloc(task, (uint64_t)n * sizeof(select_waiter), 8)))
        return (vex_poll){VEX_FAILED, VEX_FAIL_NO_MEMORY};
    lock_all(&set);
    won = try_ops(ops, chans, n, start, &status, &value, &wake, &stale);
    if (won < 0) park(f, ops, chans, task);
    unlock_all(&set);
    stale_drop(&stale);
    if (won >= 0) {
        if (wake) vex_task_wake(wake);
        if (f->ws) vex_frame_free(task, f->ws);
        return result(f, won, status, value);
    }
    f->armed = 0;
    if (f->timeout > 0) {
        int64_t now = vex_now_ns();
        /* Saturating, as vex_sleep: a deadline past the clock's range is "never". */
        f->node.deadline = f->timeout > INT64_MAX - 1 - now ? INT64_MAX - 1 : now + f->timeout;
        f->node.task = task;
        vex_task_ref(task); /* the timer's reference, consumed by the wake when it fires */
        f->armed = 1;
        timer_insert(&vex_current_worker->timers, &f->node);
    }
    f->state = 1;
    vex_task_set_cancel_hook(task, select_cancel, f);
    return (vex_poll){VEX_PENDING, 0};
}

vex_poll vex_select(void *frame, vex_task *task) {
    select_frame *f = frame;
    if (f->state == 0) return first_poll(f, task);
    /* acquire: pairs with the claim of whoever won, so its writes to the waiter are visible. */
    int64_t w = atomic_load_explicit(&f->winner, memory_order_acquire);
    if (w == SELECT_UNDECIDED) {
        /* acquire: pairs with fire_timers' release store. */
        if (!f->armed || !atomic_load_explicit(&f->node.fired, memory_order_acquire))
            return (vex_poll){VEX_PENDING, 0}; /* a spurious poll */
        int64_t expected = SELECT_UNDECIDED;
        w = atomic_compare_exchange_strong_explicit(&f->winner, &expected, SELECT_TIMED_OUT,
                                                    memory_order_acq_rel, memory_order_acquire)
                ? SELECT_TIMED_OUT
                : expected;
    }
    uint32_t done = 0;
    if (w >= 0 && !(done = atomic_load_explicit(&f->ws[w].w.done, memory_order_acquire)))
        return (vex_poll){VEX_PENDING, 0}; /* claimed; its completer wakes us when it is filled */
    withdraw(f, task);
    if (f->armed) {
        if (timer_remove(f->node.heap, &f->node)) vex_task_unref(task);
        else if (!atomic_load_explicit(&f->node.fired, memory_order_acquire))
            return (vex_poll){VEX_PENDING, 0}; /* being fired: its wake comes next */
        f->armed = 0;
    }
    vex_task_set_cancel_hook(task, NULL, NULL);
    int64_t value = w >= 0 && done == 1 && f->ws[w].w.select == WAIT_RECV ? f->ws[w].w.value : 0;
    if (f->ws) vex_frame_free(task, f->ws);
    f->ws = NULL;
    f->state = 2; /* never polled again */
    if (w < 0) return result(f, VEX_SELECT_TIMED_OUT, 0, 0);
    return result(f, w, done == 1 ? 0 : 1, value);
}

const vex_future_desc vex_select_desc = {vex_select, VEX_SELECT_FRAME_SIZE, 8, 3, 3,
                                         "vex_select"};
