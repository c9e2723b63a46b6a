/* reactor.c: epoll reactor (see reactor.h). */
#include "reactor.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "task.h"

enum { MAX_EVENTS = 128 };

struct reactor {
    int epfd, evfd;
    atomic_bool token;     /* held by the driver */
    _Atomic int64_t nlive; /* registrations, so idle runtimes skip the syscall */
    pthread_mutex_t lock;  /* guards live and graveyard */
    vex_io *live;
    vex_io *graveyard;     /* closed, waiting until no driver can hold an event for them */
};

reactor *reactor_new(void) {
    reactor *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->epfd = epoll_create1(EPOLL_CLOEXEC);
    r->evfd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (r->epfd < 0 || r->evfd < 0) goto fail;
    struct epoll_event ev = {.events = EPOLLIN | EPOLLET, .data.ptr = NULL};
    if (epoll_ctl(r->epfd, EPOLL_CTL_ADD, r->evfd, &ev) < 0) goto fail;
    pthread_mutex_init(&r->lock, NULL);
    return r;
fail:
    if (r->epfd >= 0) close(r->epfd);
    if (r->evfd >= 0) close(r->evfd);
    free(r);
    return NULL;
}

static void free_graveyard(reactor *r) {
    pthread_mutex_lock(&r->lock);
    vex_io *g = r->graveyard;
    r->graveyard = NULL;
    pthread_mutex_unlock(&r->lock);
    while (g) {
        vex_io *next = g->next;
        free(g);
        g = next;
    }
}

vex_task *reactor_free(reactor *r) {
    vex_task *tasks = NULL;
    for (vex_io *io = r->live; io;) {
        vex_io *next = io->next;
        for (int d = 0; d < 2; d++) {
            if (io->waiter[d]) {
                io->waiter[d]->next = tasks;
                tasks = io->waiter[d];
            }
        }
        close(io->fd);
        free(io);
        io = next;
    }
    free_graveyard(r);
    close(r->epfd);
    close(r->evfd);
    pthread_mutex_destroy(&r->lock);
    free(r);
    return tasks;
}

bool reactor_acquire(reactor *r) {
    bool expected = false;
    /* acquire: pairs with the previous driver's release, so its event handling is done. */
    if (!atomic_compare_exchange_strong_explicit(&r->token, &expected, true,
                                                 memory_order_acquire, memory_order_relaxed))
        return false;
    /* Every registration on the graveyard was deleted from epoll before it got there, and the
     * previous driver finished with its events: nothing can name them any more. */
    free_graveyard(r);
    return true;
}

void reactor_release(reactor *r) { atomic_store_explicit(&r->token, false, memory_order_release); }

void reactor_unpark(reactor *r) {
    uint64_t one = 1;
    ssize_t n = write(r->evfd, &one, sizeof one);
    (void)n; /* EAGAIN: the counter is already non-zero, the driver will wake anyway */
}

static void ready(vex_io *io, int dir) {
    vex_spin_lock(&io->lock);
    atomic_fetch_add_explicit(&io->seq[dir], 1, memory_order_release);
    vex_task *t = io->waiter[dir];
    io->waiter[dir] = NULL;
    vex_spin_unlock(&io->lock);
    if (t) vex_task_wake(t); /* consumes the registration's reference */
}

static bool dispatch(reactor *r, int timeout_ms) {
    struct epoll_event evs[MAX_EVENTS];
    int n = epoll_wait(r->epfd, evs, MAX_EVENTS, timeout_ms);
    bool woke = false;
    for (int i = 0; i < n; i++) {
        vex_io *io = evs[i].data.ptr;
        uint32_t e = evs[i].events;
        if (!io) {
            uint64_t v;
            ssize_t k = read(r->evfd, &v, sizeof v);
            (void)k;
            continue;
        }
        if (e & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) ready(io, IO_READ);
        if (e & (EPOLLOUT | EPOLLHUP | EPOLLERR)) ready(io, IO_WRITE);
        woke = true;
    }
    return woke; /* n < 0 is EINTR: the caller's loop looks again */
}

void reactor_wait(reactor *r, int64_t timeout_ns) {
    int ms = -1;
    if (timeout_ns >= 0) {
        int64_t m = (timeout_ns + 999999) / 1000000;
        ms = m > 1000000 ? 1000000 : (int)m;
    }
    dispatch(r, ms);
}

bool reactor_poll_now(reactor *r) {
    if (atomic_load_explicit(&r->nlive, memory_order_relaxed) == 0) return false;
    if (!reactor_acquire(r)) return false;
    bool woke = dispatch(r, 0);
    reactor_release(r);
    return woke;
}

vex_io *io_register(reactor *r, int fd) {
    vex_io *io = calloc(1, sizeof *io);
    if (!io) return NULL;
    io->fd = fd;
    io->reactor = r;
    pthread_mutex_lock(&r->lock);
    io->next = r->live;
    if (r->live) r->live->prev = io;
    r->live = io;
    pthread_mutex_unlock(&r->lock);
    struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET, .data.ptr = io};
    if (epoll_ctl(r->epfd, EPOLL_CTL_ADD, fd, &ev) < 0) {
        int err = errno;
        pthread_mutex_lock(&r->lock);
        if (io->prev) io->prev->next = io->next;
        else r->live = io->next;
        if (io->next) io->next->prev = io->prev;
        pthread_mutex_unlock(&r->lock);
        free(io);
        errno = err;
        return NULL;
    }
    atomic_fetch_add_explicit(&r->nlive, 1, memory_order_relaxed);
    return io;
}

void io_close(vex_io *io) {
    reactor *r = io->reactor;
    vex_spin_lock(&io->lock);
    if (io->closed) {
        vex_spin_unlock(&io->lock);
        return;
    }
    io->closed = true;
    vex_task *waiters[2] = {io->waiter[IO_READ], io->waiter[IO_WRITE]};
    io->waiter[IO_READ] = io->waiter[IO_WRITE] = NULL;
    vex_spin_unlock(&io->lock);
    for (int d = 0; d < 2; d++)
        if (waiters[d]) vex_task_wake(waiters[d]); /* consumes the registration's reference */
    epoll_ctl(r->epfd, EPOLL_CTL_DEL, io->fd, NULL);
    close(io->fd);
    atomic_fetch_sub_explicit(&r->nlive, 1, memory_order_relaxed);
    pthread_mutex_lock(&r->lock);
    if (io->prev) io->prev->next = io->next;
    else r->live = io->next;
    if (io->next) io->next->prev = io->prev;
    io->next = r->graveyard;
    r->graveyard = io;
    pthread_mutex_unlock(&r->lock);
}

int io_wait(vex_io *io, int dir, uint32_t seq, vex_task *task) {
    vex_spin_lock(&io->lock);
    int rc;
    if (io->closed) {
        rc = -EBADF; /* not reached while the caller pins the socket's handle; kept as a net */
    } else if (atomic_load_explicit(&io->seq[dir], memory_order_relaxed) != seq) {
        rc = 0; /* readiness arrived since the syscall: retry it */
    } else if (io->waiter[dir] == task) {
        rc = 1; /* polled again before the event: still registered */
    } else if (io->waiter[dir]) {
        rc = -EBUSY;
    } else {
        vex_task_ref(task);
        io->waiter[dir] = task;
        rc = 1;
    }
    vex_spin_unlock(&io->lock);
    return rc;
}

void io_unwait(vex_io *io, int dir, vex_task *task) {
    vex_spin_lock(&io->lock);
    bool mine = io->waiter[dir] == task;
    if (mine) io->waiter[dir] = NULL;
    vex_spin_unlock(&io->lock);
    if (mine) vex_task_unref(task);
}
