/* scope.c: task scopes (the contract is in vex_scope.h).
 *
 * A scope keeps one record per task still running in it; the record is the task's joiner
 * (tagged JOINER_SCOPE_BIT), so the task's completion calls scope_child_done, which drops the
 * record and the task's handle reference, counts the task out, and on the first failure
 * cancels the others.  When the count reaches zero the joining task, if one waits, is woken.
 *
 * Lifetime: the scope is reference counted: one for its handle (released when the handle is
 * consumed by the join and the join is done, or by teardown) and one per record.  Everything
 * else is under the scope's spinlock; cancelling tasks under it is fine, task_request_cancel
 * takes no scope lock. */
#include <stdlib.h>

#include "handle.h"
#include "spinlock.h"
#include "task.h"
#include "vex_scope.h"
#include "worker.h"

typedef struct scope_child {
    struct scope_child *prev, *next;
    vex_task *task; /* with the reference its handle had */
    struct vex_scope *scope;
} scope_child;

typedef struct vex_scope {
    vex_spinlock lock;
    _Atomic int64_t refs;
    scope_child *children; /* the tasks still running */
    int64_t running;
    int outcome;           /* VEX_TASK_COMPLETED until the first failure or cancel */
    uint64_t value;        /* the first failure's trap code */
    vex_task *joiner;      /* the task waiting in vex_scope_join, with a reference */
} vex_scope;

typedef struct {
    uint64_t state; /* 0 not started; else SJ_OWNED or SJ_CLAIMED, plus SJ_REGISTERED */
    union {
        int64_t handle;
        vex_scope *scope;
    };
    uint64_t value; /* result slot 1 */
} scope_join_frame;

_Static_assert(sizeof(scope_join_frame) == VEX_SCOPE_JOIN_FRAME_SIZE, "scope join frame is ABI");

enum { SJ_REGISTERED = 1, SJ_OWNED = 2, SJ_CLAIMED = 4 };

static void scope_unref(vex_scope *s) {
    /* acq_rel: as task_drop_ref. */
    if (atomic_fetch_sub_explicit(&s->refs, 1, memory_order_acq_rel) == 1) free(s);
}

void scope_release_handle(void *scope) { scope_unref(scope); }

/* Under the lock: the first reason to stop wins; every task still running is cancelled. */
static void stop_locked(vex_scope *s, int outcome, uint64_t value) {
    if (s->outcome == VEX_TASK_COMPLETED) {
        s->outcome = outcome;
        s->value = value;
    }
    for (scope_child *c = s->children; c; c = c->next) task_request_cancel(c->task);
}

int64_t vex_scope_new(void) {
    struct vex_runtime *rt = current_runtime();
    if (!rt) return 0;
    vex_scope *s = calloc(1, sizeof *s);
    if (!s) return 0;
    atomic_store_explicit(&s->refs, 1, memory_order_relaxed);
    int64_t h = handle_new(rt, HANDLE_SCOPE, s);
    if (!h) free(s);
    else task_note_scope(h);
    return h;
}

void scope_child_done(void *child) {
    scope_child *c = child;
    vex_scope *s = c->scope;
    vex_task *t = c->task;
    uint64_t st;
    task_is_complete(t, &st); /* acquire: the outcome and value published by complete() */
    int outcome = join_outcome(st);
    vex_spin_lock(&s->lock);
    if (c->prev) c->prev->next = c->next;
    else s->children = c->next;
    if (c->next) c->next->prev = c->prev;
    s->running--;
    if (outcome == VEX_TASK_FAILED) stop_locked(s, VEX_TASK_FAILED, t->u.result);
    vex_task *wake = s->running == 0 ? s->joiner : NULL;
    if (wake) s->joiner = NULL;
    vex_spin_unlock(&s->lock);
    /* The completer is done with t once it called us (complete() reads nothing after). */
    task_release_handle(t);
    free(c);
    if (wake) vex_task_wake(wake); /* consumes the joiner's reference */
    scope_unref(s);
}

int64_t vex_scope_add(int64_t scope, int64_t task) {
    vex_scope *s = handle_pin(scope, HANDLE_SCOPE);
    if (!s) return VEX_ERR_BAD_HANDLE;
    scope_child *c = malloc(sizeof *c);
    vex_task *t = c ? handle_take(task, HANDLE_TASK) : NULL;
    if (!t) {
        bool live = handle_slot_of(task, HANDLE_TASK) != NULL;
        free(c);
        handle_unpin(scope);
        return !c ? VEX_ERR_BUSY : live ? VEX_ERR_BUSY : VEX_ERR_BAD_HANDLE;
    }
    c->task = t;
    c->scope = s;
    c->prev = NULL;
    atomic_fetch_add_explicit(&s->refs, 1, memory_order_relaxed); /* the record's */
    vex_spin_lock(&s->lock);
    c->next = s->children;
    if (s->children) s->children->prev = c;
    s->children = c;
    s->running++;
    if (s->outcome != VEX_TASK_COMPLETED) task_request_cancel(t);
    vex_spin_unlock(&s->lock);
    /* The record is the task's joiner from now on; if it finished already, count it out here. */
    if (!join_register(t, (void *)((uintptr_t)c | JOINER_SCOPE_BIT))) scope_child_done(c);
    handle_unpin(scope);
    return 0;
}

int64_t vex_scope_cancel(int64_t scope) {
    vex_scope *s = handle_pin(scope, HANDLE_SCOPE);
    if (!s) return VEX_ERR_BAD_HANDLE;
    vex_spin_lock(&s->lock);
    stop_locked(s, VEX_TASK_CANCELLED, 0);
    vex_spin_unlock(&s->lock);
    handle_unpin(scope);
    return 0;
}

/* Gives up the join's hold on the scope: the handle's reference (taken) or the claim's pin. */
static void release_joined(scope_join_frame *f, int64_t handle_or_zero) {
    if (f->state & SJ_OWNED) scope_unref(f->scope);
    else handle_unpin(handle_or_zero);
}

static vex_scope *joined_scope(scope_join_frame *f, int64_t *handle) {
    if (f->state & SJ_OWNED) return f->scope;
    *handle = f->handle;
    return atomic_load_explicit(&handle_table[(uint32_t)f->handle].obj, memory_order_relaxed);
}

static void scope_join_cancel(void *frame, vex_task *joiner) {
    scope_join_frame *f = frame;
    int64_t h = 0;
    vex_scope *s = joined_scope(f, &h);
    vex_spin_lock(&s->lock);
    bool mine = s->joiner == joiner;
    if (mine) s->joiner = NULL;
    stop_locked(s, VEX_TASK_CANCELLED, 0); /* the scope's tasks go with the task joining it */
    vex_spin_unlock(&s->lock);
    if (mine) vex_task_unref(joiner);
    release_joined(f, h);
}

vex_poll vex_scope_join(void *frame, vex_task *task) {
    scope_join_frame *f = frame;
    if (f->state == 0) {
        /* Consumed now, as vex_join consumes a task handle: taken in one CAS, or claimed if a
         * vex_scope_add or vex_scope_cancel has it pinned (its slot then lives until we unpin). */
        vex_scope *taken = handle_take(f->handle, HANDLE_SCOPE);
        if (taken) {
            f->scope = taken;
            f->state = SJ_OWNED;
        } else if (handle_claim(f->handle, HANDLE_SCOPE)) {
            f->state = SJ_CLAIMED;
        } else {
            return (vex_poll){VEX_FAILED, VEX_FAIL_BAD_HANDLE};
        }
    }
    int64_t h = 0;
    vex_scope *s = joined_scope(f, &h);
    vex_spin_lock(&s->lock);
    if (s->running > 0) {
        if (!(f->state & SJ_REGISTERED)) {
            vex_task_ref(task); /* the scope's reference to its joiner */
            s->joiner = task;
            f->state |= SJ_REGISTERED;
            vex_task_set_cancel_hook(task, scope_join_cancel, f);
        }
        vex_spin_unlock(&s->lock);
        return (vex_poll){VEX_PENDING, 0};
    }
    int outcome = s->outcome;
    uint64_t value = s->value;
    vex_spin_unlock(&s->lock);
    vex_task_set_cancel_hook(task, NULL, NULL);
    f->value = value;
    release_joined(f, h);
    return (vex_poll){VEX_READY, (uint64_t)outcome};
}

const vex_future_desc vex_scope_join_desc = {vex_scope_join, VEX_SCOPE_JOIN_FRAME_SIZE, 8, 1, 2,
                                             "vex_scope_join"};
