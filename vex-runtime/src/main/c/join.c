/* join.c: %vex_join(i64 h) -> i64 and %vex_join_status(i64 h) -> i64 status, i64 value.
 * Both consume the handle on their first poll (a vex_cancel of it afterwards finds it stale;
 * cancelling the joiner cancels the joined task); a bad handle (0, bogus, already consumed,
 * stale) fails the joining task with VEX_FAIL_BAD_HANDLE.  vex_join returns the task's first result (0 when it
 * was cancelled); when the task failed, the joiner fails too with the same trap code (it returns
 * VEX_FAILED, as the interpreter propagates a joined task's trap), and the trap site travels
 * with it.  vex_join_status instead returns the outcome (VEX_TASK_*) and the value, the trap code
 * for a failed task. */
#include "handle.h"
#include "task.h"
#include "worker.h"


typedef struct {
    /* 0 not started; else JOIN_OWNED or JOIN_CLAIMED, plus JOIN_REGISTERED once registered. */
    uint64_t state;
    /* The handle; once owned, the task itself (the handle is gone, its hold is ours). */
    union {
        int64_t handle;
        vex_task *task;
    };
    uint64_t value; /* vex_join_status: result slot 1 */
} join_frame;

_Static_assert(sizeof(join_frame) == VEX_JOIN_STATUS_FRAME_SIZE, "join_status frame is ABI");
_Static_assert(offsetof(join_frame, value) == VEX_JOIN_FRAME_SIZE, "join frame is ABI");

enum {
    JOIN_REGISTERED = 1,
    JOIN_OWNED = 2,   /* the handle was taken in one CAS: its slot is free, we hold the task */
    JOIN_CLAIMED = 4, /* a vex_cancel had it pinned: claimed, its slot lives until we unpin */
};

static vex_task *joined_task(join_frame *f) {
    if (f->state & JOIN_OWNED) return f->task;
    /* Claimed: the claim's pin keeps slot and task. */
    return atomic_load_explicit(&handle_table[(uint32_t)f->handle].obj, memory_order_relaxed);
}

/* Gives up the handle's hold on the task (the join is done or cancelled). */
static void release_joined(join_frame *f, vex_task *t) {
    if (f->state & JOIN_OWNED) task_release_handle(t);
    else handle_unpin(f->handle);
}

static void join_cancel(void *frame, vex_task *joiner) {
    join_frame *f = frame;
    vex_task *t = joined_task(f);
    /* The task we wait for is ours to cancel: its handle dies with us (vex_runtime.h). */
    task_request_cancel(t);
    /* If the completer already owns our registration it wakes us (dropping our reference). */
    if (join_unregister(t)) vex_task_unref(joiner);
    release_joined(f, t);
}

enum { JOIN_PENDING, JOIN_DONE, JOIN_BAD_HANDLE };

/* JOIN_DONE with the outcome in *outcome and the value in *value, JOIN_PENDING, or
 * JOIN_BAD_HANDLE.  The handle is consumed on the first poll, so that exactly one join or
 * detach gets it: taken in one CAS (the slot is freed at once and the join holds the task), or,
 * if a vex_cancel has it pinned at that moment, claimed and released when the join is done. */
static int poll_join(join_frame *f, vex_task *task, int *outcome, uint64_t *value, uintptr_t *site) {
    if (f->state == 0) {
        vex_task *taken = handle_take(f->handle, HANDLE_TASK);
        if (taken) {
            f->task = taken;
            f->state = JOIN_OWNED;
        } else if (handle_claim(f->handle, HANDLE_TASK)) {
            f->state = JOIN_CLAIMED;
        } else {
            return JOIN_BAD_HANDLE;
        }
    }
    vex_task *t = joined_task(f);
    uint64_t s;
    if (!task_is_complete(t, &s)) {
        if (f->state & JOIN_REGISTERED) return JOIN_PENDING; /* a spurious poll */
        vex_task_ref(task);                                  /* the completer's reference to us */
        if (join_register(t, task)) {
            f->state |= JOIN_REGISTERED;
            vex_task_set_cancel_hook(task, join_cancel, f);
            return JOIN_PENDING;
        }
        vex_task_unref(task);
        task_is_complete(t, &s);
    }
    vex_task_set_cancel_hook(task, NULL, NULL);
    *outcome = join_outcome(s);
    *value = *outcome == VEX_TASK_CANCELLED ? 0 : t->u.result; /* FAILED: the trap code */
    if (site) *site = *outcome == VEX_TASK_FAILED ? *(uint64_t *)task_frame(t) : 0; /* see task_run */
    release_joined(f, t);
    return JOIN_DONE;
}

vex_poll vex_join(void *frame, vex_task *task) {
    int outcome;
    uint64_t value;
    uintptr_t site;
    switch (poll_join(frame, task, &outcome, &value, &site)) {
    case JOIN_PENDING: return (vex_poll){VEX_PENDING, 0};
    case JOIN_BAD_HANDLE: return (vex_poll){VEX_FAILED, VEX_FAIL_BAD_HANDLE};
    default: break;
    }
    if (outcome == VEX_TASK_FAILED) {
        vex_current_worker->failed_site = site;
        return (vex_poll){VEX_FAILED, value};
    }
    return (vex_poll){VEX_READY, value};
}

vex_poll vex_join_status(void *frame, vex_task *task) {
    join_frame *f = frame;
    int outcome;
    uint64_t value;
    switch (poll_join(f, task, &outcome, &value, NULL)) {
    case JOIN_PENDING: return (vex_poll){VEX_PENDING, 0};
    case JOIN_BAD_HANDLE: return (vex_poll){VEX_FAILED, VEX_FAIL_BAD_HANDLE};
    default: break;
    }
    f->value = value;
    return (vex_poll){VEX_READY, (uint64_t)outcome};
}

const vex_future_desc vex_join_desc = {vex_join, VEX_JOIN_FRAME_SIZE, 8, 1, 1, "vex_join"};
const vex_future_desc vex_join_status_desc = {vex_join_status, VEX_JOIN_STATUS_FRAME_SIZE, 8, 1,
                                              2, "vex_join_status"};
