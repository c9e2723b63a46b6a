/* deadline.h: I/O timeouts.  A socket operation that parks arms a timer node that lives in its
 * own frame (as vex_sleep's does), on the current worker's timer heap, for the socket's timeout
 * in that direction (vex_tcp_set_option VEX_SO_RECV_TIMEOUT / VEX_SO_SEND_TIMEOUT).  The node
 * holds a task reference; when it fires, the worker wakes the task, which (its syscall still
 * saying EAGAIN) withdraws from the socket and returns -ETIMEDOUT.  The timeout counts from the
 * operation's first park, not from each wake.  An operation that completes, or is cancelled,
 * first disarms the node.
 *
 * The frame's state word keeps DEADLINE_ARMED (bit 1) while the node is armed; leaves keep
 * their own state in the other bits. */
#ifndef VEX_DEADLINE_H
#define VEX_DEADLINE_H

#include <stdbool.h>
#include <stdint.h>

#include "reactor.h"
#include "timer.h"

#define DEADLINE_ARMED 2u

/* After a syscall's EAGAIN, with seq read before it: parks task on io in dir (1: the caller
 * returns PENDING), or asks for a retry (0), or fails: -EBUSY (another waiter), -ETIMEDOUT (the
 * armed deadline passed; the task is withdrawn).  On parking it sets the cancel hook (hook,
 * frame) and arms the deadline once if the socket has a timeout in dir. */
int deadline_park(vex_io *io, int dir, uint32_t seq, vex_task *task, uint64_t *state,
                  timer_node *timer, vex_cancel_hook hook, void *frame);

/* The leaf is done (or cancelled): disarms the deadline if armed.  Waits, if the node has just
 * expired, until the firing worker has finished writing it (the frame may be reused at once).
 * A task woken by its timer is still registered on the socket: io (NULL when the socket is
 * closed or the caller withdrew already) withdraws it from direction dir. */
void deadline_disarm(uint64_t *state, timer_node *timer, vex_task *task, vex_io *io, int dir);

#endif
