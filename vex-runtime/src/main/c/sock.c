/* sock.c: socket handles (see sock.h). */
#include "sock.h"

#include <errno.h>
#include <unistd.h>

#include "worker.h"

int64_t sock_open(struct vex_runtime *rt, int fd) {
    vex_io *io = io_register(rt->reactor, fd);
    if (!io) {
        int err = errno;
        close(fd);
        return -err;
    }
    int64_t h = handle_new(rt, HANDLE_SOCK, io);
    if (!h) {
        io_close(io);
        return -ENFILE; /* the handle table is full */
    }
    return h;
}

vex_io *sock_pin_local(int64_t sock) {
    vex_io *io = sock_pin(sock);
    struct vex_runtime *rt = current_runtime();
    if (io && (!rt || io->reactor != rt->reactor)) {
        sock_unpin(sock);
        return NULL;
    }
    return io;
}

int64_t sock_close(int64_t sock) {
    return handle_consume(sock, HANDLE_SOCK) ? 0 : -EBADF;
}

void sock_release_handle(void *io) { io_close(io); }
