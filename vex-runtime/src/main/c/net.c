/* net.c: TCP leaf futures over the reactor, and the sync socket calls (vex_runtime.h, vex_net.h).
 * A socket is a handle of the handle table (sock.h): each call pins it for as long as it uses
 * the socket, and a bad, closed or stale one is -EBADF (for an async leaf also one of another
 * runtime).  Sockets are non-blocking; every syscall retries on EINTR, waits for readiness on EAGAIN, and
 * reports any other failure as -errno (a peer reset is -ECONNRESET on read, -EPIPE or
 * -ECONNRESET on write; a peer's half-close is a read of 0 while writes still work).
 *
 * An accept, connect, read or write that parks arms the socket's timeout in its direction, if
 * it has one (deadline.h), and returns -ETIMEDOUT when it passes.
 *
 * Frame (VEX_TCP_FRAME_SIZE): state, three parameter slots, the connecting socket, the
 * deadline's timer node. */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "deadline.h"
#include "reactor.h"
#include "sock.h"
#include "task.h"
#include "vex_net.h"
#include "worker.h"

typedef struct {
    uint64_t state;
    int64_t p[3];
    int64_t sock; /* connect: the socket being connected, not handed out yet */
    timer_node timer; /* the operation's timeout (deadline.h) */
} tcp_frame;

enum { CONNECT_STARTED = 1 }; /* state bit; DEADLINE_ARMED is the other */

_Static_assert(sizeof(tcp_frame) == VEX_TCP_FRAME_SIZE, "tcp frame size is ABI");

static vex_poll ready(int64_t v) { return (vex_poll){VEX_READY, (uint64_t)v}; }
static const vex_poll PENDING = {VEX_PENDING, 0};

/* Cancel hooks: withdraw the task from its socket (nothing to do once the socket is closed:
 * its close woke the task and dropped the registration) and disarm the deadline. */
static void unwait(tcp_frame *f, int64_t sock, int dir, vex_task *task) {
    vex_io *io = sock_pin(sock);
    if (io) {
        io_unwait(io, dir, task);
        sock_unpin(sock);
    }
    deadline_disarm(&f->state, &f->timer, task, NULL, 0);
}
static void unwait_read(void *frame, vex_task *task) {
    unwait(frame, ((tcp_frame *)frame)->p[0], IO_READ, task);
}
static void unwait_write(void *frame, vex_task *task) {
    unwait(frame, ((tcp_frame *)frame)->p[0], IO_WRITE, task);
}
static void unwait_connect(void *frame, vex_task *task) {
    tcp_frame *f = frame;
    unwait(f, f->sock, IO_WRITE, task);
    sock_close(f->sock); /* the handle was never handed out */
}

/* The operation's result: no cancel hook, no deadline any more. */
static vex_poll finish(vex_io *io, int dir, tcp_frame *f, vex_task *task, int64_t v) {
    vex_task_set_cancel_hook(task, NULL, NULL);
    deadline_disarm(&f->state, &f->timer, task, io, dir);
    return ready(v);
}

/* finish for a socket that is gone (closed, or never pinned). */
static vex_poll done(tcp_frame *f, vex_task *task, int64_t v) { return finish(NULL, 0, f, task, v); }

static struct sockaddr_in ipv4(int64_t addr, int64_t port) {
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl((uint32_t)addr);
    sa.sin_port = htons((uint16_t)port);
    return sa;
}


/* After EAGAIN: 1 when parked (PENDING), 0 to retry, or -EBUSY / -ETIMEDOUT (deadline.h). */
static int park_on(vex_io *io, int dir, uint32_t seq, vex_task *task, vex_cancel_hook hook,
                   tcp_frame *f) {
    return deadline_park(io, dir, seq, task, &f->state, &f->timer, hook, f);
}

static int64_t listen_on(int64_t addr, int64_t port, int64_t flags) {
    if (flags & ~(int64_t)VEX_LISTEN_REUSEPORT) return -EINVAL;
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -errno;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if ((flags & VEX_LISTEN_REUSEPORT) && setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) < 0) {
        int err = errno;
        close(fd);
        return -err;
    }
    struct sockaddr_in sa = ipv4(addr, port);
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(fd, 1024) < 0) {
        int err = errno;
        close(fd);
        return -err;
    }
    return sock_open(current_runtime(), fd);
}

vex_poll vex_tcp_listen(void *frame, vex_task *task) {
    (void)task;
    tcp_frame *f = frame;
    return ready(listen_on(f->p[0], f->p[1], 0));
}

vex_poll vex_tcp_listen_with(void *frame, vex_task *task) {
    (void)task;
    tcp_frame *f = frame;
    return ready(listen_on(f->p[0], f->p[1], f->p[2]));
}

static vex_poll accept_pinned(vex_io *io, tcp_frame *f, vex_task *task) {
    for (;;) {
        uint32_t seq = io_seq(io, IO_READ);
        int fd = accept4(io->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0) {
            int one = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            return finish(io, IO_READ, f, task, sock_open(current_runtime(), fd));
        }
        if (errno == EINTR || errno == ECONNABORTED) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) return finish(io, IO_READ, f, task, -errno);
        int rc = park_on(io, IO_READ, seq, task, unwait_read, f);
        if (rc == 1) return PENDING;
        if (rc < 0) return finish(io, IO_READ, f, task, rc);
    }
}

/* Runs op with the socket in parameter 0 pinned; -EBADF if it is bad, closed or foreign. */
#define PINNED(op, frame, task)                                                              \
    do {                                                                                     \
        tcp_frame *f_ = (frame);                                                             \
        vex_io *io_ = sock_pin_local(f_->p[0]);                                              \
        if (!io_) return done(f_, (task), -EBADF);                                           \
        vex_poll r_ = op(io_, f_, (task));                                                   \
        sock_unpin(f_->p[0]);                                                                \
        return r_;                                                                           \
    } while (0)

vex_poll vex_tcp_accept(void *frame, vex_task *task) { PINNED(accept_pinned, frame, task); }

static vex_poll connect_pinned(vex_io *io, tcp_frame *f, vex_task *task,
                               const struct sockaddr_in *sa) {
    for (;;) {
        uint32_t seq = io_seq(io, IO_WRITE);
        int err = 0;
        socklen_t len = sizeof err;
        if (getsockopt(io->fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0) {
            if (connect(io->fd, (const struct sockaddr *)sa, sizeof *sa) == 0) err = 0;
            else err = errno;
        }
        if (err == 0 || err == EISCONN) return finish(io, IO_WRITE, f, task, f->sock);
        if (err == EINTR) continue;
        if (err != EINPROGRESS && err != EALREADY && err != EAGAIN) {
            io_unwait(io, IO_WRITE, task);
            return finish(io, IO_WRITE, f, task, -err); /* the caller closes the socket */
        }
        int rc = park_on(io, IO_WRITE, seq, task, unwait_connect, f);
        if (rc == 1) return PENDING;
        if (rc < 0) return finish(io, IO_WRITE, f, task, rc);
    }
}

/* timeout_ns: the write-direction timeout of the new socket while it connects (0 = none). */
static vex_poll connect_leaf(tcp_frame *f, vex_task *task, int64_t timeout_ns) {
    struct sockaddr_in sa = ipv4(f->p[0], f->p[1]);
    if (!(f->state & CONNECT_STARTED)) {
        if (timeout_ns < 0) return ready(-EINVAL);
        int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0) return ready(-errno);
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        int64_t h = sock_open(current_runtime(), fd);
        if (h < 0) return ready(h);
        f->sock = h;
        f->state = CONNECT_STARTED;
        vex_io *io = sock_pin(h);
        atomic_store_explicit(&io->timeout_ns[IO_WRITE], timeout_ns, memory_order_relaxed);
        sock_unpin(h);
    }
    vex_io *io = sock_pin(f->sock);
    if (!io) return done(f, task, -EBADF); /* not reached: nobody else has the handle */
    vex_poll r = connect_pinned(io, f, task, &sa);
    if (r.status == VEX_READY && (int64_t)r.value >= 0)
        atomic_store_explicit(&io->timeout_ns[IO_WRITE], 0, memory_order_relaxed);
    sock_unpin(f->sock);
    if (r.status == VEX_READY && (int64_t)r.value < 0) sock_close(f->sock);
    return r;
}

vex_poll vex_tcp_connect(void *frame, vex_task *task) { return connect_leaf(frame, task, 0); }

vex_poll vex_tcp_connect_with(void *frame, vex_task *task) {
    tcp_frame *f = frame;
    return connect_leaf(f, task, f->p[2]);
}

static vex_poll read_pinned(vex_io *io, tcp_frame *f, vex_task *task) {
    for (;;) {
        uint32_t seq = io_seq(io, IO_READ);
        ssize_t n = recv(io->fd, (void *)(uintptr_t)f->p[1], (size_t)f->p[2], 0);
        if (n >= 0) return finish(io, IO_READ, f, task, n);
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) return finish(io, IO_READ, f, task, -errno);
        int rc = park_on(io, IO_READ, seq, task, unwait_read, f);
        if (rc == 1) return PENDING;
        if (rc < 0) return finish(io, IO_READ, f, task, rc);
    }
}

vex_poll vex_tcp_read(void *frame, vex_task *task) { PINNED(read_pinned, frame, task); }

static vex_poll write_pinned(vex_io *io, tcp_frame *f, vex_task *task) {
    for (;;) {
        uint32_t seq = io_seq(io, IO_WRITE);
        /* MSG_NOSIGNAL: a reset peer is -EPIPE here, never a SIGPIPE that kills the JVM. */
        ssize_t n = send(io->fd, (const void *)(uintptr_t)f->p[1], (size_t)f->p[2], MSG_NOSIGNAL);
        if (n >= 0) return finish(io, IO_WRITE, f, task, n);
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) return finish(io, IO_WRITE, f, task, -errno);
        int rc = park_on(io, IO_WRITE, seq, task, unwait_write, f);
        if (rc == 1) return PENDING;
        if (rc < 0) return finish(io, IO_WRITE, f, task, rc);
    }
}

vex_poll vex_tcp_write(void *frame, vex_task *task) { PINNED(write_pinned, frame, task); }

/* Consumes the handle; the socket closes once no other operation holds it (sock.h), and the
 * tasks parked on it wake with -EBADF. */
vex_poll vex_tcp_close(void *frame, vex_task *task) {
    (void)task;
    int64_t sock = ((tcp_frame *)frame)->p[0];
    if (!sock_pin_local(sock)) return ready(-EBADF);
    int64_t rc = sock_close(sock);
    sock_unpin(sock);
    return ready(rc);
}

/* The sync calls: syscall(fd, ...) with the socket pinned, or -EBADF. */
int64_t vex_tcp_shutdown(int64_t sock) {
    vex_io *io = sock_pin(sock);
    if (!io) return -EBADF;
    int64_t rc = shutdown(io->fd, SHUT_WR) == 0 ? 0 : -errno;
    sock_unpin(sock);
    return rc;
}

int64_t vex_tcp_local_port(int64_t sock) {
    vex_io *io = sock_pin(sock);
    if (!io) return -EBADF;
    struct sockaddr_in sa;
    socklen_t len = sizeof sa;
    int64_t rc = getsockname(io->fd, (struct sockaddr *)&sa, &len) < 0 ? -errno : ntohs(sa.sin_port);
    sock_unpin(sock);
    return rc;
}

static int64_t set_option(vex_io *io, int64_t option, int64_t value) {
    if (option == VEX_SO_RECV_TIMEOUT || option == VEX_SO_SEND_TIMEOUT) {
        if (value < 0) return -EINVAL;
        int dir = option == VEX_SO_RECV_TIMEOUT ? IO_READ : IO_WRITE;
        atomic_store_explicit(&io->timeout_ns[dir], value, memory_order_relaxed);
        return 0;
    }
    int on = value != 0;
    int level = SOL_SOCKET, name;
    switch (option) {
    case VEX_TCP_NODELAY: level = IPPROTO_TCP; name = TCP_NODELAY; break;
    case VEX_SO_REUSEADDR: name = SO_REUSEADDR; break;
    case VEX_SO_REUSEPORT: name = SO_REUSEPORT; break;
    case VEX_SO_KEEPALIVE: name = SO_KEEPALIVE; break;
    default: return -EINVAL;
    }
    return setsockopt(io->fd, level, name, &on, sizeof on) == 0 ? 0 : -errno;
}

int64_t vex_tcp_set_option(int64_t sock, int64_t option, int64_t value) {
    vex_io *io = sock_pin(sock);
    if (!io) return -EBADF;
    int64_t rc = set_option(io, option, value);
    sock_unpin(sock);
    return rc;
}

static int64_t peer(int64_t sock, struct sockaddr_in *sa) {
    vex_io *io = sock_pin(sock);
    if (!io) return -EBADF;
    socklen_t len = sizeof *sa;
    int64_t rc = getpeername(io->fd, (struct sockaddr *)sa, &len) < 0 ? -errno
                 : sa->sin_family == AF_INET                         ? 0
                                                                     : -EAFNOSUPPORT;
    sock_unpin(sock);
    return rc;
}

int64_t vex_tcp_peer_addr(int64_t sock) {
    struct sockaddr_in sa;
    int64_t rc = peer(sock, &sa);
    return rc < 0 ? rc : (int64_t)ntohl(sa.sin_addr.s_addr);
}

int64_t vex_tcp_peer_port(int64_t sock) {
    struct sockaddr_in sa;
    int64_t rc = peer(sock, &sa);
    return rc < 0 ? rc : ntohs(sa.sin_port);
}

#define TCP_DESC(NAME, NP)                                                                   \
    const vex_future_desc vex_##NAME##_desc = {vex_##NAME, VEX_TCP_FRAME_SIZE, 8, NP, 1, "vex_" #NAME}
TCP_DESC(tcp_listen, 2);
TCP_DESC(tcp_listen_with, 3);
TCP_DESC(tcp_accept, 1);
TCP_DESC(tcp_connect, 2);
TCP_DESC(tcp_connect_with, 3);
TCP_DESC(tcp_read, 3);
TCP_DESC(tcp_write, 3);
TCP_DESC(tcp_close, 1);
