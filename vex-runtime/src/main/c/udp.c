/* udp.c: UDP sockets over the reactor (vex_net.h).  Socket handles are checked and pinned as
 * for TCP (sock.h); syscalls retry on EINTR, park the task on EAGAIN and report any other
 * failure as -errno.
 *
 * A send or receive that parks arms the socket's timeout in its direction, as for TCP.
 *
 * Frame (VEX_UDP_FRAME_SIZE): state, then send_to's five parameters, or recv_from's three
 * parameters followed by its result slots 1 and 2 (the sender's address and port); then the
 * deadline's timer node. */
#include <errno.h>
#include <netinet/in.h>
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
    int64_t p[5]; /* recv_from: p[3], p[4] are result slots 1 and 2 */
    timer_node timer;
} udp_frame;

_Static_assert(sizeof(udp_frame) == VEX_UDP_FRAME_SIZE, "udp frame size is ABI");

static vex_poll ready(int64_t v) { return (vex_poll){VEX_READY, (uint64_t)v}; }
static const vex_poll PENDING = {VEX_PENDING, 0};

static void unwait(udp_frame *f, int dir, vex_task *task) {
    vex_io *io = sock_pin(f->p[0]);
    if (io) { /* else closed: the close woke the task and dropped the registration */
        io_unwait(io, dir, task);
        sock_unpin(f->p[0]);
    }
    deadline_disarm(&f->state, &f->timer, task, NULL, 0);
}
static void unwait_read(void *frame, vex_task *task) { unwait(frame, IO_READ, task); }
static void unwait_write(void *frame, vex_task *task) { unwait(frame, IO_WRITE, task); }

/* The operation's result (for recv_from, the sender's slots are the caller's to fill). */
static vex_poll finish(vex_io *io, int dir, udp_frame *f, vex_task *task, int64_t v) {
    vex_task_set_cancel_hook(task, NULL, NULL);
    deadline_disarm(&f->state, &f->timer, task, io, dir);
    return ready(v);
}

/* finish for a socket that is gone (closed, or never pinned). */
static vex_poll done(udp_frame *f, vex_task *task, int64_t v) { return finish(NULL, 0, f, task, v); }

static struct sockaddr_in ipv4(int64_t addr, int64_t port) {
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl((uint32_t)addr);
    sa.sin_port = htons((uint16_t)port);
    return sa;
}

int64_t vex_udp_bind(int64_t addr, int64_t port) {
    struct vex_runtime *rt = current_runtime();
    if (!rt) return -EINVAL;
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -errno;
    struct sockaddr_in sa = ipv4(addr, port);
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        int err = errno;
        close(fd);
        return -err;
    }
    return sock_open(rt, fd);
}

int64_t vex_udp_close(int64_t sock) { return sock_close(sock); }

static vex_poll send_pinned(vex_io *io, udp_frame *f, vex_task *task) {
    struct sockaddr_in sa = ipv4(f->p[3], f->p[4]);
    for (;;) {
        uint32_t seq = io_seq(io, IO_WRITE);
        ssize_t n = sendto(io->fd, (const void *)(uintptr_t)f->p[1], (size_t)f->p[2], MSG_NOSIGNAL,
                           (struct sockaddr *)&sa, sizeof sa);
        if (n >= 0) return finish(io, IO_WRITE, f, task, n);
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) return finish(io, IO_WRITE, f, task, -errno);
        int rc = deadline_park(io, IO_WRITE, seq, task, &f->state, &f->timer, unwait_write, f);
        if (rc == 1) return PENDING;
        if (rc < 0) return finish(io, IO_WRITE, f, task, rc);
    }
}

vex_poll vex_udp_send_to(void *frame, vex_task *task) {
    udp_frame *f = frame;
    vex_io *io = sock_pin_local(f->p[0]);
    if (!io) return done(f, task, -EBADF);
    vex_poll r = send_pinned(io, f, task);
    sock_unpin(f->p[0]);
    return r;
}

static vex_poll recv_pinned(vex_io *io, udp_frame *f, vex_task *task) {
    for (;;) {
        uint32_t seq = io_seq(io, IO_READ);
        struct sockaddr_in sa;
        socklen_t len = sizeof sa;
        memset(&sa, 0, sizeof sa);
        ssize_t n = recvfrom(io->fd, (void *)(uintptr_t)f->p[1], (size_t)f->p[2], 0, (struct sockaddr *)&sa, &len);
        if (n >= 0) {
            f->p[3] = (int64_t)ntohl(sa.sin_addr.s_addr);
            f->p[4] = ntohs(sa.sin_port);
            return finish(io, IO_READ, f, task, n);
        }
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            f->p[3] = f->p[4] = 0;
            return finish(io, IO_READ, f, task, -errno);
        }
        int rc = deadline_park(io, IO_READ, seq, task, &f->state, &f->timer, unwait_read, f);
        if (rc == 1) return PENDING;
        if (rc < 0) {
            f->p[3] = f->p[4] = 0;
            return finish(io, IO_READ, f, task, rc);
        }
    }
}

vex_poll vex_udp_recv_from(void *frame, vex_task *task) {
    udp_frame *f = frame;
    vex_io *io = sock_pin_local(f->p[0]);
    if (!io) {
        f->p[3] = f->p[4] = 0;
        return done(f, task, -EBADF);
    }
    vex_poll r = recv_pinned(io, f, task);
    sock_unpin(f->p[0]);
    return r;
}

const vex_future_desc vex_udp_send_to_desc = {vex_udp_send_to, VEX_UDP_FRAME_SIZE, 8, 5, 1, "vex_udp_send_to"};
const vex_future_desc vex_udp_recv_from_desc = {vex_udp_recv_from, VEX_UDP_FRAME_SIZE, 8, 3, 3, "vex_udp_recv_from"};
