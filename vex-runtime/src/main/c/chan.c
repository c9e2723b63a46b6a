/* chan.c: bounded MPMC channels of i64 values; capacity 0 is a rendezvous.
 *
 * A channel is a ring buffer plus two FIFO lists of parked senders and receivers, all under one
 * spinlock (chan.h).  A waiter node lives in the send or receive future's frame, or in a select's
 * block (select.c).  Whoever completes a parked operation (a peer, or close) claims its node
 * (a select's may be stale: another branch won), fills it in under the lock, unlinks it, and
 * after unlocking wakes its task with the reference the node held.
 *
 * Invariants (under the lock):
 *   - receivers are parked only while the buffer is empty;
 *   - senders are parked only while the buffer is full (for capacity 0: always, until a
 *     receiver takes their value directly);
 *   - after close nobody parks; parked senders are failed, parked receivers get (1, 0).
 *
 * Cancelling a parked operation unlinks its node; a value already handed to a receiver that is
 * then cancelled is lost, as in any channel whose receiver goes away. */
#include <pthread.h>
#include <stdlib.h>

#include "chan.h"
#include "handle.h"
#include "spinlock.h"
#include "task.h"
#include "worker.h"

/* The channel parameter is a handle until the first poll resolves it to the channel. */
typedef struct {
    uint64_t state;
    union {
        int64_t handle;
        vex_chan *ch;
    };
    int64_t value;
    waiter w;
} send_frame;

typedef struct {
    uint64_t state;
    union {
        int64_t handle;
        vex_chan *ch;
    };
    int64_t value; /* result slot 1 */
    waiter w;
} recv_frame;

_Static_assert(sizeof(send_frame) == VEX_CHAN_SEND_FRAME_SIZE, "send frame size is ABI");
_Static_assert(sizeof(recv_frame) == VEX_CHAN_RECV_FRAME_SIZE, "recv frame size is ABI");

int64_t vex_chan_new(int64_t capacity) { return vex_chan_new_on(current_runtime(), capacity); }

int64_t vex_chan_new_on(struct vex_runtime *rt, int64_t capacity) {
    /* The limit keeps sizeof + capacity * 8 far from wrapping; calloc refuses what it cannot
     * back, and then the caller gets 0 too. */
    if (capacity < 0 || capacity > VEX_CHAN_MAX_CAPACITY || !rt) return 0;
    vex_chan *ch = calloc(1, sizeof *ch + (size_t)capacity * sizeof(int64_t));
    if (!ch) return 0;
    ch->cap = capacity;
    ch->rt = rt;
    ch->handle = handle_new(rt, HANDLE_CHAN, ch);
    if (!ch->handle) {
        free(ch);
        return 0;
    }
    pthread_mutex_lock(&rt->chan_lock);
    ch->next = rt->chans;
    if (rt->chans) rt->chans->prev = ch;
    rt->chans = ch;
    pthread_mutex_unlock(&rt->chan_lock);
    return ch->handle;
}

int32_t vex_chan_free(int64_t chan) {
    vex_chan *ch = handle_peek(chan, HANDLE_CHAN);
    if (!ch) return VEX_ERR_BAD_HANDLE;
    vex_spin_lock(&ch->lock);
    bool busy = ch->senders.head || ch->receivers.head;
    vex_spin_unlock(&ch->lock);
    if (busy) return VEX_ERR_BUSY;
    if (!handle_consume(chan, HANDLE_CHAN)) return VEX_ERR_BAD_HANDLE; /* freed meanwhile */
    struct vex_runtime *rt = ch->rt;
    pthread_mutex_lock(&rt->chan_lock);
    if (ch->prev) ch->prev->next = ch->next;
    else rt->chans = ch->next;
    if (ch->next) ch->next->prev = ch->prev;
    pthread_mutex_unlock(&rt->chan_lock);
    free(ch);
    return 0;
}

int32_t vex_chan_close(int64_t chan) {
    vex_chan *ch = handle_peek(chan, HANDLE_CHAN);
    if (!ch) return VEX_ERR_BAD_HANDLE;
    stale_refs stale = {0};
    vex_spin_lock(&ch->lock);
    ch->closed = true;
    /* One at a time: once closed nobody parks, and a task must be woken outside the lock. */
    for (;;) {
        waiter *w = wl_pop_live(&ch->receivers, &stale);
        if (!w) w = wl_pop_live(&ch->senders, &stale);
        if (!w) break;
        vex_task *t = waiter_finish(w, 2);
        vex_spin_unlock(&ch->lock);
        vex_task_wake(t); /* consumes the node's reference */
        stale_drop(&stale);
        vex_spin_lock(&ch->lock);
    }
    vex_spin_unlock(&ch->lock);
    stale_drop(&stale);
    return 0;
}

bool chan_try_send_locked(vex_chan *ch, int64_t value, uint64_t *status, vex_task **wake,
                          stale_refs *stale) {
    waiter *r;
    if (ch->closed) {
        *status = 1;
    } else if ((r = wl_pop_live(&ch->receivers, stale))) { /* the buffer is empty: hand over */
        r->value = value;
        *wake = waiter_finish(r, 1);
        *status = 0;
    } else if (ch->count < ch->cap) {
        ch->buf[(ch->head + ch->count) % ch->cap] = value;
        ch->count++;
        *status = 0;
    } else {
        return false;
    }
    return true;
}

bool chan_try_recv_locked(vex_chan *ch, uint64_t *status, int64_t *value, vex_task **wake,
                          stale_refs *stale) {
    waiter *s;
    *status = 0;
    if (ch->count > 0) {
        *value = ch->buf[ch->head];
        ch->head = (ch->head + 1) % ch->cap;
        ch->count--;
        if ((s = wl_pop_live(&ch->senders, stale))) { /* a slot freed up: the oldest parked sender fills it */
            ch->buf[(ch->head + ch->count) % ch->cap] = s->value;
            ch->count++;
            *wake = waiter_finish(s, 1);
        }
    } else if ((s = wl_pop_live(&ch->senders, stale))) { /* rendezvous */
        *value = s->value;
        *wake = waiter_finish(s, 1);
    } else if (ch->closed) {
        *value = 0;
        *status = 1;
    } else {
        return false;
    }
    return true;
}

static void send_cancel(void *frame, vex_task *task) {
    send_frame *f = frame;
    vex_spin_lock(&f->ch->lock);
    bool mine = f->w.linked;
    if (mine) wl_unlink(&f->ch->senders, &f->w);
    vex_spin_unlock(&f->ch->lock);
    if (mine) vex_task_unref(task);
}

static void recv_cancel(void *frame, vex_task *task) {
    recv_frame *f = frame;
    vex_spin_lock(&f->ch->lock);
    bool mine = f->w.linked;
    if (mine) wl_unlink(&f->ch->receivers, &f->w);
    vex_spin_unlock(&f->ch->lock);
    if (mine) vex_task_unref(task);
}

vex_poll vex_chan_send(void *frame, vex_task *task) {
    send_frame *f = frame;
    vex_task *wake = NULL;
    uint64_t status;
    if (f->state == 1) { /* parked: done yet? */
        uint32_t done = atomic_load_explicit(&f->w.done, memory_order_acquire);
        if (!done) return (vex_poll){VEX_PENDING, 0};
        vex_task_set_cancel_hook(task, NULL, NULL);
        return (vex_poll){VEX_READY, done == 1 ? 0 : 1};
    }
    vex_chan *ch = handle_peek(f->handle, HANDLE_CHAN);
    if (!ch) return (vex_poll){VEX_FAILED, VEX_FAIL_BAD_HANDLE};
    f->ch = ch; /* the cancel hook needs it; the state below never polls again with 0 */
    stale_refs stale = {0};
    vex_spin_lock(&ch->lock);
    if (!chan_try_send_locked(ch, f->value, &status, &wake, &stale)) {
        f->state = 1;
        f->w.task = task;
        f->w.value = f->value;
        f->w.select = 0;
        atomic_store_explicit(&f->w.done, 0, memory_order_relaxed);
        vex_task_ref(task); /* the node's reference */
        wl_push(&ch->senders, &f->w);
        vex_task_set_cancel_hook(task, send_cancel, f);
        vex_spin_unlock(&ch->lock);
        stale_drop(&stale);
        return (vex_poll){VEX_PENDING, 0};
    }
    vex_spin_unlock(&ch->lock);
    stale_drop(&stale);
    if (wake) vex_task_wake(wake);
    return (vex_poll){VEX_READY, status};
}

vex_poll vex_chan_recv(void *frame, vex_task *task) {
    recv_frame *f = frame;
    vex_task *wake = NULL;
    if (f->state == 1) {
        uint32_t done = atomic_load_explicit(&f->w.done, memory_order_acquire);
        if (!done) return (vex_poll){VEX_PENDING, 0};
        f->value = done == 1 ? f->w.value : 0;
        vex_task_set_cancel_hook(task, NULL, NULL);
        return (vex_poll){VEX_READY, done == 1 ? 0 : 1};
    }
    vex_chan *ch = handle_peek(f->handle, HANDLE_CHAN);
    if (!ch) return (vex_poll){VEX_FAILED, VEX_FAIL_BAD_HANDLE};
    f->ch = ch;
    uint64_t status;
    stale_refs stale = {0};
    vex_spin_lock(&ch->lock);
    if (!chan_try_recv_locked(ch, &status, &f->value, &wake, &stale)) {
        f->state = 1;
        f->w.task = task;
        f->w.select = 0;
        atomic_store_explicit(&f->w.done, 0, memory_order_relaxed);
        vex_task_ref(task);
        wl_push(&ch->receivers, &f->w);
        vex_task_set_cancel_hook(task, recv_cancel, f);
        vex_spin_unlock(&ch->lock);
        stale_drop(&stale);
        return (vex_poll){VEX_PENDING, 0};
    }
    vex_spin_unlock(&ch->lock);
    stale_drop(&stale);
    if (wake) vex_task_wake(wake);
    return (vex_poll){VEX_READY, status};
}

/* Teardown (single-threaded): unlinks every parked operation and frees every channel; returns
 * the parked tasks chained through ->next, each with its node's reference.  A select parked on
 * several channels is chained once: its first waiter found claims it (SELECT_TORN_DOWN), the
 * others are stale and their references dropped here (the chained one keeps the task). */
vex_task *chan_free_all(struct vex_runtime *rt) {
    vex_task *tasks = NULL;
    for (vex_chan *ch = rt->chans; ch;) {
        vex_chan *next = ch->next;
        waiter *w;
        while ((w = ch->receivers.head) || (w = ch->senders.head)) {
            wl_unlink(w == ch->receivers.head ? &ch->receivers : &ch->senders, w);
            if (w->select && !select_claim_for_teardown((select_waiter *)w)) {
                vex_task_unref(w->task);
                continue;
            }
            w->task->next = tasks;
            tasks = w->task;
        }
        free(ch);
        ch = next;
    }
    rt->chans = NULL;
    return tasks;
}

const vex_future_desc vex_chan_send_desc = {vex_chan_send, VEX_CHAN_SEND_FRAME_SIZE, 8, 2, 1,
                                            "vex_chan_send"};
const vex_future_desc vex_chan_recv_desc = {vex_chan_recv, VEX_CHAN_RECV_FRAME_SIZE, 8, 1, 2,
                                            "vex_chan_recv"};
