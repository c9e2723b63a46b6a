/* test_io_timeouts.c: socket timeouts (deadline.h).  Reads, accepts, recv_froms, writes and
 * connects that wait longer than their timeout return -ETIMEDOUT, not before it, and leave the
 * socket usable; an operation that completes first leaves no timer behind (no reference keeps
 * its task alive); a cancelled one neither; completions racing their deadline are clean (TSan,
 * ASan). */
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>

#include "vex_net.h"
#include "test_util.h"

#define LOOPBACK 0x7f000001
#define MS 1000000LL

static int64_t leaf(vex_runtime *rt, const vex_future_desc *d, uint64_t a0, uint64_t a1,
                    uint64_t a2, uint64_t a3, uint64_t a4, uint64_t *more) {
    uint64_t args[5] = {a0, a1, a2, a3, a4}, r[3] = {0, 0, 0};
    CHECK_EQ(vex_block_on(rt, d, args, r), VEX_TASK_COMPLETED);
    if (more) {
        more[0] = r[1];
        more[1] = r[2];
    }
    return (int64_t)r[0];
}

static int64_t open_listener(vex_runtime *rt) {
    int64_t l = leaf(rt, &vex_tcp_listen_desc, LOOPBACK, 0, 0, 0, 0, NULL);
    CHECK(l > 0);
    return l;
}

static void connected_pair(vex_runtime *rt, int64_t listener, int64_t out[2]) {
    int64_t port = vex_tcp_local_port(listener);
    out[0] = leaf(rt, &vex_tcp_connect_desc, LOOPBACK, (uint64_t)port, 0, 0, 0, NULL);
    CHECK(out[0] > 0);
    out[1] = leaf(rt, &vex_tcp_accept_desc, (uint64_t)listener, 0, 0, 0, 0, NULL);
    CHECK(out[1] > 0);
}

/* async %write_until_error(sock, buf, len) -> i64: writes until a write fails; its -errno. */
static vex_poll write_until_error(void *frame, vex_task *task) {
    uint64_t *f = frame; /* state, sock, buf, len, sub... */
    uint64_t *sub = &f[4], r;
    for (;;) {
        if (f[0] == 0) {
            sub[0] = 0;
            sub[1] = f[1];
            sub[2] = f[2];
            sub[3] = f[3];
            f[0] = 1;
        }
        AWAIT(vex_tcp_write, sub, task, r);
        if ((int64_t)r < 0) return READY(r);
        f[0] = 0;
    }
}
static const vex_future_desc write_until_error_desc = {
    write_until_error, 32 + VEX_TCP_FRAME_SIZE, 8, 3, 1, "write_until_error"};

static void every_direction_times_out(void) {
    vex_runtime *rt = vex_runtime_create(2);
    vex_runtime_enter(rt);
    uint64_t buf = (uint64_t)vex_alloc(1 << 16);
    int64_t l = open_listener(rt);
    int64_t p[2];
    connected_pair(rt, l, p);
    CHECK_EQ(vex_tcp_set_option(p[1], VEX_SO_RECV_TIMEOUT, -1), -EINVAL);
    CHECK_EQ(vex_tcp_set_option(p[1], VEX_SO_RECV_TIMEOUT, 30 * MS), 0);
    int64_t t0 = now_ns();
    CHECK_EQ(leaf(rt, &vex_tcp_read_desc, (uint64_t)p[1], buf, 8, 0, 0, NULL), -ETIMEDOUT);
    int64_t waited = now_ns() - t0;
    CHECK(waited >= 30 * MS);
    CHECK(waited < 10000 * MS);
    /* Still usable: the peer's bytes come with the next read. */
    *(uint64_t *)(uintptr_t)buf = 0x1122334455667788ull;
    CHECK_EQ(leaf(rt, &vex_tcp_write_desc, (uint64_t)p[0], buf, 8, 0, 0, NULL), 8);
    CHECK_EQ(leaf(rt, &vex_tcp_read_desc, (uint64_t)p[1], buf + 8, 8, 0, 0, NULL), 8);
    CHECK_EQ(*(uint64_t *)(uintptr_t)(buf + 8), 0x1122334455667788ull);

    CHECK_EQ(vex_tcp_set_option(l, VEX_SO_RECV_TIMEOUT, 20 * MS), 0);
    CHECK_EQ(leaf(rt, &vex_tcp_accept_desc, (uint64_t)l, 0, 0, 0, 0, NULL), -ETIMEDOUT);

    CHECK_EQ(vex_tcp_set_option(p[0], VEX_SO_SEND_TIMEOUT, 20 * MS), 0);
    CHECK_EQ(leaf(rt, &write_until_error_desc, (uint64_t)p[0], buf, 1 << 16, 0, 0, NULL), -ETIMEDOUT);

    int64_t u = vex_udp_bind(LOOPBACK, 0);
    CHECK_EQ(vex_tcp_set_option(u, VEX_SO_RECV_TIMEOUT, 20 * MS), 0);
    uint64_t from[2] = {9, 9};
    CHECK_EQ(leaf(rt, &vex_udp_recv_from_desc, (uint64_t)u, buf, 8, 0, 0, from), -ETIMEDOUT);
    CHECK_EQ(from[0], 0);
    CHECK_EQ(from[1], 0);

    CHECK_EQ(vex_udp_close(u), 0);
    CHECK_EQ(vex_udp_close(p[0]), 0);
    CHECK_EQ(vex_udp_close(p[1]), 0);
    CHECK_EQ(vex_udp_close(l), 0);
    vex_free((int64_t)buf);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

/* A connect to a listener whose accept queue is full waits (the kernel drops the SYN). */
static void connect_with_times_out(void) {
    vex_runtime *rt = vex_runtime_create(2);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(LOOPBACK)};
    socklen_t len = sizeof sa;
    CHECK_EQ(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
    CHECK_EQ(listen(fd, 0), 0);
    CHECK_EQ(getsockname(fd, (struct sockaddr *)&sa, &len), 0);
    uint64_t port = ntohs(sa.sin_port);
    CHECK_EQ(leaf(rt, &vex_tcp_connect_with_desc, LOOPBACK, port, 0, 0, 0, NULL) > 0, 1); /* queued */
    CHECK_EQ(leaf(rt, &vex_tcp_connect_with_desc, LOOPBACK, port, (uint64_t)-1, 0, 0, NULL), -EINVAL);
    int64_t t0 = now_ns();
    CHECK_EQ(leaf(rt, &vex_tcp_connect_with_desc, LOOPBACK, port, 50 * MS, 0, 0, NULL), -ETIMEDOUT);
    CHECK(now_ns() - t0 >= 50 * MS);
    close(fd);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

/* A read that completes long before its timeout, and a timed read that is cancelled: neither
 * leaves a timer holding its task (the runtime has no live task right after). */
static void completion_and_cancel_disarm(void) {
    vex_runtime *rt = vex_runtime_create(2);
    vex_runtime_enter(rt);
    uint64_t buf = (uint64_t)vex_alloc(64);
    int64_t l = open_listener(rt);
    int64_t p[2];
    connected_pair(rt, l, p);
    CHECK_EQ(vex_tcp_set_option(p[1], VEX_SO_RECV_TIMEOUT, 3600000 * MS), 0);
    int64_t reading = vex_spawn_on(rt, &vex_tcp_read_desc, (uint64_t[]){(uint64_t)p[1], buf, 8});
    usleep(10000); /* parked, its timer armed */
    CHECK_EQ(leaf(rt, &vex_tcp_write_desc, (uint64_t)p[0], buf + 8, 8, 0, 0, NULL), 8);
    uint64_t r;
    CHECK_EQ(vex_handle_wait(reading, &r, 1), VEX_TASK_COMPLETED);
    CHECK_EQ(r, 8);
    expect_no_live_tasks(rt);
    int64_t cancelled = vex_spawn_on(rt, &vex_tcp_read_desc, (uint64_t[]){(uint64_t)p[1], buf, 8});
    usleep(10000);
    CHECK_EQ(vex_cancel(cancelled), 0);
    CHECK_EQ(vex_handle_wait(cancelled, &r, 1), VEX_TASK_CANCELLED);
    expect_no_live_tasks(rt);
    /* A parked timed read at teardown: cancelled with its timer. */
    vex_detach(vex_spawn_on(rt, &vex_tcp_read_desc, (uint64_t[]){(uint64_t)p[1], buf, 8}));
    usleep(10000);
    vex_free((int64_t)buf);
    vex_runtime_destroy(rt);
}

/* async %read_race(sock, buf) -> i64: a read with a 1 ms timeout; after a timeout, reads again
 * without one: so always the 8 bytes, whichever came first. */
static vex_poll read_race(void *frame, vex_task *task) {
    uint64_t *f = frame; /* state, sock, buf, first, sub... */
    uint64_t *sub = &f[4], r;
    switch (f[0]) {
    case 0:
        sub[0] = 0, sub[1] = f[1], sub[2] = f[2], sub[3] = 8;
        f[0] = 1;
        /* fallthrough */
    case 1:
        AWAIT(vex_tcp_read, sub, task, r);
        f[3] = r;
        if ((int64_t)r != -ETIMEDOUT) return READY(r);
        CHECK_EQ(vex_tcp_set_option((int64_t)f[1], VEX_SO_RECV_TIMEOUT, 0), 0);
        sub[0] = 0, sub[1] = f[1], sub[2] = f[2], sub[3] = 8;
        f[0] = 2;
        /* fallthrough */
    case 2:
        AWAIT(vex_tcp_read, sub, task, r);
        return READY(r);
    }
    return READY(-1);
}
static const vex_future_desc read_race_desc = {read_race, 32 + VEX_TCP_FRAME_SIZE, 8, 2, 1,
                                               "read_race"};

/* Rounds where the data and a 1 ms deadline arrive at about the same time. */
static void completions_race_deadlines(void) {
    vex_runtime *rt = vex_runtime_create(3);
    vex_runtime_enter(rt);
    uint64_t buf = (uint64_t)vex_alloc(64);
    int64_t l = open_listener(rt);
    int64_t p[2];
    connected_pair(rt, l, p);
    for (int round = 0; round < SCALED(400); round++) {
        CHECK_EQ(vex_tcp_set_option(p[1], VEX_SO_RECV_TIMEOUT, 1 * MS), 0);
        int64_t h = vex_spawn_on(rt, &read_race_desc, (uint64_t[]){(uint64_t)p[1], buf});
        usleep((useconds_t)(round % 3) * 500);
        CHECK_EQ(leaf(rt, &vex_tcp_write_desc, (uint64_t)p[0], buf + 16, 8, 0, 0, NULL), 8);
        uint64_t r;
        CHECK_EQ(vex_handle_wait(h, &r, 1), VEX_TASK_COMPLETED);
        CHECK_EQ(r, 8);
    }
    vex_udp_close(p[0]);
    vex_udp_close(p[1]);
    vex_udp_close(l);
    vex_free((int64_t)buf);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

int main(void) {
    RUN(every_direction_times_out);
    RUN(connect_with_times_out);
    RUN(completion_and_cancel_disarm);
    RUN(completions_race_deadlines);
    return 0;
}
