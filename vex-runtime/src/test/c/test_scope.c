/* test_scope.c: task scopes: the join waits for every task, the first failure cancels the rest
 * and is reported, vex_scope_cancel, cancelling the joining task, bad handles, many scopes at
 * once under contention, and teardown with scopes still running. */
#include <pthread.h>
#include <stdbool.h>

#include "test_util.h"
#include "vex_scope.h"

static _Atomic int64_t finished; /* children that ran to their end */

/* async %child(ns, fail) -> i64: sleeps ns, then fails with trap code `fail` (if not 0) or
 * counts itself finished and returns ns. */
typedef struct {
    uint64_t state;
    int64_t ns, fail;
    uint64_t sleep[VEX_SLEEP_FRAME_SIZE / 8];
} child_frame;

static vex_poll child(void *frame, vex_task *task) {
    child_frame *f = frame;
    uint64_t st;
    if (f->state == 0) {
        f->sleep[0] = 0;
        f->sleep[1] = (uint64_t)f->ns;
        f->state = 1;
    }
    AWAIT(vex_sleep, f->sleep, task, st);
    (void)st;
    if (f->fail) return (vex_poll){VEX_FAILED, (uint64_t)f->fail};
    atomic_fetch_add(&finished, 1);
    return READY(f->ns);
}
static const vex_future_desc child_desc = {child, sizeof(child_frame), 8, 2, 1, "child"};

static int64_t add_child(vex_runtime *rt, int64_t scope, int64_t ns, int64_t fail) {
    uint64_t a[2] = {(uint64_t)ns, (uint64_t)fail};
    int64_t h = vex_spawn_on(rt, &child_desc, a);
    CHECK(h != 0);
    CHECK_EQ(vex_scope_add(scope, h), 0);
    return h;
}

static int32_t join_scope(vex_runtime *rt, int64_t scope, uint64_t r[2]) {
    uint64_t a = (uint64_t)scope;
    return vex_block_on(rt, &vex_scope_join_desc, &a, r);
}

static void join_waits_for_every_task(void) {
    vex_runtime *rt = vex_runtime_create(4);
    vex_runtime_enter(rt);
    atomic_store(&finished, 0);
    int64_t s = vex_scope_new();
    CHECK(s != 0);
    for (int i = 0; i < 200; i++) add_child(rt, s, (i * 7919) % 3000000, 0);
    uint64_t r[2];
    CHECK_EQ(join_scope(rt, s, r), VEX_TASK_COMPLETED);
    CHECK_EQ(r[0], VEX_TASK_COMPLETED);
    CHECK_EQ(r[1], 0);
    CHECK_EQ(atomic_load(&finished), 200);
    /* The handle is consumed: a second join, an add, a cancel all see a bad handle. */
    CHECK_EQ(join_scope(rt, s, r), VEX_TASK_FAILED);
    CHECK_EQ(r[0], VEX_FAIL_BAD_HANDLE);
    CHECK_EQ(vex_scope_cancel(s), VEX_ERR_BAD_HANDLE);
    /* An empty scope joins at once. */
    int64_t e = vex_scope_new();
    CHECK_EQ(join_scope(rt, e, r), VEX_TASK_COMPLETED);
    CHECK_EQ(r[0], VEX_TASK_COMPLETED);
    expect_no_live_tasks(rt);
    vex_runtime_enter(NULL);
    vex_runtime_destroy(rt);
}

static void first_failure_cancels_the_rest(void) {
    vex_runtime *rt = vex_runtime_create(2);
    vex_runtime_enter(rt);
    atomic_store(&finished, 0);
    int64_t s = vex_scope_new();
    for (int i = 0; i < 50; i++) add_child(rt, s, 60000000000LL, 0); /* a minute */
    add_child(rt, s, 1000000, 300);
    add_child(rt, s, 1000, 0);
    int64_t t0 = now_ns();
    uint64_t r[2];
    CHECK_EQ(join_scope(rt, s, r), VEX_TASK_COMPLETED);
    CHECK_EQ(r[0], VEX_TASK_FAILED);
    CHECK_EQ(r[1], 300);
    CHECK(now_ns() - t0 < 10000000000LL);
    CHECK_EQ(atomic_load(&finished), 1); /* only the short one ran to its end */
    expect_no_live_tasks(rt);
    /* A task added to a scope that already failed is cancelled at once. */
    int64_t s2 = vex_scope_new();
    add_child(rt, s2, 0, 7);
    usleep(20000);
    add_child(rt, s2, 60000000000LL, 0);
    CHECK_EQ(join_scope(rt, s2, r), VEX_TASK_COMPLETED);
    CHECK_EQ(r[0], VEX_TASK_FAILED);
    CHECK_EQ(r[1], 7);
    expect_no_live_tasks(rt);
    vex_runtime_enter(NULL);
    vex_runtime_destroy(rt);
}

static void cancel_stops_every_task(void) {
    vex_runtime *rt = vex_runtime_create(2);
    vex_runtime_enter(rt);
    int64_t s = vex_scope_new();
    for (int i = 0; i < 20; i++) add_child(rt, s, 60000000000LL, 0);
    CHECK_EQ(vex_scope_cancel(s), 0);
    uint64_t r[2];
    CHECK_EQ(join_scope(rt, s, r), VEX_TASK_COMPLETED);
    CHECK_EQ(r[0], VEX_TASK_CANCELLED);
    CHECK_EQ(r[1], 0);
    expect_no_live_tasks(rt);
    vex_runtime_enter(NULL);
    vex_runtime_destroy(rt);
}

static void cancelling_the_joiner_cancels_the_scope(void) {
    vex_runtime *rt = vex_runtime_create(2);
    vex_runtime_enter(rt);
    int64_t s = vex_scope_new();
    for (int i = 0; i < 20; i++) add_child(rt, s, 60000000000LL, 0);
    uint64_t a = (uint64_t)s;
    int64_t j = vex_spawn_on(rt, &vex_scope_join_desc, &a);
    usleep(20000);
    CHECK_EQ(vex_cancel(j), 0);
    uint64_t r[2];
    CHECK_EQ(vex_handle_wait(j, r, 2), VEX_TASK_CANCELLED);
    expect_no_live_tasks(rt); /* the 20 sleepers went with it */
    vex_runtime_enter(NULL);
    vex_runtime_destroy(rt);
}

static void bad_handles_are_refused(void) {
    vex_runtime *rt = vex_runtime_create(1);
    vex_runtime_enter(rt);
    int64_t s = vex_scope_new();
    uint64_t a[2] = {1000, 0};
    int64_t t = vex_spawn_on(rt, &child_desc, a);
    int64_t ch = vex_chan_new(1);
    CHECK_EQ(vex_scope_add(0, t), VEX_ERR_BAD_HANDLE);
    CHECK_EQ(vex_scope_add(ch, t), VEX_ERR_BAD_HANDLE); /* a channel is not a scope */
    CHECK_EQ(vex_scope_add(t, t), VEX_ERR_BAD_HANDLE);
    CHECK_EQ(vex_scope_add(s, s), VEX_ERR_BAD_HANDLE);  /* a scope is not a task */
    CHECK_EQ(vex_scope_add(s, t), 0);
    CHECK_EQ(vex_scope_add(s, t), VEX_ERR_BAD_HANDLE);  /* consumed by the first add */
    CHECK_EQ(vex_detach(t), VEX_ERR_BAD_HANDLE);
    CHECK_EQ(vex_cancel(s), VEX_ERR_BAD_HANDLE);        /* vex_cancel is for tasks */
    uint64_t r[2];
    CHECK_EQ(join_scope(rt, s, r), VEX_TASK_COMPLETED);
    CHECK_EQ(r[0], VEX_TASK_COMPLETED);
    CHECK_EQ(join_scope(rt, t, r), VEX_TASK_FAILED);    /* a task handle is not a scope */
    CHECK_EQ(r[0], VEX_FAIL_BAD_HANDLE);
    vex_chan_free(ch);
    expect_no_live_tasks(rt);
    vex_runtime_enter(NULL);
    vex_runtime_destroy(rt);
}

/* async %owner(n): makes a scope of n sleepers of a minute, then sleeps a minute itself before it
 * would join it. */
typedef struct {
    uint64_t state;
    int64_t n;
    uint64_t sleep[VEX_SLEEP_FRAME_SIZE / 8];
} owner_frame;

static vex_poll owner(void *frame, vex_task *task) {
    owner_frame *f = frame;
    uint64_t st;
    if (f->state == 0) {
        int64_t s = vex_scope_new();
        CHECK(s != 0);
        for (int64_t i = 0; i < f->n; i++) {
            uint64_t a[2] = {60000000000ull, 0};
            CHECK_EQ(vex_scope_add(s, vex_spawn(&child_desc, a)), 0);
        }
        f->sleep[0] = 0;
        f->sleep[1] = 60000000000ull;
        f->state = 1;
    }
    AWAIT(vex_sleep, f->sleep, task, st);
    (void)st;
    return READY(0);
}
static const vex_future_desc owner_desc = {owner, sizeof(owner_frame), 8, 1, 1, "owner"};

/* A task cancelled before it joins its scope takes the scope's tasks with it. */
static void cancelling_the_owner_cancels_its_scope(void) {
    vex_runtime *rt = vex_runtime_create(2);
    uint64_t n = 30;
    int64_t h = vex_spawn_on(rt, &owner_desc, &n);
    usleep(20000);
    CHECK_EQ(vex_runtime_live_tasks(rt), 31);
    CHECK_EQ(vex_cancel(h), 0);
    uint64_t r;
    CHECK_EQ(vex_handle_wait(h, &r, 1), VEX_TASK_CANCELLED);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

/* Many scopes at once from several host threads, each with a random mix of short children,
 * some failing, adds racing the completions and the cancels. */
typedef struct {
    vex_runtime *rt;
    int seed;
} stress_arg;

static void *stress_thread(void *p) {
    stress_arg *arg = p;
    uint64_t x = 0x9E3779B97F4A7C15ull * (uint64_t)(arg->seed + 1);
    vex_runtime_enter(arg->rt);
    for (int round = 0; round < SCALED(150); round++) {
        int64_t s = vex_scope_new();
        CHECK(s != 0);
        int n = 1 + (int)(x % 12);
        int64_t fail = 0;
        for (int i = 0; i < n; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            int64_t code = x % 5 == 0 ? 256 + (int64_t)(x % 50) : 0;
            uint64_t a[2] = {(uint64_t)(x % 200000), (uint64_t)code};
            int64_t h = vex_spawn_on(arg->rt, &child_desc, a);
            CHECK_EQ(vex_scope_add(s, h), 0);
            if (code) fail = 1;
        }
        bool cancel = x % 7 == 0;
        if (cancel) vex_scope_cancel(s);
        uint64_t r[2];
        CHECK_EQ(join_scope(arg->rt, s, r), VEX_TASK_COMPLETED);
        if (!fail && !cancel) CHECK_EQ(r[0], VEX_TASK_COMPLETED);
        if (fail && !cancel) CHECK_EQ(r[0], VEX_TASK_FAILED);
        if (r[0] == VEX_TASK_FAILED) CHECK(r[1] >= 256 && r[1] < 306);
        if (cancel && r[0] != VEX_TASK_FAILED) CHECK_EQ(r[0], VEX_TASK_CANCELLED);
    }
    return NULL;
}

static void many_scopes_at_once(void) {
    vex_runtime *rt = vex_runtime_create(4);
    enum { THREADS = 4 };
    pthread_t th[THREADS];
    stress_arg args[THREADS];
    for (int i = 0; i < THREADS; i++) {
        args[i] = (stress_arg){rt, i};
        pthread_create(&th[i], NULL, stress_thread, &args[i]);
    }
    for (int i = 0; i < THREADS; i++) pthread_join(th[i], NULL);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

/* Teardown with scopes never joined, scopes being joined, and their tasks parked. */
static void teardown_with_scopes_running(void) {
    for (int round = 0; round < SCALED(20) + 1; round++) {
        vex_runtime *rt = vex_runtime_create(2);
        vex_runtime_enter(rt);
        for (int k = 0; k < 4; k++) {
            int64_t s = vex_scope_new();
            for (int i = 0; i < 5; i++) add_child(rt, s, i % 2 ? 60000000000LL : 1000 * round, 0);
            if (k % 2) {
                uint64_t a = (uint64_t)s;
                int64_t j = vex_spawn_on(rt, &vex_scope_join_desc, &a);
                if (k == 3) vex_detach(j);
            }
        }
        usleep(round % 2 ? 1000 : 0);
        vex_runtime_enter(NULL);
        CHECK_EQ(vex_runtime_destroy(rt), 0);
    }
}

int main(void) {
    RUN(join_waits_for_every_task);
    RUN(first_failure_cancels_the_rest);
    RUN(cancel_stops_every_task);
    RUN(cancelling_the_joiner_cancels_the_scope);
    RUN(bad_handles_are_refused);
    RUN(cancelling_the_owner_cancels_its_scope);
    RUN(many_scopes_at_once);
    RUN(teardown_with_scopes_running);
    return 0;
}
