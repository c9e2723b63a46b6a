/* yield.c: %vex_yield(): PENDING once, after waking itself; the worker then puts the task behind
 * the others (worker.h, the yield list).  Frame: the state word only. */
#include "task.h"

vex_poll vex_yield(void *frame, vex_task *task) {
    uint64_t *state = frame;
    if (*state != 0) return (vex_poll){VEX_READY, 0};
    *state = 1;
    vex_task_wake_by_ref(task); /* the task is running: this only sets NOTIFIED */
    return (vex_poll){VEX_PENDING, 0};
}

const vex_future_desc vex_yield_desc = {vex_yield, VEX_YIELD_FRAME_SIZE, 8, 0, 0, "vex_yield"};
