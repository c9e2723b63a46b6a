/* chan.c: bounded MPMC channels of i64 values; capacity 0 is a rendezvous.
 *
 * A channel is a ring buffer plus two FIFO lists of parked senders and receivers, all under one
 * spinlock.  A waiter node lives in the send or receive future's frame.  Whoever completes a
 * parked operation (a peer, or close) fills in its node under the lock, unlinks it, and after
 * unlocking wakes its task with the reference the node held.
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

#include "handle.h"
#include "spinlock.h"
#include "task.h"
#include "worker.h"

typedef struct waiter {
    struct waiter *next, *prev;
    vex_task *task; /* with a reference while linked */
    int64_t value;  /* sender: the value; receiver: what it got */
    /* 0 parked, 1 done (status 0), 2 done because closed.  Stored (release) under the lock by
     * the completer after it wrote value and unlinked the node, and never touched by it again;
     * the owner's next poll loads it (acquire) without the lock. */
    _Atomic uint32_t done;
    uint32_t linked;
} waiter;

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

static void wl_push(waitlist *l, waiter *w) {
    w->next = NULL;
    w->prev = l->tail;
    if (l->tail) l->tail->next = w;
    else l->head = w;
    l->tail = w;
    w->linked = 1;
}

static void wl_unlink(waitlist *l, waiter *w) {
    if (w->prev) w->prev->next = w->next;
    else l->head = w->next;
    if (w->next) w->next->prev = w->prev;
    else l->tail = w->prev;
    w->next = w->prev = NULL;
    w->linked = 0;
}

static waiter *wl_pop(waitlist *l) {
    waiter *w = l->head;
    if (w) wl_unlink(l, w);
    return w;
}

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

/* Completes a parked operation (under the lock); returns its task to wake after unlocking. */
static vex_task *finish(waiter *w, uint32_t how) {
    vex_task *t = w->task;
    atomic_store_explicit(&w->done, how, memory_order_release); /* the node is the owner's now */
    return t;
}

int32_t vex_chan_close(int64_t chan) {
    vex_chan *ch = handle_peek(chan, HANDLE_CHAN);
    if (!ch) return VEX_ERR_BAD_HANDLE;
    vex_spin_lock(&ch->lock);
    ch->closed = true;
    /* One at a time: once closed nobody parks, and a task must be woken outside the lock. */
    for (;;) {
        waiter *w = wl_pop(&ch->receivers);
        if (!w) w = wl_pop(&ch->senders);
        if (!w) break;
        vex_task *t = finish(w, 2);
        vex_spin_unlock(&ch->lock);
        vex_task_wake(t); /* consumes the node's reference */
        vex_spin_lock(&ch->lock);
    }
    vex_spin_unlock(&ch->lock);
    return 0;
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
    vex_spin_lock(&ch->lock);
    waiter *r;
    if (ch->closed) {
        status = 1;
    } else if ((r = wl_pop(&ch->receivers))) { /* the buffer is empty: hand over directly */
        r->value = f->value;
        wake = finish(r, 1);
        status = 0;
    } else if (ch->count < ch->cap) {
        ch->buf[(ch->head + ch->count) % ch->cap] = f->value;
        ch->count++;
        status = 0;
    } else {
        f->state = 1;
        f->w.task = task;
        f->w.value = f->value;
        atomic_store_explicit(&f->w.done, 0, memory_order_relaxed);
        vex_task_ref(task); /* the node's reference */
        wl_push(&ch->senders, &f->w);
        vex_task_set_cancel_hook(task, send_cancel, f);
        vex_spin_unlock(&ch->lock);
        return (vex_poll){VEX_PENDING, 0};
    }
    vex_spin_unlock(&ch->lock);
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
    vex_spin_lock(&ch->lock);
    waiter *s;
    uint64_t status = 0;
    if (ch->count > 0) {
        f->value = ch->buf[ch->head];
        ch->head = (ch->head + 1) % ch->cap;
        ch->count--;
        if ((s = wl_pop(&ch->senders))) { /* a slot freed up: the oldest parked sender fills it */
            ch->buf[(ch->head + ch->count) % ch->cap] = s->value;
            ch->count++;
            wake = finish(s, 1);
        }
    } else if ((s = wl_pop(&ch->senders))) { /* rendezvous */
        f->value = s->value;
        wake = finish(s, 1);
    } else if (ch->closed) {
        f->value = 0;
        status = 1;
    } else {
        f->state = 1;
        f->w.task = task;
        atomic_store_explicit(&f->w.done, 0, memory_order_relaxed);
        vex_task_ref(task);
        wl_push(&ch->receivers, &f->w);
        vex_task_set_cancel_hook(task, recv_cancel, f);
        vex_spin_unlock(&ch->lock);
        return (vex_poll){VEX_PENDING, 0};
    }
    vex_spin_unlock(&ch->lock);
    if (wake) vex_task_wake(wake);
    return (vex_poll){VEX_READY, status};
}

/* Teardown (single-threaded): unlinks every parked operation and frees every channel; returns
 * the parked tasks chained through ->next, each with its node's reference. */
vex_task *chan_free_all(struct vex_runtime *rt) {
    vex_task *tasks = NULL;
    for (vex_chan *ch = rt->chans; ch;) {
        vex_chan *next = ch->next;
        waiter *w;
        while ((w = wl_pop(&ch->receivers)) || (w = wl_pop(&ch->senders))) {
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
