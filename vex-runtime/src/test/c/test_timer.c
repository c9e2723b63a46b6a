/* test_timer.c: sleeps fire in deadline order (ties in arrival order) and never early. */
#include "test_util.h"

typedef struct {
    _Atomic int64_t next;
    int64_t order[4096];
    int64_t deadline[4096]; /* by id: the sleep node's deadline, read from its frame */
} log_t;

/* async %sleeper(i64 ns, i64 id, log_t *log): sleeps, then appends id to the log. */
typedef struct {
    uint64_t state;
    int64_t ns, id;
    log_t *log;
    int64_t start;
    uint64_t sleep[VEX_SLEEP_FRAME_SIZE / 8];
} sleeper_frame;

static vex_poll sleeper(void *frame, vex_task *task) {
    sleeper_frame *f = frame;
    uint64_t v;
    if (f->state == 0) {
        f->start = now_ns();
        f->sleep[0] = 0;
        f->sleep[1] = (uint64_t)f->ns;
        f->state = 1;
    }
    AWAIT(vex_sleep, f->sleep, task, v);
    (void)v;
    f->log->deadline[f->id] = (int64_t)f->sleep[2]; /* timer_node.deadline, after ns */
    int64_t slept = now_ns() - f->start;
    CHECK(slept >= f->ns);
    f->log->order[atomic_fetch_add(&f->log->next, 1)] = f->id;
    return READY(slept);
}
static const vex_future_desc sleeper_desc = {sleeper, sizeof(sleeper_frame), 8, 3, 1, "sleeper"};

static void timers_fire_in_deadline_order(void) {
    vex_runtime *rt = vex_runtime_create(1);
    static log_t log;
    atomic_init(&log.next, 0);
    enum { N = 500 };
    int64_t h[N], ns[N];
    uint64_t rng = 12345;
    for (int i = 0; i < N; i++) {
        rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
        ns[i] = 1000000 * (int64_t)(1 + rng % 40); /* 1..40 ms, many ties */
        uint64_t args[3] = {(uint64_t)ns[i], (uint64_t)i, (uint64_t)(uintptr_t)&log};
        h[i] = vex_spawn_on(rt, &sleeper_desc, args);
    }
    for (int i = 0; i < N; i++) CHECK_EQ(vex_handle_wait(h[i], NULL, 0), VEX_TASK_COMPLETED);
    CHECK_EQ(atomic_load(&log.next), N);
    for (int k = 1; k < N; k++) {
        int a = (int)log.order[k - 1], b = (int)log.order[k];
        CHECK(log.deadline[a] <= log.deadline[b]);
    }
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

static void sleeps_on_many_workers_are_never_early(void) {
    vex_runtime *rt = vex_runtime_create(4);
    static log_t log;
    atomic_init(&log.next, 0);
    enum { N = 2000 };
    static int64_t h[N];
    for (int i = 0; i < N; i++) {
        uint64_t args[3] = {(uint64_t)(100000 * (i % 50)), (uint64_t)i, (uint64_t)(uintptr_t)&log};
        h[i] = vex_spawn_on(rt, &sleeper_desc, args);
    }
    for (int i = 0; i < N; i++) {
        uint64_t slept;
        CHECK_EQ(vex_handle_wait(h[i], &slept, 1), VEX_TASK_COMPLETED);
        CHECK((int64_t)slept >= 100000 * (i % 50));
    }
    CHECK_EQ(atomic_load(&log.next), N);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

static void zero_sleep_is_ready_at_once(void) {
    vex_runtime *rt = vex_runtime_create(1);
    uint64_t ns = 0;
    CHECK_EQ(vex_block_on(rt, &vex_sleep_desc, &ns, NULL), VEX_TASK_COMPLETED);
    ns = 3000000;
    int64_t t0 = now_ns();
    CHECK_EQ(vex_block_on(rt, &vex_sleep_desc, &ns, NULL), VEX_TASK_COMPLETED);
    CHECK(now_ns() - t0 >= 3000000);
    vex_runtime_destroy(rt);
}

int main(void) {
    RUN(zero_sleep_is_ready_at_once);
    RUN(timers_fire_in_deadline_order);
    RUN(sleeps_on_many_workers_are_never_early);
    return 0;
}
