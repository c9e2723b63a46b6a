/* test_net.c: TCP over loopback through the reactor: an echo with many concurrent clients
 * (each half-closes its side and keeps reading the echo), with signals interrupting the
 * workers throughout; a peer reset; a refused connection. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include "reactor.h"
#include "sock.h"
#include "test_util.h"

#define LOOPBACK 0x7f000001

/* Awaits a TCP leaf with up to three arguments in the embedded frame `sub`. */
#define TCP_CALL(fn, sub, a0, a1, a2) ((sub)[0] = 0, (sub)[1] = (uint64_t)(a0), \
                                       (sub)[2] = (uint64_t)(a1), (sub)[3] = (uint64_t)(a2))

/* async %echo_conn(sock) -> i64 bytes: reads and writes back until EOF, then half-closes. */
typedef struct {
    uint64_t state;
    int64_t sock;
    int64_t total, n, off;
    char *buf;
    uint64_t sub[VEX_TCP_FRAME_SIZE / 8];
} echo_frame;

static vex_poll echo_conn(void *frame, vex_task *task) {
    echo_frame *f = frame;
    uint64_t r;
    for (;;) {
        switch (f->state) {
        case 0:
            f->buf = (char *)(uintptr_t)vex_alloc(4096);
            f->total = 0;
            f->state = 1;
            /* fallthrough */
        case 1:
            TCP_CALL(vex_tcp_read, f->sub, f->sock, f->buf, 4096);
            f->state = 2;
            /* fallthrough */
        case 2:
            AWAIT(vex_tcp_read, f->sub, task, r);
            f->n = (int64_t)r;
            if (f->n <= 0) {
                CHECK_EQ(f->n, 0); /* the peer half-closed: EOF, while we can still write */
                CHECK_EQ(vex_tcp_shutdown(f->sock), 0);
                TCP_CALL(vex_tcp_close, f->sub, f->sock, 0, 0);
                f->state = 4;
                continue;
            }
            f->total += f->n;
            f->off = 0;
            f->state = 3;
            TCP_CALL(vex_tcp_write, f->sub, f->sock, f->buf, f->n);
            /* fallthrough */
        case 3:
            AWAIT(vex_tcp_write, f->sub, task, r);
            CHECK((int64_t)r > 0);
            f->off += (int64_t)r;
            if (f->off < f->n) {
                TCP_CALL(vex_tcp_write, f->sub, f->sock, f->buf + f->off, f->n - f->off);
                continue;
            }
            f->state = 1;
            continue;
        case 4:
            AWAIT(vex_tcp_close, f->sub, task, r);
            CHECK_EQ(r, 0);
            vex_free((int64_t)(uintptr_t)f->buf);
            return READY(f->total);
        }
    }
}
static const vex_future_desc echo_desc = {echo_conn, sizeof(echo_frame), 8, 1, 1, "echo_conn"};

/* async %server(i64 listener, i64 k): accepts k connections, an echo task for each. */
typedef struct {
    uint64_t state;
    int64_t listener, k, i;
    uint64_t sub[VEX_TCP_FRAME_SIZE / 8];
} server_frame;

static vex_poll server(void *frame, vex_task *task) {
    server_frame *f = frame;
    uint64_t r;
    if (f->state == 0) {
        f->i = 0;
        f->state = 1;
    }
    for (;;) {
        if (f->state == 1) {
            if (f->i == f->k) return READY(f->i);
            TCP_CALL(vex_tcp_accept, f->sub, f->listener, 0, 0);
            f->state = 2;
        }
        AWAIT(vex_tcp_accept, f->sub, task, r);
        CHECK((int64_t)r > 0);
        uint64_t s = r;
        vex_detach(vex_spawn(&echo_desc, &s));
        f->i++;
        f->state = 1;
    }
}
static const vex_future_desc server_desc = {server, sizeof(server_frame), 8, 2, 1, "server"};

/* async %writer(sock, buf, len): writes everything, then half-closes. */
typedef struct {
    uint64_t state;
    int64_t sock;
    char *buf;
    int64_t len, off;
    uint64_t sub[VEX_TCP_FRAME_SIZE / 8];
} writer_frame;

static vex_poll writer(void *frame, vex_task *task) {
    writer_frame *f = frame;
    uint64_t r;
    if (f->state == 0) {
        f->off = 0;
        TCP_CALL(vex_tcp_write, f->sub, f->sock, f->buf, f->len);
        f->state = 1;
    }
    for (;;) {
        AWAIT(vex_tcp_write, f->sub, task, r);
        CHECK((int64_t)r > 0);
        f->off += (int64_t)r;
        if (f->off == f->len) break;
        TCP_CALL(vex_tcp_write, f->sub, f->sock, f->buf + f->off, f->len - f->off);
    }
    CHECK_EQ(vex_tcp_shutdown(f->sock), 0);
    return READY(f->off);
}
static const vex_future_desc writer_desc = {writer, sizeof(writer_frame), 8, 3, 1, "writer"};

/* async %client(port, len, seed) -> i64 bytes echoed: connects, writes len pattern bytes from a
 * writer task while reading the echo back until EOF, checks it, closes. */
typedef struct {
    uint64_t state;
    int64_t port, len, seed;
    int64_t sock, got;
    char *out, *in;
    uint64_t sub[VEX_TCP_FRAME_SIZE / 8];
    uint64_t join[VEX_JOIN_FRAME_SIZE / 8];
} client_frame;

static vex_poll client(void *frame, vex_task *task) {
    client_frame *f = frame;
    uint64_t r;
    for (;;) {
        switch (f->state) {
        case 0:
            f->out = (char *)(uintptr_t)vex_alloc(f->len);
            f->in = (char *)(uintptr_t)vex_alloc(f->len + 1);
            for (int64_t i = 0; i < f->len; i++) f->out[i] = (char)(i * 31 + f->seed);
            TCP_CALL(vex_tcp_connect, f->sub, LOOPBACK, f->port, 0);
            f->state = 1;
            /* fallthrough */
        case 1:
            AWAIT(vex_tcp_connect, f->sub, task, r);
            CHECK((int64_t)r > 0);
            f->sock = (int64_t)r;
            f->got = 0;
            {
                uint64_t wa[3] = {(uint64_t)f->sock, (uint64_t)(uintptr_t)f->out,
                                  (uint64_t)f->len};
                f->join[0] = 0;
                f->join[1] = (uint64_t)vex_spawn(&writer_desc, wa);
            }
            f->state = 2;
            /* fallthrough */
        case 2:
            TCP_CALL(vex_tcp_read, f->sub, f->sock, f->in + f->got, f->len + 1 - f->got);
            f->state = 3;
            /* fallthrough */
        case 3:
            AWAIT(vex_tcp_read, f->sub, task, r);
            CHECK((int64_t)r >= 0);
            if (r > 0) {
                f->got += (int64_t)r;
                f->state = 2;
                continue;
            }
            CHECK_EQ(f->got, f->len);
            CHECK(memcmp(f->in, f->out, (size_t)f->len) == 0);
            f->state = 4;
            /* fallthrough */
        case 4:
            AWAIT(vex_join, f->join, task, r);
            CHECK_EQ(r, f->len);
            TCP_CALL(vex_tcp_close, f->sub, f->sock, 0, 0);
            f->state = 5;
            /* fallthrough */
        case 5:
            AWAIT(vex_tcp_close, f->sub, task, r);
            CHECK_EQ(r, 0);
            vex_free((int64_t)(uintptr_t)f->out);
            vex_free((int64_t)(uintptr_t)f->in);
            return READY(f->got);
        }
    }
}
static const vex_future_desc client_desc = {client, sizeof(client_frame), 8, 3, 1, "client"};

static atomic_bool signalling;
static void on_signal(int sig) { (void)sig; }
static void *signaller(void *arg) {
    (void)arg;
    while (atomic_load(&signalling)) {
        kill(getpid(), SIGUSR1);
        usleep(200);
    }
    return NULL;
}

static int64_t open_listener(vex_runtime *rt) {
    uint64_t la[2] = {LOOPBACK, 0}, r;
    CHECK_EQ(vex_block_on(rt, &vex_tcp_listen_desc, la, &r), VEX_TASK_COMPLETED);
    CHECK((int64_t)r > 0);
    return (int64_t)r;
}

static void close_socket(vex_runtime *rt, int64_t s) {
    uint64_t a = (uint64_t)s, r;
    CHECK_EQ(vex_block_on(rt, &vex_tcp_close_desc, &a, &r), VEX_TASK_COMPLETED);
    CHECK_EQ(r, 0);
}

static void echo_over_loopback_with_signals(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal; /* no SA_RESTART: blocking calls see EINTR */
    sigaction(SIGUSR1, &sa, NULL);
    atomic_store(&signalling, true);
    pthread_t sig;
    pthread_create(&sig, NULL, signaller, NULL);

    vex_runtime *rt = vex_runtime_create(3);
    int64_t l = open_listener(rt);
    int64_t port = vex_tcp_local_port(l);
    CHECK(port > 0);
    enum { K = 16 };
    uint64_t sa2[2] = {(uint64_t)l, K};
    int64_t hs = vex_spawn_on(rt, &server_desc, sa2);
    int64_t hc[K];
    for (int i = 0; i < K; i++) {
        /* 1 MiB each fills the socket buffers, so writes see EAGAIN and wait for readiness */
        uint64_t ca[3] = {(uint64_t)port, (uint64_t)(SCALED(1 << 20) + i), (uint64_t)i};
        hc[i] = vex_spawn_on(rt, &client_desc, ca);
    }
    for (int i = 0; i < K; i++) {
        uint64_t got;
        CHECK_EQ(vex_handle_wait(hc[i], &got, 1), VEX_TASK_COMPLETED);
        CHECK_EQ(got, SCALED(1 << 20) + i);
    }
    uint64_t accepted;
    CHECK_EQ(vex_handle_wait(hs, &accepted, 1), VEX_TASK_COMPLETED);
    CHECK_EQ(accepted, K);
    close_socket(rt, l);
    atomic_store(&signalling, false);
    pthread_join(sig, NULL);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

/* async %reset_server(listener): accepts one connection, reads one byte, then closes with an
 * RST (SO_LINGER 0). */
static vex_poll reset_server(void *frame, vex_task *task) {
    uint64_t *f = frame; /* state, listener, sock, byte, sub... */
    uint64_t *sub = &f[4];
    uint64_t r;
    switch (f[0]) {
    case 0:
        TCP_CALL(vex_tcp_accept, sub, f[1], 0, 0);
        f[0] = 1;
        /* fallthrough */
    case 1:
        AWAIT(vex_tcp_accept, sub, task, r);
        CHECK((int64_t)r > 0);
        f[2] = r;
        TCP_CALL(vex_tcp_read, sub, f[2], &f[3], 1);
        f[0] = 2;
        /* fallthrough */
    case 2: {
        AWAIT(vex_tcp_read, sub, task, r);
        CHECK_EQ(r, 1);
        struct linger lg = {1, 0}; /* close now, with a reset */
        vex_io *io = sock_pin((int64_t)f[2]);
        CHECK(io != NULL);
        CHECK_EQ(setsockopt(io->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg), 0);
        sock_unpin((int64_t)f[2]);
        TCP_CALL(vex_tcp_close, sub, f[2], 0, 0);
        f[0] = 3;
    }
        /* fallthrough */
    case 3:
        AWAIT(vex_tcp_close, sub, task, r);
        CHECK_EQ(r, 0);
    }
    return READY(0);
}
static const vex_future_desc reset_server_desc = {reset_server, 32 + VEX_TCP_FRAME_SIZE, 8, 1, 0,
                                                  "reset_server"};

/* async %reset_client(port) -> i64: connects, writes a byte, returns what the read gets. */
static vex_poll reset_client(void *frame, vex_task *task) {
    uint64_t *f = frame; /* state, port, sock, buf[8], read result, sub... */
    uint64_t *sub = &f[12];
    uint64_t r;
    switch (f[0]) {
    case 0:
        TCP_CALL(vex_tcp_connect, sub, LOOPBACK, f[1], 0);
        f[0] = 1;
        /* fallthrough */
    case 1:
        AWAIT(vex_tcp_connect, sub, task, r);
        CHECK((int64_t)r > 0);
        f[2] = r;
        f[3] = 0x55;
        TCP_CALL(vex_tcp_write, sub, f[2], &f[3], 1);
        f[0] = 2;
        /* fallthrough */
    case 2:
        AWAIT(vex_tcp_write, sub, task, r);
        CHECK_EQ(r, 1);
        TCP_CALL(vex_tcp_read, sub, f[2], &f[3], 64);
        f[0] = 3;
        /* fallthrough */
    case 3:
        AWAIT(vex_tcp_read, sub, task, r);
        f[11] = r;
        TCP_CALL(vex_tcp_write, sub, f[2], &f[3], 8);
        f[0] = 4;
        /* fallthrough */
    case 4:
        AWAIT(vex_tcp_write, sub, task, r);
        CHECK((int64_t)r == -EPIPE || (int64_t)r == -ECONNRESET);
        TCP_CALL(vex_tcp_close, sub, f[2], 0, 0);
        f[0] = 5;
        /* fallthrough */
    case 5:
        AWAIT(vex_tcp_close, sub, task, r);
        CHECK_EQ(r, 0);
        return READY(f[11]);
    }
    return READY(0);
}
static const vex_future_desc reset_client_desc = {reset_client, 12 * 8 + VEX_TCP_FRAME_SIZE, 8, 1,
                                                  1, "reset_client"};

static void peer_reset_is_reported(void) {
    vex_runtime *rt = vex_runtime_create(2);
    int64_t l = open_listener(rt);
    uint64_t la = (uint64_t)l, port = (uint64_t)vex_tcp_local_port(l), r;
    int64_t hs = vex_spawn_on(rt, &reset_server_desc, &la);
    CHECK_EQ(vex_block_on(rt, &reset_client_desc, &port, &r), VEX_TASK_COMPLETED);
    CHECK_EQ((int64_t)r, -ECONNRESET);
    CHECK_EQ(vex_handle_wait(hs, NULL, 0), VEX_TASK_COMPLETED);
    close_socket(rt, l);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

static void refused_connection_and_busy_accept(void) {
    vex_runtime *rt = vex_runtime_create(1);
    int64_t l = open_listener(rt);
    uint64_t port = (uint64_t)vex_tcp_local_port(l);
    close_socket(rt, l); /* nobody listens on port any more */
    uint64_t ca[2] = {LOOPBACK, port}, r;
    CHECK_EQ(vex_block_on(rt, &vex_tcp_connect_desc, ca, &r), VEX_TASK_COMPLETED);
    CHECK_EQ((int64_t)r, -ECONNREFUSED);
    /* An accept parked on a listener: a second accept is refused; cancelling the first
     * withdraws it (closing under a waiter: test_sock_handles). */
    l = open_listener(rt);
    uint64_t la = (uint64_t)l;
    int64_t ha = vex_spawn_on(rt, &vex_tcp_accept_desc, &la);
    usleep(10000);
    CHECK_EQ(vex_block_on(rt, &vex_tcp_accept_desc, &la, &r), VEX_TASK_COMPLETED);
    CHECK_EQ((int64_t)r, -EBUSY);
    vex_cancel(ha);
    CHECK_EQ(vex_handle_wait(ha, NULL, 0), VEX_TASK_CANCELLED);
    close_socket(rt, l);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

static void teardown_closes_parked_sockets(void) {
    vex_runtime *rt = vex_runtime_create(2);
    int64_t l = open_listener(rt);
    uint64_t la = (uint64_t)l;
    vex_detach(vex_spawn_on(rt, &vex_tcp_accept_desc, &la));
    usleep(10000);
    vex_runtime_destroy(rt); /* the accept is cancelled, the listener closed and freed */
}

int main(void) {
    RUN(refused_connection_and_busy_accept);
    RUN(peer_reset_is_reported);
    RUN(echo_over_loopback_with_signals);
    RUN(teardown_closes_parked_sockets);
    return 0;
}
