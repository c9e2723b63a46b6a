/* reactor.h: I/O readiness for sockets, on epoll (edge-triggered).
 *
 * One thread at a time drives the reactor (a token): a worker about to park drives it with a
 * timeout instead of sleeping on its futex, and busy workers poll it without blocking every
 * maintenance tick.  The interface is in terms of registrations and readiness, so kqueue or
 * io_uring can slot in behind it.
 *
 * Readiness protocol (no lost wake-ups with edge triggering): each direction has a sequence
 * number that the reactor bumps, under the registration's lock, on every event.  An operation
 * reads the sequence before its syscall; on EAGAIN it registers its task only if the sequence is
 * unchanged, else it retries the syscall at once. */
#ifndef VEX_REACTOR_H
#define VEX_REACTOR_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "spinlock.h"
#include "vex_runtime.h"

struct vex_runtime;

enum { IO_READ = 0, IO_WRITE = 1 };

typedef struct vex_io {
    int fd;
    struct reactor *reactor;
    vex_spinlock lock;
    _Atomic uint32_t seq[2];  /* bumped (release) under lock by the reactor on readiness */
    vex_task *waiter[2];      /* with a reference; guarded by lock */
    bool closed;              /* guarded by lock */
    _Atomic int64_t timeout_ns[2]; /* per direction, 0 = none (deadline.h); relaxed */
    struct vex_io *prev, *next; /* the reactor's list of live registrations */
} vex_io;

typedef struct reactor reactor;

reactor *reactor_new(void);
/* Cancels nothing: returns, chained through ->next, every task still registered (each with the
 * registration's reference), then closes every socket and frees the reactor. */
vex_task *reactor_free(reactor *r);

bool reactor_acquire(reactor *r);
void reactor_release(reactor *r);
/* Driver only: waits at most timeout_ns (< 0: no limit) for readiness and wakes waiters. */
void reactor_wait(reactor *r, int64_t timeout_ns);
/* Polls without blocking if there are registrations and nobody drives; true if it woke a task. */
bool reactor_poll_now(reactor *r);
/* Interrupts the driver's wait. */
void reactor_unpark(reactor *r);

/* Registers a non-blocking socket; NULL (errno set) on failure. */
vex_io *io_register(reactor *r, int fd);
/* Deregisters and closes (once: later calls do nothing); the tasks that wait on it are woken
 * and find their socket handle dead when they poll again (sock.h).  Memory is reclaimed once
 * no event delivered before the deregistration can still be in a driver's hands. */
void io_close(vex_io *io);
/* After a syscall returned EAGAIN with the sequence seq read before it: registers task (taking
 * a reference) and returns 1, or returns 0 when readiness arrived meanwhile (retry), or -EBUSY
 * when another task waits in that direction. */
int io_wait(vex_io *io, int dir, uint32_t seq, vex_task *task);
/* Cancel hook support: withdraws task's registration if still there. */
void io_unwait(vex_io *io, int dir, vex_task *task);
static inline uint32_t io_seq(vex_io *io, int dir) {
    /* acquire: pairs with the reactor's release bump, so a syscall after it sees the data. */
    return atomic_load_explicit(&io->seq[dir], memory_order_acquire);
}

#endif
