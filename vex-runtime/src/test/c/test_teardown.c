/* test_teardown.c: destroying a runtime under load, with threads blocked joining its tasks, frees
 * nothing still in use (the sanitizer flavours check), and a runtime whose task never suspends
 * is abandoned after the grace period with its joiners failed, instead of hanging or freeing
 * the task's frame under it. */
#include <pthread.h>

#include "test_util.h"

#define HOUR (3600ull * 1000000000ull)

/* async %yield_forever(): yields in a loop. */
static vex_poll yield_forever(void *frame, vex_task *task) {
    uint64_t *f = frame;
    for (;;) {
        if (f[0] == 0) {
            f[1] = 0;
            f[0] = 1;
        }
        if (vex_yield(&f[1], task).status == VEX_PENDING) return PENDING;
        f[0] = 0;
    }
}
static const vex_future_desc yield_forever_desc = {yield_forever, 16, 8, 0, 0, "yield_forever"};

/* async %ping(i64 ch): sends to ch forever (the other side receives forever). */
typedef struct {
    uint64_t state;
    int64_t ch;
    uint64_t op[VEX_CHAN_SEND_FRAME_SIZE / 8];
} ping_frame;

static vex_poll ping(void *frame, vex_task *task) {
    ping_frame *f = frame;
    for (;;) {
        if (f->state == 0) {
            memset(f->op, 0, sizeof f->op);
            f->op[1] = (uint64_t)f->ch;
            f->op[2] = 1;
            f->state = 1;
        }
        if (vex_chan_send(f->op, task).status == VEX_PENDING) return PENDING;
        f->state = 0;
    }
}
static const vex_future_desc ping_desc = {ping, sizeof(ping_frame), 8, 1, 0, "ping"};

static vex_poll pong(void *frame, vex_task *task) {
    ping_frame *f = frame;
    for (;;) {
        if (f->state == 0) {
            memset(f->op, 0, sizeof f->op);
            f->op[1] = (uint64_t)f->ch;
            f->state = 1;
        }
        if (vex_chan_recv(f->op, task).status == VEX_PENDING) return PENDING;
        f->state = 0;
    }
}
static const vex_future_desc pong_desc = {pong, sizeof(ping_frame), 8, 1, 0, "pong"};

typedef struct {
    vex_runtime *rt;
    _Atomic int *ready;
    int32_t outcome;
} waiter_arg;

static void *wait_for_a_sleeper(void *arg) {
    waiter_arg *a = arg;
    uint64_t hour = HOUR;
    int64_t h = vex_spawn_on(a->rt, &vex_sleep_desc, &hour);
    CHECK(h != 0);
    atomic_fetch_add(a->ready, 1);
    a->outcome = vex_handle_wait(h, NULL, 0);
    return NULL;
}

static void load(vex_runtime *rt) {
    vex_runtime_enter(rt);
    for (int i = 0; i < 100; i++) CHECK_EQ(vex_detach(vex_spawn_on(rt, &yield_forever_desc, NULL)), 0);
    for (int i = 0; i < 20; i++) {
        uint64_t ch = (uint64_t)vex_chan_new(i % 3);
        CHECK_EQ(vex_detach(vex_spawn_on(rt, &ping_desc, &ch)), 0);
        CHECK_EQ(vex_detach(vex_spawn_on(rt, &pong_desc, &ch)), 0);
    }
    for (int i = 0; i < 200; i++) {
        uint64_t ns = (uint64_t)(i % 7) * 1000000;
        int64_t h = vex_spawn_on(rt, &vex_sleep_desc, &ns);
        if (i % 2) CHECK_EQ(vex_detach(h), 0); /* the others' handles are never given back */
    }
    vex_runtime_enter(NULL);
}

static void destroy_under_load_with_blocked_joiners(void) {
    enum { WAITERS = 6 };
    for (int cycle = 0; cycle < SCALED(30); cycle++) {
        vex_runtime *rt = vex_runtime_create(2);
        load(rt);
        _Atomic int ready = 0;
        waiter_arg args[WAITERS];
        pthread_t th[WAITERS];
        for (int i = 0; i < WAITERS; i++) {
            args[i] = (waiter_arg){rt, &ready, 99};
            pthread_create(&th[i], NULL, wait_for_a_sleeper, &args[i]);
        }
        while (atomic_load(&ready) < WAITERS) usleep(100);
        usleep(2000); /* most are inside vex_handle_wait by now */
        CHECK_EQ(vex_runtime_destroy(rt), 0);
        int cancelled = 0;
        for (int i = 0; i < WAITERS; i++) {
            pthread_join(th[i], NULL);
            /* One that got to vex_handle_wait only after the teardown finds its handle stale. */
            CHECK(args[i].outcome == VEX_TASK_CANCELLED || args[i].outcome == VEX_ERR_BAD_HANDLE);
            cancelled += args[i].outcome == VEX_TASK_CANCELLED;
        }
        CHECK(cancelled > 0);
    }
}

/* async %spin(i64 *flag): busy-waits (never suspends) until *flag is set. */
static vex_poll spin(void *frame, vex_task *task) {
    (void)task;
    _Atomic int64_t *flag = (_Atomic int64_t *)(uintptr_t)((uint64_t *)frame)[1];
    while (!atomic_load(flag)) usleep(100);
    return READY(0);
}
static const vex_future_desc spin_desc = {spin, 16, 8, 1, 0, "spin"};

static _Atomic int64_t release_spinner;
static vex_runtime *abandoned; /* reachable, so LeakSanitizer does not call it a leak */

typedef struct {
    int64_t h;
    int32_t outcome;
} join_arg;

static void *join_it(void *arg) {
    join_arg *a = arg;
    a->outcome = vex_handle_wait(a->h, NULL, 0);
    return NULL;
}

static void a_task_that_never_suspends_is_abandoned(void) {
    abandoned = vex_runtime_create(2);
    uint64_t flag = (uint64_t)(uintptr_t)&release_spinner, hour = HOUR;
    join_arg spinner = {vex_spawn_on(abandoned, &spin_desc, &flag), 99};
    join_arg sleeper = {vex_spawn_on(abandoned, &vex_sleep_desc, &hour), 99};
    load(abandoned);
    pthread_t a, b;
    pthread_create(&a, NULL, join_it, &spinner);
    pthread_create(&b, NULL, join_it, &sleeper);
    usleep(20000);
    int64_t t0 = now_ns();
    CHECK_EQ(vex_runtime_shutdown(abandoned, 100 * 1000 * 1000), VEX_ERR_BUSY);
    CHECK(now_ns() - t0 < 2000000000LL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    CHECK_EQ(spinner.outcome, VEX_ERR_ABANDONED);
    CHECK_EQ(sleeper.outcome, VEX_ERR_ABANDONED);
    atomic_store(&release_spinner, 1); /* its worker then finishes and exits */
}

int main(void) {
    RUN(destroy_under_load_with_blocked_joiners);
    RUN(a_task_that_never_suspends_is_abandoned);
    return 0;
}
