/* sock.h: socket handles.  A socket (TCP or UDP) is a reactor registration (vex_io) owned by a
 * slot of the handle table (kind HANDLE_SOCK), so a bad, closed, stale or foreign socket handle
 * is -EBADF and never dereferenced.
 *
 * Every operation pins the handle for the time it uses the registration (one CAS in, one out),
 * so a close on another thread cannot pull the socket from under it.  A close consumes the
 * handle: from then on no new pin succeeds, and whoever drops the last pin (the close itself
 * when nobody else holds one) closes the socket, which wakes the tasks parked on it; polled
 * again, they find the handle dead and return -EBADF.  Parked tasks hold no pin: their cancel
 * hooks pin the handle again to withdraw themselves (nothing to do when it is dead). */
#ifndef VEX_SOCK_H
#define VEX_SOCK_H

#include <stdint.h>

#include "handle.h"
#include "reactor.h"

struct vex_runtime;

/* Registers fd (non-blocking) with rt's reactor under a new socket handle; returns the handle,
 * or -errno after closing fd. */
int64_t sock_open(struct vex_runtime *rt, int fd);

/* The registration of a live, unclosed socket handle, pinned; NULL if the handle is bad. */
static inline vex_io *sock_pin(int64_t sock) { return handle_pin_open(sock, HANDLE_SOCK); }

/* sock_pin for an async leaf: also NULL for a socket of another runtime than the current one
 * (its reactor would wake the task on the wrong runtime). */
vex_io *sock_pin_local(int64_t sock);

static inline void sock_unpin(int64_t sock) { handle_unpin(sock); }

/* Consumes the handle (0), or -EBADF if it is bad or already closed.  The socket closes when
 * the last pin on it goes: at once unless an operation on another thread is using it. */
int64_t sock_close(int64_t sock);

#endif
