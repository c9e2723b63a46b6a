/* A small executor for Vex-compiled async code that is not Vex's runtime: one thread polls tasks
 * from a ready queue; any thread may wake a task.  It drives code that awaits only C futures
 * (the runtime's leaf futures, such as vex_sleep, need libvexrt's workers).
 *
 * What generated code needs from it: the resume ABI of vex_runtime.h (a task pointer that the
 * code passes, untouched, to the futures it awaits) and, for traps, a vex_trap that does not
 * return.  Objects come from `vex compile --no-runtime`, which makes the stack limit a weak zero. */
#ifndef FOREIGN_EXECUTOR_H
#define FOREIGN_EXECUTOR_H

#include <stdint.h>
#include "vex_runtime.h"

/* What became of a task. */
enum fx_outcome { FX_RUNNING, FX_DONE, FX_TRAPPED };

typedef struct fx_task fx_task;

/* Starts desc(args...) (desc->nparams 64-bit slots).  NULL when out of memory. */
fx_task *fx_spawn(const vex_future_desc *desc, const uint64_t *args);

/* Polls until every task spawned so far has finished. */
void fx_run(void);

/* A finished task's outcome, and its first result (DONE) or trap code (TRAPPED). */
enum fx_outcome fx_outcome(const fx_task *task, uint64_t *value);

/* Result i (from 1) of a DONE task: read from its frame, where the async ABI puts it. */
uint64_t fx_result(const fx_task *task, uint32_t i);

void fx_free(fx_task *task);

/* For C futures: the task the future was polled for (its vex_task *) is to be polled again.
 * Callable from any thread, any number of times; wakes that arrive while the task runs are kept. */
void fx_wake(vex_task *task);

#endif
