/* test_cancel.c: cancellation at every kind of suspension: before the first poll, in a sleep, a
 * channel send or receive, a join, a yield loop, with a heap (await_boxed) frame, and runtime
 * teardown with tasks still parked.  The sanitizer flavours check nothing leaks or dangles. */
#include <sched.h>

#include "test_util.h"

/* async %spin(i64 *flag): busy-waits (blocking its worker) until *flag is set. */
static vex_poll spin(void *frame, vex_task *task) {
    (void)task;
    _Atomic int64_t *flag = (_Atomic int64_t *)(uintptr_t)((uint64_t *)frame)[1];
    while (!atomic_load(flag)) usleep(100);
    return READY(0);
}
static const vex_future_desc spin_desc = {spin, 16, 8, 1, 0, "spin"};

/* async %count(i64 *counter) -> i64: increments it, returns 7. */
static vex_poll count(void *frame, vex_task *task) {
    (void)task;
    atomic_fetch_add((_Atomic int64_t *)(uintptr_t)((uint64_t *)frame)[1], 1);
    return READY(7);
}
static const vex_future_desc count_desc = {count, 16, 8, 1, 1, "count"};

static void cancel_before_the_first_poll(void) {
    vex_runtime *rt = vex_runtime_create(1);
    _Atomic int64_t flag = 0, runs = 0;
    uint64_t a = (uint64_t)(uintptr_t)&flag, b = (uint64_t)(uintptr_t)&runs;
    int64_t blocker = vex_spawn_on(rt, &spin_desc, &a);
    usleep(5000); /* the only worker is now inside spin */
    int64_t h = vex_spawn_on(rt, &count_desc, &b);
    vex_cancel(h);
    vex_cancel(h); /* twice is harmless */
    atomic_store(&flag, 1);
    uint64_t r = 99;
    CHECK_EQ(vex_handle_wait(h, &r, 1), VEX_TASK_CANCELLED);
    CHECK_EQ(r, 0);
    CHECK_EQ(atomic_load(&runs), 0);
    CHECK_EQ(vex_handle_wait(blocker, NULL, 0), VEX_TASK_COMPLETED);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

static void cancel_after_completion_changes_nothing(void) {
    vex_runtime *rt = vex_runtime_create(2);
    _Atomic int64_t runs = 0;
    uint64_t b = (uint64_t)(uintptr_t)&runs, r = 0;
    int64_t h = vex_spawn_on(rt, &count_desc, &b);
    while (atomic_load(&runs) == 0) usleep(100);
    usleep(1000);
    vex_cancel(h);
    int32_t st = vex_handle_wait(h, &r, 1);
    /* runs == 1 means the body finished; a cancel after that must not change the outcome,
     * unless it won the race to the completion (it cannot: the body returned READY first). */
    CHECK_EQ(st, VEX_TASK_COMPLETED);
    CHECK_EQ(r, 7);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

static void cancel_a_sleeping_task(void) {
    vex_runtime *rt = vex_runtime_create(2);
    uint64_t hour = 3600ull * 1000000000ull;
    int64_t h = vex_spawn_on(rt, &vex_sleep_desc, &hour);
    usleep(10000);
    int64_t t0 = now_ns();
    vex_cancel(h);
    CHECK_EQ(vex_handle_wait(h, NULL, 0), VEX_TASK_CANCELLED);
    CHECK(now_ns() - t0 < 2000000000LL);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

static void cancelled_receiver_does_not_swallow_a_value(void) {
    vex_runtime *rt = vex_runtime_create(2);
    vex_runtime_enter(rt);
    int64_t ch = vex_chan_new(0);
    uint64_t c = (uint64_t)ch;
    int64_t r1 = vex_spawn_on(rt, &vex_chan_recv_desc, &c);
    usleep(10000); /* parked in the channel */
    vex_cancel(r1);
    CHECK_EQ(vex_handle_wait(r1, NULL, 0), VEX_TASK_CANCELLED);
    uint64_t sa[2] = {(uint64_t)ch, 42};
    int64_t s = vex_spawn_on(rt, &vex_chan_send_desc, sa);
    uint64_t res[2];
    CHECK_EQ(vex_block_on(rt, &vex_chan_recv_desc, &c, res), VEX_TASK_COMPLETED);
    CHECK_EQ(res[0], 0);
    CHECK_EQ(res[1], 42);
    CHECK_EQ(vex_handle_wait(s, res, 1), VEX_TASK_COMPLETED);
    CHECK_EQ(res[0], 0);
    /* A parked sender, cancelled, leaves nothing behind for a receiver. */
    sa[1] = 43;
    s = vex_spawn_on(rt, &vex_chan_send_desc, sa);
    usleep(10000);
    vex_cancel(s);
    CHECK_EQ(vex_handle_wait(s, NULL, 0), VEX_TASK_CANCELLED);
    vex_chan_close(ch);
    CHECK_EQ(vex_block_on(rt, &vex_chan_recv_desc, &c, res), VEX_TASK_COMPLETED);
    CHECK_EQ(res[0], 1); /* closed and drained: 43 was never sent */
    expect_no_live_tasks(rt);
    vex_chan_free(ch);
    vex_runtime_destroy(rt);
}

/* async %joiner(i64 ns) -> i64 status, i64 value: spawns sleep(ns), awaits vex_join_status. */
typedef struct {
    uint64_t state;
    int64_t ns;
    int64_t cancel_it;
    uint64_t value; /* result slot 1 */
    uint64_t join[VEX_JOIN_STATUS_FRAME_SIZE / 8];
} joiner_frame;

static vex_poll joiner(void *frame, vex_task *task) {
    joiner_frame *f = frame;
    uint64_t st;
    if (f->state == 0) {
        uint64_t ns = (uint64_t)f->ns;
        int64_t h = vex_spawn(&vex_sleep_desc, &ns);
        if (f->cancel_it) vex_cancel(h);
        f->join[0] = 0;
        f->join[1] = (uint64_t)h;
        f->state = 1;
    }
    AWAIT(vex_join_status, f->join, task, st);
    f->value = f->join[2];
    return READY(st);
}
static const vex_future_desc joiner_desc = {joiner, sizeof(joiner_frame), 8, 2, 2, "joiner"};

static void join_status_reports_a_cancelled_task(void) {
    vex_runtime *rt = vex_runtime_create(2);
    uint64_t args[2] = {3600ull * 1000000000ull, 1}, r[2];
    CHECK_EQ(vex_block_on(rt, &joiner_desc, args, r), VEX_TASK_COMPLETED);
    CHECK_EQ(r[0], VEX_TASK_CANCELLED);
    CHECK_EQ(r[1], 0);
    args[0] = 1000, args[1] = 0;
    CHECK_EQ(vex_block_on(rt, &joiner_desc, args, r), VEX_TASK_COMPLETED);
    CHECK_EQ(r[0], VEX_TASK_COMPLETED);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

static void cancel_a_task_waiting_in_join(void) {
    vex_runtime *rt = vex_runtime_create(2);
    uint64_t args[2] = {20000000, 0}; /* the joined sleep lasts 20 ms and is then detached */
    int64_t h = vex_spawn_on(rt, &joiner_desc, args);
    usleep(5000);
    vex_cancel(h);
    CHECK_EQ(vex_handle_wait(h, NULL, 0), VEX_TASK_CANCELLED);
    expect_no_live_tasks(rt); /* the sleeper ran out and freed itself */
    vex_runtime_destroy(rt);
}

/* async %yield_loop(i64 *count): yields forever. */
static vex_poll yield_loop(void *frame, vex_task *task) {
    uint64_t *f = frame;
    uint64_t v;
    for (;;) {
        if (f[0] == 0) {
            f[2] = 0;
            f[0] = 1;
        }
        AWAIT(vex_yield, &f[2], task, v);
        (void)v;
        atomic_fetch_add((_Atomic int64_t *)(uintptr_t)f[1], 1);
        f[0] = 0;
    }
}
static const vex_future_desc yield_loop_desc = {yield_loop, 24, 8, 1, 0, "yield_loop"};

/* async %self_wake_loop(i64 *count): wakes itself and returns PENDING, forever (a yield through
 * the waker path: the wake lands while the task is RUNNING). */
static vex_poll self_wake_loop(void *frame, vex_task *task) {
    uint64_t *f = frame;
    atomic_fetch_add((_Atomic int64_t *)(uintptr_t)f[1], 1);
    vex_task_wake_by_ref(task);
    return PENDING;
}
static const vex_future_desc self_wake_desc = {self_wake_loop, 16, 8, 1, 0, "self_wake_loop"};

static void cancel_racing_with_running_loops(void) {
    vex_runtime *rt = vex_runtime_create(2);
    for (int i = 0; i < SCALED(400); i++) {
        _Atomic int64_t n = 0;
        uint64_t a = (uint64_t)(uintptr_t)&n;
        int64_t h = vex_spawn_on(rt, i % 2 ? &self_wake_desc : &yield_loop_desc, &a);
        if (i % 3) while (atomic_load(&n) < 10) sched_yield();
        vex_cancel(h);
        CHECK_EQ(vex_handle_wait(h, NULL, 0), VEX_TASK_CANCELLED);
    }
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

static void cancel_a_running_task_at_its_next_suspension(void) {
    vex_runtime *rt = vex_runtime_create(2);
    _Atomic int64_t n = 0;
    uint64_t a = (uint64_t)(uintptr_t)&n;
    int64_t h = vex_spawn_on(rt, &yield_loop_desc, &a);
    while (atomic_load(&n) < 1000) usleep(100);
    vex_cancel(h);
    CHECK_EQ(vex_handle_wait(h, NULL, 0), VEX_TASK_CANCELLED);
    int64_t after = atomic_load(&n);
    usleep(5000);
    CHECK_EQ(atomic_load(&n), after);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

/* async %boxed_sleeper(i64 ns): awaits sleep(ns) in a frame from vex_frame_alloc, the way
 * await_boxed does, plus a second heap frame it keeps. */
static vex_poll boxed_sleeper(void *frame, vex_task *task) {
    uint64_t *f = frame; /* state, ns, sleep frame pointer, extra */
    uint64_t v;
    if (f[0] == 0) {
        f[3] = (uint64_t)(uintptr_t)vex_frame_alloc(task, 200, 16);
        uint64_t *s = vex_frame_alloc(task, VEX_SLEEP_FRAME_SIZE, 8);
        CHECK(((uintptr_t)s & 15) == 0);
        s[0] = 0;
        s[1] = f[1];
        f[2] = (uint64_t)(uintptr_t)s;
        f[0] = 1;
    }
    AWAIT(vex_sleep, (void *)(uintptr_t)f[2], task, v);
    (void)v;
    vex_frame_free(task, (void *)(uintptr_t)f[2]);
    vex_frame_free(task, (void *)(uintptr_t)f[3]);
    return READY(1);
}
static const vex_future_desc boxed_sleeper_desc = {boxed_sleeper, 32, 8, 1, 1, "boxed_sleeper"};

static void cancel_frees_heap_frames(void) {
    vex_runtime *rt = vex_runtime_create(2);
    uint64_t ns = 3600ull * 1000000000ull, r;
    int64_t h = vex_spawn_on(rt, &boxed_sleeper_desc, &ns);
    usleep(10000);
    vex_cancel(h);
    CHECK_EQ(vex_handle_wait(h, NULL, 0), VEX_TASK_CANCELLED);
    ns = 1000;
    CHECK_EQ(vex_block_on(rt, &boxed_sleeper_desc, &ns, &r), VEX_TASK_COMPLETED);
    CHECK_EQ(r, 1);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

static void many_cancels_race_with_completion(void) {
    vex_runtime *rt = vex_runtime_create(4);
    enum { N = 20000 };
    static int64_t h[N];
    int cancelled = 0, completed = 0;
    for (int i = 0; i < N; i++) {
        uint64_t ns = (uint64_t)(i % 3) * 100000;
        h[i] = vex_spawn_on(rt, &vex_sleep_desc, &ns);
        if (i % 2) vex_cancel(h[i]);
    }
    for (int i = 0; i < N; i++) {
        int32_t st = vex_handle_wait(h[i], NULL, 0);
        CHECK(st == VEX_TASK_CANCELLED || st == VEX_TASK_COMPLETED);
        if (i % 2 == 0) CHECK_EQ(st, VEX_TASK_COMPLETED);
        cancelled += st == VEX_TASK_CANCELLED;
        completed += st == VEX_TASK_COMPLETED;
    }
    CHECK(cancelled > 0);
    CHECK_EQ(cancelled + completed, N);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

static void teardown_cancels_parked_tasks(void) {
    vex_runtime *rt = vex_runtime_create(2);
    vex_runtime_enter(rt);
    int64_t ch = vex_chan_new(0);
    uint64_t hour = 3600ull * 1000000000ull, c = (uint64_t)ch;
    _Atomic int64_t n = 0;
    uint64_t a = (uint64_t)(uintptr_t)&n;
    for (int i = 0; i < 10; i++) {
        vex_detach(vex_spawn_on(rt, &vex_sleep_desc, &hour));
        vex_detach(vex_spawn_on(rt, &vex_chan_recv_desc, &c));
        vex_detach(vex_spawn_on(rt, &boxed_sleeper_desc, &hour));
        vex_detach(vex_spawn_on(rt, &yield_loop_desc, &a));
    }
    uint64_t joiner_args[2] = {hour, 0};
    vex_detach(vex_spawn_on(rt, &joiner_desc, joiner_args));
    /* The joiner spawns the 42nd task when it first runs: wait for it (bounded; a loaded machine,
     * or TSan, may take longer than any fixed sleep). */
    for (int waited = 0; vex_runtime_live_tasks(rt) < 42 && waited < 5000; waited++) {
        usleep(1000);
    }
    CHECK(vex_runtime_live_tasks(rt) >= 42);
    vex_runtime_enter(NULL);
    vex_runtime_destroy(rt); /* everything is cancelled and freed: the sanitizers check */
}

int main(void) {
    RUN(cancel_before_the_first_poll);
    RUN(cancel_after_completion_changes_nothing);
    RUN(cancel_a_sleeping_task);
    RUN(cancelled_receiver_does_not_swallow_a_value);
    RUN(join_status_reports_a_cancelled_task);
    RUN(cancel_a_task_waiting_in_join);
    RUN(cancel_a_running_task_at_its_next_suspension);
    RUN(cancel_racing_with_running_loops);
    RUN(cancel_frees_heap_frames);
    RUN(many_cancels_race_with_completion);
    RUN(teardown_cancels_parked_tasks);
    return 0;
}
