/* join.c: %vex_join(i64 h) -> i64 and %vex_join_status(i64 h) -> i64 status, i64 value.
 * Both consume the handle when they return READY.  vex_join returns the task's first result (0
 * when it was cancelled, the trap code when it failed); vex_join_status also says which
 * (VEX_TASK_*). */
#include "task.h"


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
static bool poll_join(join_frame *f, vex_task *task, int *outcome, uint64_t *value) {
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
    vex_detach(f->handle);
    return true;
}

vex_poll vex_join(void *frame, vex_task *task) {
    int outcome;
    uint64_t value;
    if (!poll_join(frame, task, &outcome, &value)) return (vex_poll){VEX_PENDING, 0};
    return (vex_poll){VEX_READY, value};
}

vex_poll vex_join_status(void *frame, vex_task *task) {
    join_frame *f = frame;
    int outcome;
    uint64_t value;
    if (!poll_join(f, task, &outcome, &value)) return (vex_poll){VEX_PENDING, 0};
    f->value = value;
    return (vex_poll){VEX_READY, (uint64_t)outcome};
}

const vex_future_desc vex_join_desc = {vex_join, VEX_JOIN_FRAME_SIZE, 8, 1, 1, "vex_join"};
const vex_future_desc vex_join_status_desc = {vex_join_status, VEX_JOIN_STATUS_FRAME_SIZE, 8, 1,
                                              2, "vex_join_status"};
