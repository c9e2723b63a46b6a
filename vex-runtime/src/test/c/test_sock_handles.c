/* test_sock_handles.c: sockets are checked handles.  Every socket entry point answers -EBADF
 * for 0, bogus, closed, stale (destroyed runtime) and wrong-kind handles, async leaves also for
 * a socket of another runtime; socket handles are refused as tasks and channels; closing a
 * socket wakes the tasks parked on it with -EBADF; closes racing operations and cancellations
 * on other threads are clean (run under TSan and ASan). */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>

#include "vex_net.h"
#include "test_util.h"

#define LOOPBACK 0x7f000001

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static int64_t random_value(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (int64_t)rng;
}

/* 0, small integers, extremes, random bits, and random handle-shaped values. */
static int64_t bogus(int i) {
    static const int64_t fixed[] = {0, 1, -1, 2, 42, 12345, INT64_MAX, INT64_MIN, (int64_t)1 << 32,
                                    ((int64_t)0x7ffffffd << 32) | 1};
    int n = (int)(sizeof fixed / sizeof fixed[0]);
    if (i < n) return fixed[i];
    if (i % 2) return random_value();
    return (int64_t)(((uint64_t)random_value() | 1) << 32 | (uint64_t)(random_value() & 0xffff));
}

/* Runs one async leaf as a task to its end; returns its first result (results 1.. in more). */
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

/* Every socket entry point with handle h: each must say -EBADF. */
static void expect_bad_everywhere(vex_runtime *rt, int64_t h, uint64_t buf) {
    uint64_t from[2] = {7, 7};
    CHECK_EQ(vex_tcp_local_port(h), -EBADF);
    CHECK_EQ(vex_tcp_shutdown(h), -EBADF);
    CHECK_EQ(vex_tcp_set_option(h, VEX_TCP_NODELAY, 1), -EBADF);
    CHECK_EQ(vex_tcp_peer_addr(h), -EBADF);
    CHECK_EQ(vex_tcp_peer_port(h), -EBADF);
    CHECK_EQ(vex_udp_close(h), -EBADF);
    CHECK_EQ(leaf(rt, &vex_tcp_accept_desc, (uint64_t)h, 0, 0, 0, 0, NULL), -EBADF);
    CHECK_EQ(leaf(rt, &vex_tcp_read_desc, (uint64_t)h, buf, 8, 0, 0, NULL), -EBADF);
    CHECK_EQ(leaf(rt, &vex_tcp_write_desc, (uint64_t)h, buf, 8, 0, 0, NULL), -EBADF);
    CHECK_EQ(leaf(rt, &vex_tcp_close_desc, (uint64_t)h, 0, 0, 0, 0, NULL), -EBADF);
    CHECK_EQ(leaf(rt, &vex_udp_send_to_desc, (uint64_t)h, buf, 8, LOOPBACK, 9, NULL), -EBADF);
    CHECK_EQ(leaf(rt, &vex_udp_recv_from_desc, (uint64_t)h, buf, 8, 0, 0, from), -EBADF);
    CHECK_EQ(from[0], 0);
    CHECK_EQ(from[1], 0);
}

static int64_t open_listener(vex_runtime *rt) {
    int64_t l = leaf(rt, &vex_tcp_listen_desc, LOOPBACK, 0, 0, 0, 0, NULL);
    CHECK(l > 0);
    return l;
}

/* A connected pair on rt: out[0] the client side, out[1] the server side. */
static void connected_pair(vex_runtime *rt, int64_t listener, int64_t out[2]) {
    int64_t port = vex_tcp_local_port(listener);
    CHECK(port > 0);
    out[0] = leaf(rt, &vex_tcp_connect_desc, LOOPBACK, (uint64_t)port, 0, 0, 0, NULL);
    CHECK(out[0] > 0);
    out[1] = leaf(rt, &vex_tcp_accept_desc, (uint64_t)listener, 0, 0, 0, 0, NULL);
    CHECK(out[1] > 0);
}

static void bogus_and_wrong_kind_handles(void) {
    vex_runtime *rt = vex_runtime_create(2);
    vex_runtime_enter(rt);
    uint64_t buf = (uint64_t)vex_alloc(64);
    int64_t chan = vex_chan_new(1);
    uint64_t hour = 3600ull * 1000000000ull;
    int64_t task = vex_spawn_on(rt, &vex_sleep_desc, &hour);
    CHECK(chan != 0 && task != 0);
    expect_bad_everywhere(rt, chan, buf); /* a channel is not a socket */
    expect_bad_everywhere(rt, task, buf); /* nor is a task */
    for (int i = 0; i < SCALED(600); i++) expect_bad_everywhere(rt, bogus(i), buf);

    /* A socket is neither a task nor a channel. */
    int64_t l = open_listener(rt);
    CHECK_EQ(vex_cancel(l), VEX_ERR_BAD_HANDLE);
    CHECK_EQ(vex_detach(l), VEX_ERR_BAD_HANDLE);
    CHECK_EQ(vex_handle_wait(l, NULL, 0), VEX_ERR_BAD_HANDLE);
    CHECK_EQ(vex_chan_close(l), VEX_ERR_BAD_HANDLE);
    CHECK_EQ(vex_chan_free(l), VEX_ERR_BAD_HANDLE);
    CHECK(vex_tcp_local_port(l) > 0); /* and it still works */

    /* Closed sockets, TCP and UDP, either close closing either kind. */
    int64_t pair[2];
    connected_pair(rt, l, pair);
    CHECK_EQ(leaf(rt, &vex_tcp_close_desc, (uint64_t)pair[0], 0, 0, 0, 0, NULL), 0);
    CHECK_EQ(vex_udp_close(pair[1]), 0);
    CHECK_EQ(leaf(rt, &vex_tcp_close_desc, (uint64_t)l, 0, 0, 0, 0, NULL), 0);
    int64_t u = vex_udp_bind(LOOPBACK, 0);
    CHECK(u > 0);
    CHECK_EQ(leaf(rt, &vex_tcp_close_desc, (uint64_t)u, 0, 0, 0, 0, NULL), 0);
    int64_t closed[] = {pair[0], pair[1], l, u};
    for (int i = 0; i < 4; i++) expect_bad_everywhere(rt, closed[i], buf);

    CHECK_EQ(vex_cancel(task), 0);
    CHECK_EQ(vex_handle_wait(task, NULL, 0), VEX_TASK_CANCELLED);
    vex_chan_free(chan);
    vex_free((int64_t)buf);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

/* Sockets of a destroyed runtime are stale; an async leaf refuses a live socket of another
 * runtime (its reactor would wake the task on the wrong runtime), sync calls accept it. */
static void stale_and_foreign_sockets(void) {
    vex_runtime *a = vex_runtime_create(1);
    vex_runtime *b = vex_runtime_create(1);
    vex_runtime_enter(b);
    uint64_t buf = (uint64_t)vex_alloc(64);
    int64_t la = open_listener(a);
    int64_t pair[2];
    connected_pair(a, la, pair);
    CHECK(vex_tcp_local_port(pair[0]) > 0);
    CHECK_EQ(leaf(b, &vex_tcp_read_desc, (uint64_t)pair[1], buf, 8, 0, 0, NULL), -EBADF);
    CHECK_EQ(leaf(b, &vex_tcp_write_desc, (uint64_t)pair[0], buf, 8, 0, 0, NULL), -EBADF);
    CHECK_EQ(leaf(b, &vex_tcp_accept_desc, (uint64_t)la, 0, 0, 0, 0, NULL), -EBADF);
    CHECK_EQ(leaf(b, &vex_tcp_close_desc, (uint64_t)la, 0, 0, 0, 0, NULL), -EBADF);
    CHECK(vex_tcp_local_port(la) > 0); /* the foreign close did nothing */
    /* A read parked on a's socket when a goes: a's teardown closes it, the handles go stale. */
    int64_t parked = vex_spawn_on(a, &vex_tcp_read_desc, (uint64_t[]){(uint64_t)pair[1], buf, 8});
    CHECK(parked != 0);
    usleep(10000);
    vex_runtime_destroy(a);
    int64_t stale[] = {la, pair[0], pair[1]};
    for (int i = 0; i < 3; i++) expect_bad_everywhere(b, stale[i], buf);
    vex_free((int64_t)buf);
    vex_runtime_destroy(b);
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

/* Closing a socket that tasks wait on: the close succeeds and each waiter wakes with -EBADF
 * (a reader and a writer at once on a TCP socket, an accept, a recv_from). */
static void close_wakes_waiters(void) {
    vex_runtime *rt = vex_runtime_create(2);
    vex_runtime_enter(rt);
    uint64_t buf = (uint64_t)vex_alloc(1 << 16);
    int64_t l = open_listener(rt);
    int64_t pair[2];
    connected_pair(rt, l, pair);
    int64_t accepting = vex_spawn_on(rt, &vex_tcp_accept_desc, (uint64_t[]){(uint64_t)l});
    int64_t reading = vex_spawn_on(rt, &vex_tcp_read_desc, (uint64_t[]){(uint64_t)pair[0], buf, 8});
    /* The writer fills the socket buffers (the peer never reads) and parks. */
    int64_t big = 1 << 20;
    uint64_t huge = (uint64_t)vex_alloc(big);
    int64_t writing = vex_spawn_on(rt, &write_until_error_desc, (uint64_t[]){(uint64_t)pair[0], huge, (uint64_t)big});
    int64_t u = vex_udp_bind(LOOPBACK, 0);
    int64_t receiving = vex_spawn_on(rt, &vex_udp_recv_from_desc, (uint64_t[]){(uint64_t)u, buf, 8});
    usleep(20000); /* all four are parked by now (a late one gets -EBADF just the same) */
    CHECK_EQ(leaf(rt, &vex_tcp_close_desc, (uint64_t)l, 0, 0, 0, 0, NULL), 0);
    CHECK_EQ(leaf(rt, &vex_tcp_close_desc, (uint64_t)pair[0], 0, 0, 0, 0, NULL), 0);
    CHECK_EQ(vex_udp_close(u), 0);
    uint64_t r[3];
    CHECK_EQ(vex_handle_wait(accepting, r, 1), VEX_TASK_COMPLETED);
    CHECK_EQ((int64_t)r[0], -EBADF);
    CHECK_EQ(vex_handle_wait(reading, r, 1), VEX_TASK_COMPLETED);
    CHECK_EQ((int64_t)r[0], -EBADF);
    CHECK_EQ(vex_handle_wait(writing, r, 1), VEX_TASK_COMPLETED);
    CHECK_EQ((int64_t)r[0], -EBADF);
    r[1] = r[2] = 9;
    CHECK_EQ(vex_handle_wait(receiving, r, 3), VEX_TASK_COMPLETED);
    CHECK_EQ((int64_t)r[0], -EBADF);
    CHECK_EQ(r[1], 0);
    CHECK_EQ(r[2], 0);
    CHECK_EQ(vex_udp_close(pair[1]), 0);
    vex_free((int64_t)huge);
    vex_free((int64_t)buf);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

/* A thread that keeps using a socket handle with sync calls while it is closed elsewhere. */
typedef struct {
    int64_t sock;
    atomic_bool stop;
    int64_t calls;
} hammer;

static void *hammer_main(void *arg) {
    hammer *h = arg;
    while (!atomic_load(&h->stop)) {
        int64_t p = vex_tcp_local_port(h->sock);
        CHECK(p > 0 || p == -EBADF);
        int64_t o = vex_tcp_set_option(h->sock, VEX_SO_KEEPALIVE, 1);
        CHECK(o == 0 || o == -EBADF);
        h->calls++;
    }
    return NULL;
}

/* Rounds of: a reader parked on a socket, a cancelled reader, a thread hammering the handle,
 * and a close from a task: the close always succeeds once, the reader always ends with -EBADF
 * (parked or not yet started), nothing is used after it is freed. */
static void close_racing_operations(void) {
    vex_runtime *rt = vex_runtime_create(3);
    vex_runtime_enter(rt);
    uint64_t buf = (uint64_t)vex_alloc(64);
    int64_t l = open_listener(rt);
    for (int round = 0; round < SCALED(300); round++) {
        int64_t pair[2];
        connected_pair(rt, l, pair);
        hammer h = {.sock = pair[0]};
        pthread_t t;
        pthread_create(&t, NULL, hammer_main, &h);
        int64_t reading = vex_spawn_on(rt, &vex_tcp_read_desc, (uint64_t[]){(uint64_t)pair[0], buf, 8});
        int64_t cancelled = vex_spawn_on(rt, &vex_tcp_read_desc, (uint64_t[]){(uint64_t)pair[1], buf, 8});
        if (round % 2) usleep(100);
        CHECK_EQ(vex_cancel(cancelled), 0);
        int64_t closes[2] = {vex_spawn_on(rt, &vex_tcp_close_desc, (uint64_t[]){(uint64_t)pair[0]}),
                             vex_spawn_on(rt, &vex_tcp_close_desc, (uint64_t[]){(uint64_t)pair[0]})};
        uint64_t r0, r1, v;
        CHECK_EQ(vex_handle_wait(closes[0], &r0, 1), VEX_TASK_COMPLETED);
        CHECK_EQ(vex_handle_wait(closes[1], &r1, 1), VEX_TASK_COMPLETED);
        CHECK((r0 == 0 && (int64_t)r1 == -EBADF) || (r1 == 0 && (int64_t)r0 == -EBADF));
        CHECK_EQ(vex_handle_wait(reading, &v, 1), VEX_TASK_COMPLETED);
        CHECK_EQ((int64_t)v, -EBADF);
        int32_t st = vex_handle_wait(cancelled, &v, 1);
        /* Cancelled, or it ended first: the peer's close gave it end of stream. */
        CHECK(st == VEX_TASK_CANCELLED || (st == VEX_TASK_COMPLETED && v == 0));
        atomic_store(&h.stop, true);
        pthread_join(t, NULL);
        CHECK_EQ(vex_udp_close(pair[1]), 0);
    }
    CHECK_EQ(vex_udp_close(l), 0);
    vex_free((int64_t)buf);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

int main(void) {
    RUN(bogus_and_wrong_kind_handles);
    RUN(stale_and_foreign_sockets);
    RUN(close_wakes_waiters);
    RUN(close_racing_operations);
    return 0;
}
