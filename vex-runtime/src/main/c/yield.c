/* yield.c: %vex_yield(): PENDING once; the worker then puts the task behind the others (the
 * yield list, worker.h).  The task stays RUNNING on its worker meanwhile, so a yield costs no
 * atomic operation on the task's state (task_run).  Frame: the state word only. */
#include "task.h"
#include "worker.h"

vex_poll vex_yield(void *frame, vex_task *task) {
    uint64_t *state = frame;
    if (*state != 0) return (vex_poll){VEX_READY, 0};
    *state = 1;
    (void)task;
    vex_current_worker->yielding = true;
    return (vex_poll){VEX_PENDING, 0};
}

const vex_future_desc vex_yield_desc = {vex_yield, VEX_YIELD_FRAME_SIZE, 8, 0, 0, "vex_yield"};
