/* join.c: %vex_join(i64 h) -> i64 and %vex_join_status(i64 h) -> i64 status, i64 value.
 * Both consume the handle when they finish.  vex_join returns the task's first result (0 when it
 * was cancelled); when the task failed, the joiner fails too with the same trap code (it returns
 * VEX_FAILED, as the interpreter propagates a joined task's trap), and the trap site travels
 * with it.  vex_join_status instead returns the outcome (VEX_TASK_*) and the value, the trap code
 * for a failed task. */
#include "task.h"
#include "worker.h"


typedef struct {
    uint64_t state; /* 0 not started, 1 registered */
    int64_t handle;
    uint64_t value; /* vex_join_status: result slot 1 */
} join_frame;

_Static_assert(sizeof(join_frame) == VEX_JOIN_STATUS_FRAME_SIZE, "join_status frame is ABI");
_Static_assert(offsetof(join_frame, value) == VEX_JOIN_FRAME_SIZE, "join frame is ABI");

static void join_cancel(void *frame, vex_task *joiner) {
    join_frame *f = frame;
    vex_task *t = (vex_task *)(uintptr_t)f->handle;
    /* If the completer already owns our registration it wakes us (dropping our reference). */
    if (join_unregister(t)) vex_task_unref(joiner);
    vex_detach(f->handle); /* the handle dies with the awaiting task */
}

/* READY with the outcome in *outcome and the value in *value, or PENDING. */
static bool poll_join(join_frame *f, vex_task *task, int *outcome, uint64_t *value, uintptr_t *site) {
    vex_task *t = (vex_task *)(uintptr_t)f->handle;
    uint64_t s;
    if (!task_is_complete(t, &s)) {
        if (f->state == 1) return false; /* registered already; a spurious poll */
        vex_task_ref(task);               /* the completer's reference to us */
        if (join_register(t, task)) {
            f->state = 1;
            vex_task_set_cancel_hook(task, join_cancel, f);
            return false;
        }
        vex_task_unref(task);
        task_is_complete(t, &s);
    }
    vex_task_set_cancel_hook(task, NULL, NULL);
    *outcome = join_outcome(s);
    *value = *outcome == VEX_TASK_CANCELLED ? 0 : t->u.result; /* FAILED: the trap code */
    if (site) *site = *outcome == VEX_TASK_FAILED ? *(uint64_t *)task_frame(t) : 0; /* see task_run */
    vex_detach(f->handle);
    return true;
}

vex_poll vex_join(void *frame, vex_task *task) {
    int outcome;
    uint64_t value;
    uintptr_t site;
    if (!poll_join(frame, task, &outcome, &value, &site)) return (vex_poll){VEX_PENDING, 0};
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
    if (!poll_join(f, task, &outcome, &value, NULL)) return (vex_poll){VEX_PENDING, 0};
    f->value = value;
    return (vex_poll){VEX_READY, (uint64_t)outcome};
}

const vex_future_desc vex_join_desc = {vex_join, VEX_JOIN_FRAME_SIZE, 8, 1, 1, "vex_join"};
const vex_future_desc vex_join_status_desc = {vex_join_status, VEX_JOIN_STATUS_FRAME_SIZE, 8, 1,
                                              2, "vex_join_status"};
