/* vex_select.h: waiting on several channel operations and a deadline at once.
 *
 * %vex_select(i64 ops, i64 n, i64 timeout_ns) -> i64 index, i64 status, i64 value     async
 *   ops points at n operations (n <= VEX_SELECT_MAX_OPS), each three i64 words:
 *   {kind, channel, value}: kind VEX_SELECT_RECV (value unused) or VEX_SELECT_SEND (the value
 *   to send).  The operations are read at the first poll only.  The first operation that can
 *   complete does, and the select returns its index; every other one is withdrawn without
 *   effect: a send that lost sent nothing, a receive that lost took nothing (the value stays in
 *   the channel for the next receiver).  When several can complete at once, the one taken is
 *   chosen at random (each select starts its scan at a random operation), so no operation
 *   starves.  A closed channel counts as ready: status 1 (value 0).
 *   timeout_ns < 0 waits without a deadline, 0 does not wait (a try-send / try-receive), > 0
 *   waits at most that long; when the deadline passes first the result is (-1, 0, 0).
 *   Results: index (or -1), status (0 done, 1 closed), value (what a receive got, else 0).
 *   A bad channel handle fails the task with VEX_FAIL_BAD_HANDLE; n outside 0..MAX or an unknown
 *   kind with VEX_FAIL_BAD_ARGUMENT.  Cancelling the task withdraws every operation (a value
 *   already handed to a receive that won is lost with the task, as for %vex_chan_recv).
 *   Frame: VEX_SELECT_FRAME_SIZE, 8-aligned; index is vex_poll.value, status at offset 32 and
 *   value at offset 40 (result slots 1 and 2). */
#ifndef VEX_SELECT_H
#define VEX_SELECT_H

#include "vex_runtime.h"

#ifdef __cplusplus
extern "C" {
#endif

#define VEX_SELECT_RECV 0
#define VEX_SELECT_SEND 1
#define VEX_SELECT_MAX_OPS 64
#define VEX_SELECT_TIMED_OUT (-1)
#define VEX_SELECT_FRAME_SIZE 136

/* Failure value (VEX_TASK_FAILED) of a builtin given an argument outside its domain. */
#define VEX_FAIL_BAD_ARGUMENT 0x10002u
/* Failure value of a builtin that could not allocate what it needs. */
#define VEX_FAIL_NO_MEMORY 0x10003u

/* One operation of a select, as it lies in memory. */
typedef struct vex_select_op {
    int64_t kind;
    int64_t chan;
    int64_t value;
} vex_select_op;

VEX_API vex_poll vex_select(void *frame, vex_task *task);
VEX_API extern const vex_future_desc vex_select_desc;

#ifdef __cplusplus
}
#endif
#endif
