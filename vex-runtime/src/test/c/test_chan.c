/* test_chan.c: channels under contention (many producers and consumers on several workers, with
 * capacities 0, 1 and 64), close semantics, and a ping-pong. */
#include "test_util.h"

/* async %producer(ch, first, n) -> i64: sends first..first+n-1; returns how many were sent.
 * Frames are not zeroed beyond the state word and parameters (the ABI), so state 0 sets up. */
typedef struct {
    uint64_t state;
    int64_t ch, first, n;
    int64_t i;
    uint64_t send[VEX_CHAN_SEND_FRAME_SIZE / 8];
} producer_frame;

static vex_poll producer(void *frame, vex_task *task) {
    producer_frame *f = frame;
    uint64_t st;
    if (f->state == 0) {
        f->i = 0;
        f->state = 2;
    }
    for (;;) {
        if (f->state == 2) {
            if (f->i == f->n) return READY(f->i);
            f->send[0] = 0;
            f->send[1] = (uint64_t)f->ch;
            f->send[2] = (uint64_t)(f->first + f->i);
            f->state = 1;
        }
        AWAIT(vex_chan_send, f->send, task, st);
        CHECK_EQ(st, 0);
        f->i++;
        f->state = 2;
    }
}
static const vex_future_desc producer_desc = {producer, sizeof(producer_frame), 8, 3, 1, "producer"};

/* async %consumer(ch) -> i64 sum, i64 count: receives until closed and drained. */
typedef struct {
    uint64_t state;
    int64_t ch;
    int64_t count; /* result slot 1 */
    int64_t sum;
    uint64_t recv[VEX_CHAN_RECV_FRAME_SIZE / 8];
} consumer_frame;

static vex_poll consumer(void *frame, vex_task *task) {
    consumer_frame *f = frame;
    uint64_t st;
    if (f->state == 0) {
        f->sum = f->count = 0;
        f->state = 2;
    }
    for (;;) {
        if (f->state == 2) {
            f->recv[0] = 0;
            f->recv[1] = (uint64_t)f->ch;
            f->state = 1;
        }
        AWAIT(vex_chan_recv, f->recv, task, st);
        f->state = 2;
        if (st == 1) {
            CHECK_EQ(f->recv[2], 0);
            return READY(f->sum);
        }
        CHECK_EQ(st, 0);
        f->sum += (int64_t)f->recv[2]; /* the received value: recv's result slot 1 */
        f->count++;
    }
}
static const vex_future_desc consumer_desc = {consumer, sizeof(consumer_frame), 8, 1, 2, "consumer"};

static void contention(int64_t cap, int producers, int consumers, int64_t per) {
    vex_runtime *rt = vex_runtime_create(4);
    vex_runtime_enter(rt);
    int64_t ch = vex_chan_new(cap);
    CHECK(ch != 0);
    int64_t hp[16], hc[16];
    for (int i = 0; i < consumers; i++) {
        uint64_t a = (uint64_t)ch;
        hc[i] = vex_spawn_on(rt, &consumer_desc, &a);
    }
    for (int i = 0; i < producers; i++) {
        uint64_t a[3] = {(uint64_t)ch, (uint64_t)(i * per), (uint64_t)per};
        hp[i] = vex_spawn_on(rt, &producer_desc, a);
    }
    for (int i = 0; i < producers; i++) {
        uint64_t sent;
        CHECK_EQ(vex_handle_wait(hp[i], &sent, 1), VEX_TASK_COMPLETED);
        CHECK_EQ(sent, per);
    }
    vex_chan_close(ch);
    int64_t sum = 0, count = 0;
    for (int i = 0; i < consumers; i++) {
        uint64_t r[2];
        CHECK_EQ(vex_handle_wait(hc[i], r, 2), VEX_TASK_COMPLETED);
        sum += (int64_t)r[0];
        count += (int64_t)r[1];
    }
    int64_t n = producers * per;
    CHECK_EQ(count, n);
    CHECK_EQ(sum, n * (n - 1) / 2);
    expect_no_live_tasks(rt);
    vex_chan_free(ch);
    vex_runtime_enter(NULL);
    vex_runtime_destroy(rt);
}

static void rendezvous_under_contention(void) { contention(0, 4, 4, SCALED(50000)); }
static void capacity_one_under_contention(void) { contention(1, 4, 4, SCALED(50000)); }
static void capacity_64_under_contention(void) { contention(64, 6, 3, SCALED(100000)); }

static void closed_channel_fails_sends_and_drains_receives(void) {
    vex_runtime *rt = vex_runtime_create(2);
    vex_runtime_enter(rt);
    int64_t ch = vex_chan_new(4);
    uint64_t a[3] = {(uint64_t)ch, 10, 3}, r[2];
    CHECK_EQ(vex_block_on(rt, &producer_desc, a, r), VEX_TASK_COMPLETED); /* buffered: 10,11,12 */
    vex_chan_close(ch);
    uint64_t send_args[2] = {(uint64_t)ch, 99};
    CHECK_EQ(vex_block_on(rt, &vex_chan_send_desc, send_args, r), VEX_TASK_COMPLETED);
    CHECK_EQ(r[0], 1); /* closed */
    uint64_t c = (uint64_t)ch;
    CHECK_EQ(vex_block_on(rt, &consumer_desc, &c, r), VEX_TASK_COMPLETED);
    CHECK_EQ(r[0], 33); /* the buffered values are still received */
    CHECK_EQ(r[1], 3);
    CHECK_EQ(vex_block_on(rt, &vex_chan_recv_desc, &c, r), VEX_TASK_COMPLETED);
    CHECK_EQ(r[0], 1);
    CHECK_EQ(r[1], 0);
    expect_no_live_tasks(rt);
    vex_chan_free(ch);
    vex_runtime_destroy(rt);
}

/* async %pinger(a, b, n): n times: send on a, receive on b. */
typedef struct {
    uint64_t state;
    int64_t a, b, n, i;
    uint64_t op[VEX_CHAN_RECV_FRAME_SIZE / 8];
} ping_frame;

static vex_poll pinger(void *frame, vex_task *task) {
    ping_frame *f = frame;
    uint64_t st;
    if (f->state == 0) {
        f->i = 0;
        f->state = 3;
    }
    for (;;) {
        switch (f->state) {
        case 3:
            if (f->i == f->n) {
                vex_chan_close(f->a);
                return READY(f->i);
            }
            f->op[0] = 0, f->op[1] = (uint64_t)f->a, f->op[2] = (uint64_t)f->i;
            f->state = 1;
            /* fallthrough */
        case 1:
            AWAIT(vex_chan_send, f->op, task, st);
            CHECK_EQ(st, 0);
            f->op[0] = 0, f->op[1] = (uint64_t)f->b;
            f->state = 2;
            /* fallthrough */
        case 2:
            AWAIT(vex_chan_recv, f->op, task, st);
            CHECK_EQ(st, 0);
            CHECK_EQ(f->op[2], f->i + 1);
            f->i++;
            f->state = 3;
        }
    }
}
static const vex_future_desc pinger_desc = {pinger, sizeof(ping_frame), 8, 3, 1, "pinger"};

/* async %ponger(a, b): receives x on a, sends x+1 on b, until a closes. */
static vex_poll ponger(void *frame, vex_task *task) {
    ping_frame *f = frame;
    uint64_t st;
    for (;;) {
        switch (f->state) {
        case 0:
            f->op[0] = 0, f->op[1] = (uint64_t)f->a;
            f->state = 1;
            /* fallthrough */
        case 1:
            AWAIT(vex_chan_recv, f->op, task, st);
            if (st == 1) return READY(0);
            f->i = (int64_t)f->op[2];
            f->op[0] = 0, f->op[1] = (uint64_t)f->b, f->op[2] = (uint64_t)(f->i + 1);
            f->state = 2;
            /* fallthrough */
        case 2:
            AWAIT(vex_chan_send, f->op, task, st);
            CHECK_EQ(st, 0);
            f->state = 0;
        }
    }
}
static const vex_future_desc ponger_desc = {ponger, sizeof(ping_frame), 8, 2, 0, "ponger"};

static void ping_pong(int workers, int64_t cap) {
    vex_runtime *rt = vex_runtime_create(workers);
    vex_runtime_enter(rt);
    int64_t a = vex_chan_new(cap), b = vex_chan_new(cap), n = SCALED(200000);
    uint64_t pa[2] = {(uint64_t)a, (uint64_t)b};
    int64_t hp = vex_spawn_on(rt, &ponger_desc, pa);
    uint64_t args[3] = {(uint64_t)a, (uint64_t)b, (uint64_t)n}, r;
    int64_t t0 = now_ns();
    CHECK_EQ(vex_block_on(rt, &pinger_desc, args, &r), VEX_TASK_COMPLETED);
    printf("     ping-pong cap %lld, %d worker(s): %.1f ns per round trip\n", (long long)cap,
           workers, (double)(now_ns() - t0) / (double)n);
    CHECK_EQ(r, n);
    CHECK_EQ(vex_handle_wait(hp, NULL, 0), VEX_TASK_COMPLETED);
    expect_no_live_tasks(rt);
    vex_chan_free(a);
    vex_chan_free(b);
    vex_runtime_enter(NULL);
    vex_runtime_destroy(rt);
}

static void ping_pong_rendezvous_one_worker(void) { ping_pong(1, 0); }
static void ping_pong_buffered_two_workers(void) { ping_pong(2, 1); }

int main(void) {
    RUN(closed_channel_fails_sends_and_drains_receives);
    RUN(rendezvous_under_contention);
    RUN(capacity_one_under_contention);
    RUN(capacity_64_under_contention);
    RUN(ping_pong_rendezvous_one_worker);
    RUN(ping_pong_buffered_two_workers);
    return 0;
}
