/* A C future for Vex's runtime: thread_double(x) -> 2x, computed on a thread of its own, which
 * then wakes the awaiting task with vex_task_wake.  Declared in IR as
 *     fn0 = async %thread_double(i64) -> i64 frame 40 align 8 */
#ifndef THREAD_DOUBLE_H
#define THREAD_DOUBLE_H

#include "vex_runtime.h"

#define THREAD_DOUBLE_FRAME_SIZE 40
#define THREAD_DOUBLE_FRAME_ALIGN 8

vex_poll thread_double(void *frame, vex_task *task);

#endif
