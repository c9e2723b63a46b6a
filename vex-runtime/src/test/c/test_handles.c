/* test_handles.c: every entry point that takes a handle refuses 0, bogus, stale, consumed and
 * wrong-kind handles with VEX_ERR_BAD_HANDLE (sync) or a VEX_FAIL_BAD_HANDLE failure (async
 * leaves) instead of crashing; consumption happens exactly once even when threads race; size
 * limits (channel capacity, sleep length) are checked; vex_free refuses what it does not own. */
#include <pthread.h>

#include "test_util.h"

/* async %count() -> i64: returns 7. */
static vex_poll seven(void *frame, vex_task *task) {
    (void)frame;
    (void)task;
    return READY(7);
}
static const vex_future_desc seven_desc = {seven, 8, 8, 0, 1, "seven"};

static uint64_t rng = 0x243F6A8885A308D3ull;
static int64_t random_value(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (int64_t)rng;
}

/* The values every check below tries: 0, small integers, extremes, random bits, and random
 * values that look like handles (a small index with an odd generation). */
static int64_t bogus(int i) {
    /* (Not (1 << 32) | 1: that is the first handle the process hands out.) */
    static const int64_t fixed[] = {0, 1, -1, 2, 42, INT64_MAX, INT64_MIN, (int64_t)1 << 32,
                                    ((int64_t)0x7ffffffd << 32) | 1, ((int64_t)1 << 32) | 0xffffff};
    int n = (int)(sizeof fixed / sizeof fixed[0]);
    if (i < n) return fixed[i];
    if (i % 2) return random_value();
    return (int64_t)(((uint64_t)random_value() | 1) << 32 | (uint64_t)(random_value() & 0xffff));
}

/* Runs one async leaf as a task with args and returns its outcome and value. */
static int32_t run_leaf(vex_runtime *rt, const vex_future_desc *d, uint64_t a0, uint64_t a1,
                        uint64_t *value) {
    uint64_t args[2] = {a0, a1}, r[2] = {0, 0};
    int32_t st = vex_block_on(rt, d, args, r);
    *value = r[0];
    return st;
}

static void bad_handles_on_every_entry_point(void) {
    vex_runtime *rt = vex_runtime_create(2);
    vex_runtime_enter(rt);
    /* Live handles of the other kind: a channel is not a task and a task is not a channel. */
    int64_t chan = vex_chan_new(1);
    CHECK(chan != 0);
    uint64_t hour = 3600ull * 1000000000ull;
    int64_t task = vex_spawn_on(rt, &vex_sleep_desc, &hour);
    CHECK(task != 0);
    for (int i = 0; i < SCALED(3000); i++) {
        int64_t h = i == 0 ? chan : bogus(i);
        CHECK_EQ(vex_cancel(h), VEX_ERR_BAD_HANDLE);
        CHECK_EQ(vex_detach(h), VEX_ERR_BAD_HANDLE);
        CHECK_EQ(vex_handle_wait(h, NULL, 0), VEX_ERR_BAD_HANDLE);
        int64_t c = i == 0 ? task : bogus(i);
        CHECK_EQ(vex_chan_close(c), VEX_ERR_BAD_HANDLE);
        CHECK_EQ(vex_chan_free(c), VEX_ERR_BAD_HANDLE);
        if (i < 200) { /* the async leaves, as tasks: each fails with the bad-handle code */
            uint64_t v;
            CHECK_EQ(run_leaf(rt, &vex_join_desc, (uint64_t)h, 0, &v), VEX_TASK_FAILED);
            CHECK_EQ(v, VEX_FAIL_BAD_HANDLE);
            CHECK_EQ(run_leaf(rt, &vex_join_status_desc, (uint64_t)h, 0, &v), VEX_TASK_FAILED);
            CHECK_EQ(v, VEX_FAIL_BAD_HANDLE);
            CHECK_EQ(run_leaf(rt, &vex_chan_send_desc, (uint64_t)c, 5, &v), VEX_TASK_FAILED);
            CHECK_EQ(v, VEX_FAIL_BAD_HANDLE);
            CHECK_EQ(run_leaf(rt, &vex_chan_recv_desc, (uint64_t)c, 0, &v), VEX_TASK_FAILED);
            CHECK_EQ(v, VEX_FAIL_BAD_HANDLE);
        }
    }
    /* The live ones were not disturbed. */
    uint64_t v;
    CHECK_EQ(run_leaf(rt, &vex_chan_send_desc, (uint64_t)chan, 9, &v), VEX_TASK_COMPLETED);
    CHECK_EQ(v, 0);
    CHECK_EQ(vex_cancel(task), 0);
    CHECK_EQ(vex_handle_wait(task, NULL, 0), VEX_TASK_CANCELLED);
    CHECK_EQ(vex_chan_free(chan), 0);
    CHECK_EQ(vex_chan_free(chan), VEX_ERR_BAD_HANDLE);
    CHECK_EQ(vex_chan_close(chan), VEX_ERR_BAD_HANDLE);
    expect_no_live_tasks(rt);
    CHECK_EQ(vex_runtime_destroy(rt), 0);
}

static void a_handle_is_consumed_once(void) {
    vex_runtime *rt = vex_runtime_create(2);
    uint64_t r = 0;
    int64_t h = vex_spawn_on(rt, &seven_desc, NULL);
    CHECK_EQ(vex_handle_wait(h, &r, 1), VEX_TASK_COMPLETED);
    CHECK_EQ(r, 7);
    CHECK_EQ(vex_handle_wait(h, &r, 1), VEX_ERR_BAD_HANDLE); /* join twice */
    CHECK_EQ(vex_detach(h), VEX_ERR_BAD_HANDLE);               /* join then detach */
    CHECK_EQ(vex_cancel(h), VEX_ERR_BAD_HANDLE);               /* cancel after join */
    h = vex_spawn_on(rt, &seven_desc, NULL);
    CHECK_EQ(vex_detach(h), 0);
    CHECK_EQ(vex_detach(h), VEX_ERR_BAD_HANDLE); /* detach twice */
    CHECK_EQ(vex_handle_wait(h, &r, 1), VEX_ERR_BAD_HANDLE);
    /* A slot reused by a later handle does not make the old one valid again. */
    for (int i = 0; i < 1000; i++) {
        int64_t n = vex_spawn_on(rt, &seven_desc, NULL);
        CHECK(n != h);
        CHECK_EQ(vex_detach(h), VEX_ERR_BAD_HANDLE);
        CHECK_EQ(vex_detach(n), 0);
    }
    expect_no_live_tasks(rt);
    CHECK_EQ(vex_runtime_destroy(rt), 0);
}

typedef struct {
    int64_t h;
    _Atomic int *go;
    int kind; /* 0 detach, 1 wait, 2 cancel */
    int32_t rc;
} racer;

static void *race(void *arg) {
    racer *r = arg;
    while (!atomic_load(r->go)) sched_yield();
    if (r->kind == 0) r->rc = vex_detach(r->h);
    else if (r->kind == 1) r->rc = vex_handle_wait(r->h, NULL, 0);
    else r->rc = vex_cancel(r->h);
    return NULL;
}

static void racing_consumers_get_one_success(void) {
    vex_runtime *rt = vex_runtime_create(2);
    for (int round = 0; round < SCALED(300); round++) {
        int64_t h = vex_spawn_on(rt, &seven_desc, NULL);
        _Atomic int go = 0;
        racer rs[4];
        pthread_t th[4];
        for (int i = 0; i < 4; i++) {
            rs[i] = (racer){h, &go, i % 3, 99};
            pthread_create(&th[i], NULL, race, &rs[i]);
        }
        atomic_store(&go, 1);
        int consumed = 0;
        for (int i = 0; i < 4; i++) {
            pthread_join(th[i], NULL);
            if (rs[i].kind == 2) CHECK(rs[i].rc == 0 || rs[i].rc == VEX_ERR_BAD_HANDLE);
            else if (rs[i].rc != VEX_ERR_BAD_HANDLE) consumed++;
        }
        CHECK_EQ(consumed, 1);
    }
    expect_no_live_tasks(rt);
    CHECK_EQ(vex_runtime_destroy(rt), 0);
}

static void *cancel_later(void *arg) {
    usleep(20000);
    CHECK_EQ(vex_cancel(*(int64_t *)arg), 0); /* the join in progress does not make it stale */
    return NULL;
}

static void cancel_while_a_thread_joins(void) {
    vex_runtime *rt = vex_runtime_create(2);
    uint64_t hour = 3600ull * 1000000000ull;
    int64_t h = vex_spawn_on(rt, &vex_sleep_desc, &hour);
    pthread_t th;
    pthread_create(&th, NULL, cancel_later, &h);
    CHECK_EQ(vex_handle_wait(h, NULL, 0), VEX_TASK_CANCELLED);
    pthread_join(th, NULL);
    CHECK_EQ(vex_cancel(h), VEX_ERR_BAD_HANDLE);
    expect_no_live_tasks(rt);
    CHECK_EQ(vex_runtime_destroy(rt), 0);
}

static void handles_of_a_destroyed_runtime_are_stale(void) {
    vex_runtime *rt = vex_runtime_create(2);
    vex_runtime_enter(rt);
    uint64_t hour = 3600ull * 1000000000ull;
    int64_t sleeper = vex_spawn_on(rt, &vex_sleep_desc, &hour);
    int64_t done = vex_spawn_on(rt, &seven_desc, NULL);
    int64_t chan = vex_chan_new(4);
    usleep(10000);
    CHECK_EQ(vex_runtime_destroy(rt), 0);
    vex_runtime_enter(NULL);
    /* A new runtime may reuse the slots; the old handles still fail. */
    vex_runtime *rt2 = vex_runtime_create(1);
    int64_t fresh = vex_spawn_on(rt2, &seven_desc, NULL);
    CHECK_EQ(vex_cancel(sleeper), VEX_ERR_BAD_HANDLE);
    CHECK_EQ(vex_handle_wait(done, NULL, 0), VEX_ERR_BAD_HANDLE);
    CHECK_EQ(vex_detach(sleeper), VEX_ERR_BAD_HANDLE);
    CHECK_EQ(vex_chan_close(chan), VEX_ERR_BAD_HANDLE);
    CHECK_EQ(vex_chan_free(chan), VEX_ERR_BAD_HANDLE);
    uint64_t v;
    CHECK_EQ(run_leaf(rt2, &vex_chan_send_desc, (uint64_t)chan, 1, &v), VEX_TASK_FAILED);
    CHECK_EQ(v, VEX_FAIL_BAD_HANDLE);
    CHECK_EQ(vex_handle_wait(fresh, &v, 1), VEX_TASK_COMPLETED);
    CHECK_EQ(v, 7);
    CHECK_EQ(vex_runtime_destroy(rt2), 0);
}

static void channel_capacity_limits(void) {
    vex_runtime *rt = vex_runtime_create(1);
    static const int64_t too_big[] = {VEX_CHAN_MAX_CAPACITY + 1, (int64_t)1 << 40,
                                      (int64_t)1 << 61, (int64_t)1 << 62, INT64_MAX, -1,
                                      INT64_MIN};
    for (size_t i = 0; i < sizeof too_big / sizeof too_big[0]; i++) {
        int64_t ch = vex_chan_new_on(rt, too_big[i]);
        CHECK_EQ(ch, 0);
        uint64_t v;
        /* What generated code does with the 0 it got: a send fails cleanly. */
        CHECK_EQ(run_leaf(rt, &vex_chan_send_desc, (uint64_t)ch, 1, &v), VEX_TASK_FAILED);
        CHECK_EQ(v, VEX_FAIL_BAD_HANDLE);
    }
    CHECK_EQ(vex_runtime_destroy(rt), 0);
}

static void sleep_of_int64_max_saturates(void) {
    vex_runtime *rt = vex_runtime_create(1);
    uint64_t forever = (uint64_t)INT64_MAX;
    int64_t h = vex_spawn_on(rt, &vex_sleep_desc, &forever);
    int64_t h2 = vex_spawn_on(rt, &vex_sleep_desc, &forever);
    usleep(50000);
    /* Had the deadline wrapped, the sleep would have ended at once and the wait would report
     * COMPLETED; it is still sleeping, so the cancel wins. */
    CHECK_EQ(vex_cancel(h), 0);
    CHECK_EQ(vex_handle_wait(h, NULL, 0), VEX_TASK_CANCELLED);
    CHECK_EQ(vex_detach(h2), 0); /* still asleep at teardown: cancelled there */
    CHECK_EQ(vex_runtime_destroy(rt), 0);
}

static void vex_free_refuses_what_it_does_not_own(void) {
    int64_t p = vex_alloc(64);
    CHECK(p != 0);
    CHECK_EQ(((uint8_t *)(uintptr_t)p)[63], 0);
    CHECK_EQ(vex_free(p + 8), VEX_ERR_BAD_HANDLE); /* interior */
    CHECK_EQ(vex_free(p), 0);
    CHECK_EQ(vex_free(p), VEX_ERR_BAD_HANDLE); /* double free */
    CHECK_EQ(vex_free(0), VEX_ERR_BAD_HANDLE);
    int local;
    CHECK_EQ(vex_free((int64_t)(uintptr_t)&local), VEX_ERR_BAD_HANDLE);
    for (int i = 0; i < 100; i++) CHECK_EQ(vex_free(bogus(i + 10)), VEX_ERR_BAD_HANDLE);
    CHECK_EQ(vex_alloc(-1), 0);
    /* Many blocks: the record grows and shrinks. */
    static int64_t blocks[20000];
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 20000; i++) CHECK((blocks[i] = vex_alloc(i % 100)) != 0);
        for (int i = 0; i < 20000; i++) CHECK_EQ(vex_free(blocks[i]), 0);
        for (int i = 0; i < 20000; i += 997) CHECK_EQ(vex_free(blocks[i]), VEX_ERR_BAD_HANDLE);
    }
}

int main(void) {
    RUN(bad_handles_on_every_entry_point);
    RUN(a_handle_is_consumed_once);
    RUN(racing_consumers_get_one_success);
    RUN(cancel_while_a_thread_joins);
    RUN(handles_of_a_destroyed_runtime_are_stale);
    RUN(channel_capacity_limits);
    RUN(sleep_of_int64_max_saturates);
    RUN(vex_free_refuses_what_it_does_not_own);
    return 0;
}
