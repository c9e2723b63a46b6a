/* join.c: %vex_join(i64 h) -> i64 and %vex_join_status(i64 h) -> i64 status, i64 value.
 * Both claim the handle on their first poll and release it when they finish; a bad handle (0,
 * bogus, already consumed, stale) fails the joining task with VEX_FAIL_BAD_HANDLE.  vex_join returns the task's first result (0 when it
 * was cancelled); when the task failed, the joiner fails too with the same trap code (it returns
 * VEX_FAILED, as the interpreter propagates a joined task's trap), and the trap site travels
 * with it.  vex_join_status instead returns the outcome (VEX_TASK_*) and the value, the trap code
 * for a failed task. */
#include "handle.h"
#include "task.h"
#include "worker.h"


typedef struct {
    uint64_t state; /* 0 not started, 2 handle claimed, 1 claimed and registered */
    int64_t handle;
    uint64_t value; /* vex_join_status: result slot 1 */
} join_frame;

_Static_assert(sizeof(join_frame) == VEX_JOIN_STATUS_FRAME_SIZE, "join_status frame is ABI");
_Static_assert(offsetof(join_frame, value) == VEX_JOIN_FRAME_SIZE, "join frame is ABI");

/* The task of a handle this join claimed (the claim's pin keeps slot and task). */
static vex_task *claimed_task(join_frame *f) {
    return atomic_load_explicit(&handle_table[(uint32_t)f->handle].obj, memory_order_relaxed);
}

static void join_cancel(void *frame, vex_task *joiner) {
    join_frame *f = frame;
    /* If the completer already owns our registration it wakes us (dropping our reference). */
    if (join_unregister(claimed_task(f))) vex_task_unref(joiner);
    handle_unpin(f->handle); /* the handle dies with the awaiting task */
}

enum { JOIN_PENDING, JOIN_DONE, JOIN_BAD_HANDLE };

/* JOIN_DONE with the outcome in *outcome and the value in *value, JOIN_PENDING, or
 * JOIN_BAD_HANDLE.  The handle is claimed on the first poll, so that exactly one join or
 * detach gets it, and released once the join is done. */
static int poll_join(join_frame *f, vex_task *task, int *outcome, uint64_t *value, uintptr_t *site) {
    if (f->state == 0) {
        if (!handle_claim(f->handle, HANDLE_TASK)) return JOIN_BAD_HANDLE;
        f->state = 2;
    }
    vex_task *t = claimed_task(f);
    uint64_t s;
    if (!task_is_complete(t, &s)) {
        if (f->state == 1) return JOIN_PENDING; /* registered already; a spurious poll */
        vex_task_ref(task);                      /* the completer's reference to us */
        if (join_register(t, task)) {
            f->state = 1;
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
    handle_unpin(f->handle);
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
