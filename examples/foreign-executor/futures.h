/* The C futures tasks.clif awaits (futures.c), and the frames its declarations state. */
#ifndef FOREIGN_FUTURES_H
#define FOREIGN_FUTURES_H

#include "vex_runtime.h"

#define DELAY_DOUBLE_FRAME_SIZE 48
#define DELAY_DOUBLE_FRAME_ALIGN 8

vex_poll delay_double(void *frame, vex_task *task);
vex_poll yield_now(void *frame, vex_task *task);

/* The completion thread behind delay_double. */
int futures_start(void);
void futures_stop(void);

#endif
