/* task.c: task lifecycle: allocation, polling, waking, cancellation, completion and release.
 * The state word and who owns which reference are described in task.h. */
#include "task.h"

#include <stdlib.h>
#include <string.h>

#include "futex.h"
#include "handle.h"
#include "vex_scope.h"
#include "worker.h"

typedef struct boxed_frame {
    struct boxed_frame *next;
    void *frame; /* what the caller got; the block starts at this struct */
    uint64_t size, align;
} boxed_frame;

static uint64_t block_size(const vex_future_desc *d) {
    return TASK_HEADER_SIZE + ((uint64_t)d->frame_size + 15) / 16 * 16;
}

static uint64_t block_align(const vex_future_desc *d) {
    return d->frame_align > 16 ? d->frame_align : 16;
}

static void count_event(struct vex_runtime *rt, bool spawned) {
    vex_worker *w = vex_current_worker;
    if (w && w->rt == rt) {
        _Atomic int64_t *c = spawned ? &w->spawned : &w->freed;
        /* Only the owner writes this counter: a relaxed load and store, no RMW. */
        atomic_store_explicit(c, atomic_load_explicit(c, memory_order_relaxed) + 1,
                              memory_order_relaxed);
    } else {
        atomic_fetch_add_explicit(spawned ? &rt->ext_spawned : &rt->ext_freed, 1,
                                  memory_order_relaxed);
    }
}

vex_task *task_new(struct vex_runtime *rt, const vex_future_desc *desc, const uint64_t *args) {
    vex_task *t = block_alloc(rt, block_size(desc), block_align(desc));
    if (!t) return NULL;
    atomic_init(&t->state, TASK_NOTIFIED | TASK_JOIN_INTEREST | 2 * TASK_REF_ONE);
    t->next = NULL;
    t->desc = desc;
    t->rt = rt;
    t->joiner = NULL;
    t->u.result = 0;
    t->hook = NULL;
    t->boxed = NULL;
    uint64_t *frame = task_frame(t);
    frame[0] = 0;
    for (uint32_t i = 0; i < desc->nparams; i++) frame[1 + i] = args[i];
    count_event(rt, true);
    return t;
}

/* The handles a task spawned (vex_spawn on its worker while it was polled), kept in a node of
 * its boxed-frame list marked by frame == NULL.  Only the task's poller touches it: the spawns
 * happen in its polls, the cancellation runs where its poll would. */
typedef struct child_list {
    boxed_frame link;
    int64_t *h;
    uint32_t n, cap;
} child_list;

static child_list *children_of(vex_task *t, bool create) {
    for (boxed_frame *b = t->boxed; b; b = b->next)
        if (!b->frame) return (child_list *)b;
    if (!create) return NULL;
    child_list *c = block_alloc(t->rt, sizeof(child_list), 16);
    if (!c) return NULL;
    c->link.frame = NULL;
    c->link.size = sizeof(child_list);
    c->link.align = 16;
    c->h = NULL;
    c->n = c->cap = 0;
    c->link.next = t->boxed;
    t->boxed = &c->link;
    return c;
}

/* Remembers that parent holds handle h.  When the list is full, handles already consumed are
 * dropped first, and it grows only if more than half are still live: amortised O(1), and a
 * long-lived parent that joins or detaches its children keeps a short list. */
static void note_child(vex_task *parent, int64_t h) {
    child_list *c = children_of(parent, true);
    if (!c) return; /* out of memory: the child is not cancelled with its parent */
    if (c->n == c->cap) {
        uint32_t k = 0;
        for (uint32_t i = 0; i < c->n; i++)
            if (handle_slot_of(c->h[i], HANDLE_TASK) || handle_slot_of(c->h[i], HANDLE_SCOPE))
                c->h[k++] = c->h[i];
        c->n = k;
        if (k >= c->cap / 2) {
            uint32_t cap = c->cap ? c->cap * 2 : 8;
            int64_t *p = realloc(c->h, (size_t)cap * sizeof *p);
            if (!p) return;
            c->h = p;
            c->cap = cap;
        }
    }
    c->h[c->n++] = h;
}

/* A task that ends without returning (cancelled or failed) takes the tasks it spawned and
 * still holds unconsumed handles of with it: they are cancelled and their handles released. A
 * child a join is waiting for (its handle claimed) is cancelled; the join's cancel hook gives
 * its handle back. */
static void cancel_children(vex_task *t) {
    child_list *c = children_of(t, false);
    if (!c) return;
    for (uint32_t i = 0; i < c->n; i++) {
        if (handle_slot_of(c->h[i], HANDLE_SCOPE)) { /* a scope it made: its tasks go too */
            vex_scope_cancel(c->h[i]);
            handle_consume(c->h[i], HANDLE_SCOPE);
            continue;
        }
        vex_cancel(c->h[i]);
        vex_detach(c->h[i]);
    }
    c->n = 0;
}

static void free_boxed_frames(vex_task *t) {
    while (t->boxed) {
        boxed_frame *b = t->boxed;
        t->boxed = b->next;
        if (!b->frame) free(((child_list *)b)->h);
        block_free(t->rt, b, b->size, b->align);
    }
}

static void task_free(vex_task *t) {
    struct vex_runtime *rt = t->rt;
    free_boxed_frames(t); /* only a task dropped while pending still has some */
    count_event(rt, false);
    block_free(rt, t, block_size(t->desc), block_align(t->desc));
}

void task_drop_ref(vex_task *t) {
    /* acq_rel: the release orders our uses of the task before the final decrement; the acquire
     * in the thread that reaches zero makes everyone's uses happen before the free. */
    uint64_t prev = atomic_fetch_sub_explicit(&t->state, TASK_REF_ONE, memory_order_acq_rel);
    if ((prev >> TASK_REF_SHIFT) == 1) task_free(t);
}

void vex_task_ref(vex_task *t) {
    /* relaxed: taking a reference from one we already hold orders nothing (as Arc::clone). */
    atomic_fetch_add_explicit(&t->state, TASK_REF_ONE, memory_order_relaxed);
}

void vex_task_unref(vex_task *t) { task_drop_ref(t); }

/* The wake transition.  consume: the caller gives up one reference. */
static void wake(vex_task *t, bool consume) {
    uint64_t s = atomic_load_explicit(&t->state, memory_order_relaxed);
    for (;;) {
        uint64_t n;
        bool enqueue = false;
        if (s & (TASK_COMPLETE | TASK_NOTIFIED)) {
            if (consume) task_drop_ref(t);
            return;
        }
        if (s & TASK_RUNNING) {
            n = s | TASK_NOTIFIED; /* the poller requeues it with its own reference */
        } else {
            n = s | TASK_NOTIFIED;
            if (!consume) n += TASK_REF_ONE; /* the queue entry's reference */
            enqueue = true;
        }
        /* acq_rel: release publishes what the waker wrote for the task (a channel value, a
         * fired flag) to the worker that dequeues it; acquire orders us after the last poll. */
        if (atomic_compare_exchange_weak_explicit(&t->state, &s, n, memory_order_acq_rel,
                                                  memory_order_relaxed)) {
            if (enqueue) schedule_task(t, true);
            else if (consume) task_drop_ref(t);
            return;
        }
    }
}

void vex_task_wake(vex_task *t) { wake(t, true); }
void vex_task_wake_by_ref(vex_task *t) { wake(t, false); }

void vex_task_set_cancel_hook(vex_task *t, vex_cancel_hook fn, void *frame) {
    t->hook = fn;
    t->u.hook_frame = frame;
}

/* Wakes whoever waits for t's completion.  joiner is owned by us after the COMPLETE transition
 * returned JOIN_WAKER set. */
static void wake_joiner(void *joiner) {
    uintptr_t j = (uintptr_t)joiner;
    if (j & JOINER_THREAD_BIT) {
        _Atomic uint32_t *word = (_Atomic uint32_t *)(j & ~JOINER_THREAD_BIT);
        /* release: pairs with the blocked thread's acquire load of its word; a futex wake on a
         * word whose owner already returned is harmless (at worst a spurious wake-up). */
        atomic_store_explicit(word, 1, memory_order_release);
        vex_futex_wake(word, 1);
    } else if (j & JOINER_SCOPE_BIT) {
        scope_child_done((void *)(j & ~JOINER_SCOPE_BIT));
    } else {
        vex_task_wake((vex_task *)joiner); /* consumes the reference the joiner took */
    }
}

/* Publishes the outcome and drops the caller's run reference, in one CAS. */
static void complete(vex_task *t, uint64_t value, uint64_t outcome) {
    t->hook = NULL;
    t->u.result = value;
    uint64_t s = atomic_load_explicit(&t->state, memory_order_relaxed);
    uint64_t n;
    do {
        n = ((s & ~(uint64_t)(TASK_RUNNING | TASK_NOTIFIED)) | TASK_COMPLETE | outcome) -
            TASK_REF_ONE;
        /* acq_rel: release publishes result and result slots to the joiner (its acquire load of
         * state) and orders our uses before a free elsewhere; acquire makes the joiner's write
         * of t->joiner visible if JOIN_WAKER is set, and others' uses if we free. */
    } while (!atomic_compare_exchange_weak_explicit(&t->state, &s, n, memory_order_acq_rel,
                                                    memory_order_relaxed));
    if (s & TASK_JOIN_WAKER) {
        /* Safe to read t after dropping our reference: the joiner holds the handle's reference
         * and cannot give it up before this wake. */
        wake_joiner(t->joiner);
    } else if ((n >> TASK_REF_SHIFT) == 0) {
        task_free(t);
    }
}


void task_cancel_now(vex_task *t) {
    cancel_children(t); /* first: a join's hook below releases the handle it claimed */
    if (t->hook) {
        vex_cancel_hook h = t->hook;
        t->hook = NULL;
        h(t->u.hook_frame, t);
    }
    free_boxed_frames(t);
    complete(t, 0, TASK_OUT_CANCELLED);
}

void task_fail_trapped(vex_task *t, uint32_t code, uintptr_t pc) {
    vex_current_worker->yielding = false;
    /* The frame is dead: its state word keeps the trap site for vex_handle_wait. */
    *(uint64_t *)task_frame(t) = pc;
    t->hook = NULL; /* as for VEX_FAILED: a suspended callee is always re-polled to READY first */
    cancel_children(t);
    free_boxed_frames(t);
    complete(t, code, TASK_OUT_FAILED);
}

void task_run(vex_task *t) {
    vex_worker *w = vex_current_worker;
    uint64_t s = atomic_load_explicit(&t->state, memory_order_relaxed);
    /* A task back from vex_yield is still RUNNING and owned by this worker; unless a waker or a
     * canceller touched it meanwhile there is nothing to transition. */
    if ((s & (TASK_RUNNING | TASK_NOTIFIED | TASK_CANCELLED)) != TASK_RUNNING) {
        uint64_t n;
        do {
            n = (s & ~(uint64_t)TASK_NOTIFIED) | TASK_RUNNING;
            /* acquire: pairs with the waker's release (wake) so its writes are visible. */
        } while (!atomic_compare_exchange_weak_explicit(&t->state, &s, n, memory_order_acquire,
                                                        memory_order_relaxed));
        if (s & TASK_CANCELLED) {
            task_cancel_now(t);
            return;
        }
    }
    w->current = t; /* for a trap in generated code (task_fail_trapped), and spawns' parent */
    vex_poll p = t->desc->resume(task_frame(t), t);
    w->current = NULL;
    if (p.status == VEX_READY) {
        w->yielding = false;
        complete(t, p.value, 0);
        return;
    }
    if (p.status == VEX_FAILED) {
        w->yielding = false;
        /* The trap site, if the failing leaf passed one on (vex_join of a trapped task); the
         * frame is dead, its state word keeps it for vex_handle_wait. */
        *(uint64_t *)task_frame(t) = w->failed_site;
        w->failed_site = 0;
        t->hook = NULL; /* a failing leaf registered nothing it did not undo */
        cancel_children(t);
        free_boxed_frames(t);
        complete(t, p.value, TASK_OUT_FAILED);
        return;
    }
    if (w->yielding) {
        /* vex_yield: keep RUNNING (wakers only set NOTIFIED, a canceller only CANCELLED; the next
         * task_run sees either), and our run reference becomes the yield list's. */
        w->yielding = false;
        schedule_yielded(w, t);
        return;
    }
    uint64_t n;
    s = atomic_load_explicit(&t->state, memory_order_relaxed);
    for (;;) {
        if (s & TASK_CANCELLED) {
            task_cancel_now(t); /* cancelled while it ran: this is its next suspension */
            return;
        }
        /* NOTIFIED stays set if a waker came while we ran: no other waker may enqueue it, and
         * our run reference goes to the yield list.  Otherwise we drop it in the same CAS. */
        n = s & ~(uint64_t)TASK_RUNNING;
        if (!(s & TASK_NOTIFIED)) n -= TASK_REF_ONE;
        /* release: everything resume wrote (its registration in a waiter list) happens before a
         * later poll on another worker that acquires state. */
        if (atomic_compare_exchange_weak_explicit(&t->state, &s, n, memory_order_acq_rel,
                                                  memory_order_relaxed))
            break;
    }
    if (s & TASK_NOTIFIED) {
        /* Woken while running (vex_yield, or a waker on another thread): our run reference
         * becomes the queue entry's. */
        schedule_yielded(w, t);
    } else if ((n >> TASK_REF_SHIFT) == 0) {
        task_free(t); /* nobody holds it: no handle, no waker (a future pending forever) */
    }
}

void task_request_cancel(vex_task *t) {
    uint64_t s = atomic_load_explicit(&t->state, memory_order_relaxed);
    for (;;) {
        if (s & (TASK_COMPLETE | TASK_CANCELLED)) return;
        uint64_t n = s | TASK_CANCELLED;
        bool enqueue = !(s & (TASK_RUNNING | TASK_NOTIFIED));
        if (enqueue) n += TASK_NOTIFIED + TASK_REF_ONE; /* idle: a worker runs its cancellation */
        /* acq_rel: as in wake. */
        if (atomic_compare_exchange_weak_explicit(&t->state, &s, n, memory_order_acq_rel,
                                                  memory_order_relaxed)) {
            if (enqueue) schedule_task(t, true);
            return;
        }
    }
}

int32_t vex_cancel(int64_t handle) {
    /* A pin: a join or detach of the same handle on another thread cannot free the task under
     * us (the last unpin releases it). */
    vex_task *t = handle_pin(handle, HANDLE_TASK);
    if (!t) return VEX_ERR_BAD_HANDLE;
    task_request_cancel(t);
    handle_unpin(handle);
    return 0;
}

void task_release_handle(void *task) {
    vex_task *t = task;
    /* JOIN_INTEREST is set (the handle was live), so subtracting it clears it: one RMW drops the
     * flag and the handle's reference.  acq_rel as in task_drop_ref. */
    uint64_t prev = atomic_fetch_sub_explicit(&t->state, TASK_REF_ONE + TASK_JOIN_INTEREST,
                                              memory_order_acq_rel);
    if ((prev >> TASK_REF_SHIFT) == 1) task_free(t);
}

int32_t vex_detach(int64_t handle) {
    return handle_consume(handle, HANDLE_TASK) ? 0 : VEX_ERR_BAD_HANDLE;
}

/* ---- Joining -------------------------------------------------------------------------------- */

int join_outcome(uint64_t s) {
    return (s & TASK_OUT_CANCELLED)  ? VEX_TASK_CANCELLED
           : (s & TASK_OUT_FAILED) ? VEX_TASK_FAILED
                                    : VEX_TASK_COMPLETED;
}

/* Registers joiner (a task with a reference taken for it, or a tagged thread word) to be woken
 * at completion.  Returns false if the task already completed (nothing registered). */
bool join_register(vex_task *t, void *joiner) {
    t->joiner = joiner; /* ours until JOIN_WAKER is set */
    uint64_t s = atomic_load_explicit(&t->state, memory_order_relaxed);
    for (;;) {
        if (s & TASK_COMPLETE) return false;
        /* release: publishes t->joiner to the completer (its acq_rel COMPLETE transition). */
        if (atomic_compare_exchange_weak_explicit(&t->state, &s, s | TASK_JOIN_WAKER,
                                                  memory_order_release, memory_order_relaxed))
            return true;
    }
}

/* Withdraws a registration.  Returns false if the completer already owns the joiner (it will
 * wake it, or has). */
bool join_unregister(vex_task *t) {
    uint64_t s = atomic_load_explicit(&t->state, memory_order_relaxed);
    for (;;) {
        if (s & TASK_COMPLETE) return false;
        if (atomic_compare_exchange_weak_explicit(&t->state, &s, s & ~(uint64_t)TASK_JOIN_WAKER,
                                                  memory_order_relaxed, memory_order_relaxed))
            return true;
    }
}

/* Completed?  acquire: pairs with complete's release, so result and frame slots are readable. */
bool task_is_complete(vex_task *t, uint64_t *state_out) {
    uint64_t s = atomic_load_explicit(&t->state, memory_order_acquire);
    *state_out = s;
    return (s & TASK_COMPLETE) != 0;
}

/* Blocks on a thread joiner's word until the completer (1) or an abandoning shutdown (2) sets
 * it.  The joiner is on rt's list meanwhile, so that shutdown can find it. */
static uint32_t wait_as_thread(struct vex_runtime *rt, vex_task *t) {
    thread_joiner j;
    atomic_init(&j.word, 0);
    j.task = t;
    pthread_mutex_lock(&rt->joiner_lock);
    if (rt->joiners_closed) { /* the shutdown has failed the joiners already */
        pthread_mutex_unlock(&rt->joiner_lock);
        return 2;
    }
    j.prev = NULL;
    j.next = rt->joiners;
    if (j.next) j.next->prev = &j;
    rt->joiners = &j;
    pthread_mutex_unlock(&rt->joiner_lock);
    uint32_t word = 1;
    if (join_register(t, (void *)((uintptr_t)&j.word | JOINER_THREAD_BIT))) {
        /* acquire: pairs with wake_joiner's (or the shutdown's) release store. */
        while ((word = atomic_load_explicit(&j.word, memory_order_acquire)) == 0)
            vex_futex_wait(&j.word, 0, -1);
    }
    pthread_mutex_lock(&rt->joiner_lock);
    if (j.prev) j.prev->next = j.next;
    else rt->joiners = j.next;
    if (j.next) j.next->prev = j.prev;
    bool last = rt->joiners == NULL;
    pthread_mutex_unlock(&rt->joiner_lock);
    /* The runtime's teardown waits for the list to empty before it frees task memory; this
     * thread is done with t unless word == 1, when the handle's reference keeps it. */
    if (last) {
        atomic_store_explicit(&rt->joiners_gone, 1, memory_order_release);
        vex_futex_wake(&rt->joiners_gone, 1);
    }
    return word;
}

int32_t vex_handle_wait(int64_t handle, uint64_t *results, uint32_t nresults) {
    if (vex_current_worker) return VEX_ERR_ON_WORKER;
    vex_task *t = handle_claim(handle, HANDLE_TASK);
    if (!t) return VEX_ERR_BAD_HANDLE;
    uint64_t s;
    if (!task_is_complete(t, &s) && wait_as_thread(t->rt, t) == 2) {
        /* The runtime was shut down while t still ran, and t cannot end any more.  Our pin
         * goes (the teardown waits for pins); t itself is left alone. */
        handle_unpin(handle);
        return VEX_ERR_ABANDONED;
    }
    /* Again: the task may have completed inside join_register (which then registered nothing),
     * and after a wake the state must be re-read anyway. */
    task_is_complete(t, &s);
    int32_t outcome = join_outcome(s);
    if (results && nresults > 0) {
        results[0] = t->u.result;
        uint64_t *frame = task_frame(t);
        for (uint32_t i = 1; i < nresults; i++)
            results[i] = outcome == VEX_TASK_COMPLETED && i < t->desc->nresults
                             ? frame[1 + t->desc->nparams + i - 1]
                             : 0;
        if (outcome == VEX_TASK_FAILED && nresults > 1) results[1] = frame[0];
        if (outcome == VEX_TASK_CANCELLED) results[0] = 0;
    }
    handle_unpin(handle);
    return outcome;
}

/* ---- Spawning ------------------------------------------------------------------------------- */

int64_t vex_spawn_on(struct vex_runtime *rt, const vex_future_desc *desc, const uint64_t *args) {
    if (!rt || !desc || atomic_load_explicit(&rt->shutdown, memory_order_relaxed)) return 0;
    vex_task *t = task_new(rt, desc, args);
    if (!t) return 0;
    int64_t h = handle_new(rt, HANDLE_TASK, t);
    if (!h) { /* the handle table is full */
        task_free(t);
        return 0;
    }
    vex_worker *w = vex_current_worker;
    if (w && w->current) note_child(w->current, h);
    schedule_task(t, false);
    return h;
}

void task_note_scope(int64_t scope) {
    vex_worker *w = vex_current_worker;
    if (w && w->current) note_child(w->current, scope);
}

int64_t vex_spawn(const vex_future_desc *desc, const uint64_t *args) {
    return vex_spawn_on(current_runtime(), desc, args);
}

int32_t vex_block_on(struct vex_runtime *rt, const vex_future_desc *desc, const uint64_t *args,
                     uint64_t *results) {
    if (vex_current_worker) return VEX_ERR_ON_WORKER;
    if (!rt || !desc) return VEX_ERR_NO_RUNTIME;
    int64_t h = vex_spawn_on(rt, desc, args);
    if (!h) return VEX_ERR_NO_RUNTIME;
    return vex_handle_wait(h, results, desc->nresults);
}

/* ---- Boxed frames --------------------------------------------------------------------------- */

void *vex_frame_alloc(vex_task *t, uint64_t size, uint64_t align) {
    if (align < 16) align = 16;
    /* 64-bit size arithmetic: sizes whose rounding would wrap are refused. */
    if (align > 4096 || (align & (align - 1)) || size > (UINT64_MAX >> 2)) return NULL;
    uint64_t head = (sizeof(boxed_frame) + align - 1) / align * align;
    uint64_t total = head + (size + 15) / 16 * 16;
    boxed_frame *b = block_alloc(t->rt, total, align);
    if (!b) return NULL;
    b->frame = (char *)b + head;
    b->size = total;
    b->align = align;
    b->next = t->boxed;
    t->boxed = b;
    return b->frame;
}

void vex_frame_free(vex_task *t, void *frame) {
    for (boxed_frame **p = &t->boxed; *p; p = &(*p)->next) {
        if ((*p)->frame == frame) {
            boxed_frame *b = *p;
            *p = b->next;
            block_free(t->rt, b, b->size, b->align);
            return;
        }
    }
}
