/* test_spawn.c: spawning, joining and fairness with hand-written async functions.
 * 1,000,000 tasks are spawned across all workers: a root spawns spawners, each spawner spawns
 * children and awaits vex_join on each (its frame embeds vex_join's frame, as generated code
 * would), and the results are summed. */
#include "test_util.h"

/* async %child(i64 x) -> i64: returns 2x + 1 at once. */
static vex_poll child(void *frame, vex_task *task) {
    (void)task;
    uint64_t *f = frame;
    return READY(2 * f[1] + 1);
}
static const vex_future_desc child_desc = {child, 16, 8, 1, 1, "child"};

/* async %spawner(i64 base, i64 n) -> i64: spawns child(base..base+n-1), joins all, sums. */
typedef struct {
    uint64_t state;
    int64_t base, n;
    int64_t i, sum;
    int64_t *handles;
    uint64_t join[2]; /* vex_join's frame: state, handle */
} spawner_frame;

static vex_poll spawner(void *frame, vex_task *task) {
    spawner_frame *f = frame;
    uint64_t v;
    switch (f->state) {
    case 0:
        f->handles = (int64_t *)(uintptr_t)vex_alloc(f->n * 8);
        for (f->i = 0; f->i < f->n; f->i++) {
            uint64_t arg = (uint64_t)(f->base + f->i);
            f->handles[f->i] = vex_spawn(&child_desc, &arg);
            CHECK(f->handles[f->i] != 0);
        }
        f->sum = 0;
        f->i = 0;
        /* fallthrough */
    case 1:
        for (; f->i < f->n; f->i++) {
            if (f->state != 2) {
                f->join[0] = 0;
                f->join[1] = (uint64_t)f->handles[f->i];
                f->state = 2;
            }
            AWAIT(vex_join, f->join, task, v);
            f->sum += (int64_t)v;
            f->state = 1;
        }
        vex_free((int64_t)(uintptr_t)f->handles);
        return READY(f->sum);
    case 2:
        AWAIT(vex_join, f->join, task, v);
        f->sum += (int64_t)v;
        f->state = 1;
        f->i++;
        return spawner(frame, task);
    }
    return READY(0);
}
static const vex_future_desc spawner_desc = {spawner, sizeof(spawner_frame), 8, 2, 1, "spawner"};

/* async %spawn_join_loop(i64 n) -> i64: n times: spawn child(i), await its join; sums. */
typedef struct {
    uint64_t state;
    int64_t n, i, sum;
    uint64_t join[2];
} loop_frame;

static vex_poll spawn_join_loop(void *frame, vex_task *task) {
    loop_frame *f = frame;
    uint64_t v;
    if (f->state == 0) {
        f->i = f->sum = 0;
        f->state = 1;
    }
    for (; f->i < f->n; f->i++) {
        if (f->state == 1) {
            uint64_t arg = (uint64_t)f->i;
            f->join[0] = 0;
            f->join[1] = (uint64_t)vex_spawn(&child_desc, &arg);
            f->state = 2;
        }
        AWAIT(vex_join, f->join, task, v);
        f->sum += (int64_t)v;
        f->state = 1;
    }
    return READY(f->sum);
}
static const vex_future_desc loop_desc = {spawn_join_loop, sizeof(loop_frame), 8, 1, 1, "loop"};

static void spawn_then_join_one_at_a_time(void) {
    vex_runtime *rt = vex_runtime_create(1);
    uint64_t n = (uint64_t)SCALED(1000000), r;
    int64_t t0 = now_ns();
    CHECK_EQ(vex_block_on(rt, &loop_desc, &n, &r), VEX_TASK_COMPLETED);
    printf("     spawn, run, join one at a time: %.1f ns per task (1 worker)\n",
           (double)(now_ns() - t0) / (double)n);
    CHECK_EQ(r, (int64_t)n * (int64_t)n);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

static void million_tasks_across_all_workers(void) {
    vex_runtime *rt = vex_runtime_create(0);
    CHECK(rt != NULL);
    const int64_t spawners = 1000, per = SCALED(1000000) / 1000;
    int64_t *h = malloc(sizeof(int64_t) * spawners);
    for (int64_t s = 0; s < spawners; s++) {
        uint64_t args[2] = {(uint64_t)(s * per), (uint64_t)per};
        h[s] = vex_spawn_on(rt, &spawner_desc, args);
    }
    int64_t total = 0;
    for (int64_t s = 0; s < spawners; s++) {
        uint64_t r;
        CHECK_EQ(vex_handle_wait(h[s], &r, 1), VEX_TASK_COMPLETED);
        total += (int64_t)r;
    }
    int64_t n = spawners * per; /* sum of 2x+1 for x < n is n^2 */
    CHECK_EQ(total, n * n);
    expect_no_live_tasks(rt);
    free(h);
    vex_runtime_destroy(rt);
}

static void spawn_and_join_on_one_worker(void) {
    vex_runtime *rt = vex_runtime_create(1);
    uint64_t args[2] = {0, (uint64_t)SCALED(200000)}, r;
    int64_t t0 = now_ns();
    CHECK_EQ(vex_block_on(rt, &spawner_desc, args, &r), VEX_TASK_COMPLETED);
    printf("     spawn+run+join: %.1f ns per task (1 worker)\n",
           (double)(now_ns() - t0) / (double)args[1]);
    CHECK_EQ(r, (int64_t)args[1] * (int64_t)args[1]);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

/* async %yielder(i64 *flag, i64 *count): yields until *flag is set. */
static vex_poll yielder(void *frame, vex_task *task) {
    uint64_t *f = frame; /* state, flag, count, yield frame */
    _Atomic int64_t *flag = (_Atomic int64_t *)(uintptr_t)f[1];
    int64_t *count = (int64_t *)(uintptr_t)f[2];
    uint64_t v;
    for (;;) {
        if (f[0] == 0) {
            if (atomic_load(flag)) return READY(0);
            f[3] = 0;
            f[0] = 1;
        }
        AWAIT(vex_yield, &f[3], task, v);
        (void)v;
        ++*count;
        f[0] = 0;
    }
}
static const vex_future_desc yielder_desc = {yielder, 32, 8, 2, 0, "yielder"};

/* async %setter(i64 *flag): sets it. */
static vex_poll setter(void *frame, vex_task *task) {
    (void)task;
    atomic_store((_Atomic int64_t *)(uintptr_t)((uint64_t *)frame)[1], 1);
    return READY(0);
}
static const vex_future_desc setter_desc = {setter, 16, 8, 1, 0, "setter"};

static void a_task_that_yields_forever_cannot_starve_others(void) {
    vex_runtime *rt = vex_runtime_create(1);
    _Atomic int64_t flag = 0;
    int64_t c1 = 0, c2 = 0;
    uint64_t a1[2] = {(uint64_t)(uintptr_t)&flag, (uint64_t)(uintptr_t)&c1};
    uint64_t a2[2] = {(uint64_t)(uintptr_t)&flag, (uint64_t)(uintptr_t)&c2};
    int64_t y1 = vex_spawn_on(rt, &yielder_desc, a1);
    int64_t y2 = vex_spawn_on(rt, &yielder_desc, a2);
    usleep(20000); /* both yield to each other meanwhile */
    uint64_t a3 = (uint64_t)(uintptr_t)&flag;
    CHECK_EQ(vex_block_on(rt, &setter_desc, &a3, NULL), VEX_TASK_COMPLETED);
    CHECK_EQ(vex_handle_wait(y1, NULL, 0), VEX_TASK_COMPLETED);
    CHECK_EQ(vex_handle_wait(y2, NULL, 0), VEX_TASK_COMPLETED);
    CHECK(c1 > 0 && c2 > 0);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

static void yield_round_trip_on_one_worker(void) {
    vex_runtime *rt = vex_runtime_create(1);
    _Atomic int64_t flag = 0;
    int64_t count = 0;
    uint64_t a[2] = {(uint64_t)(uintptr_t)&flag, (uint64_t)(uintptr_t)&count};
    int64_t h = vex_spawn_on(rt, &yielder_desc, a);
    int64_t t0 = now_ns();
    usleep(100000);
    atomic_store(&flag, 1);
    CHECK_EQ(vex_handle_wait(h, NULL, 0), VEX_TASK_COMPLETED);
    CHECK(count > 0);
    printf("     yield round trip: %.1f ns (1 worker)\n", (double)(now_ns() - t0) / count);
    vex_runtime_destroy(rt);
}

/* async %trapper(i64 code): takes a heap frame, yields, then fails with trap code `code`. */
static vex_poll trapper(void *frame, vex_task *task) {
    uint64_t *f = frame; /* state, code, yield frame */
    uint64_t v;
    if (f[0] == 0) {
        CHECK(vex_frame_alloc(task, 48, 16) != NULL); /* left for the runtime to free */
        f[2] = 0;
        f[0] = 1;
    }
    AWAIT(vex_yield, &f[2], task, v);
    (void)v;
    return (vex_poll){VEX_FAILED, f[1]};
}
static const vex_future_desc trapper_desc = {trapper, 24, 8, 1, 1, "trapper"};

/* async %join_trapper() -> i64 status, i64 value: spawns trapper(9), awaits vex_join_status. */
static vex_poll join_trapper(void *frame, vex_task *task) {
    uint64_t *f = frame; /* state, value slot, join_status frame */
    uint64_t st;
    if (f[0] == 0) {
        uint64_t code = 9;
        f[2] = 0;
        f[3] = (uint64_t)vex_spawn(&trapper_desc, &code);
        f[0] = 1;
    }
    AWAIT(vex_join_status, &f[2], task, st);
    f[1] = f[4];
    return READY(st);
}
static const vex_future_desc join_trapper_desc = {join_trapper, 40, 8, 0, 2, "join_trapper"};

static void a_failing_task_reports_its_trap_code(void) {
    vex_runtime *rt = vex_runtime_create(2);
    uint64_t code = 7, r[2] = {0, 0};
    CHECK_EQ(vex_block_on(rt, &trapper_desc, &code, r), VEX_TASK_FAILED);
    CHECK_EQ(r[0], 7);
    CHECK_EQ(vex_block_on(rt, &join_trapper_desc, NULL, r), VEX_TASK_COMPLETED);
    CHECK_EQ(r[0], VEX_TASK_FAILED);
    CHECK_EQ(r[1], 9);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

static int64_t rss_bytes(void) {
    FILE *f = fopen("/proc/self/statm", "r");
    long size = 0, resident = 0;
    CHECK(f && fscanf(f, "%ld %ld", &size, &resident) == 2);
    fclose(f);
    return (int64_t)resident * sysconf(_SC_PAGESIZE);
}

/* Memory per idle task: 100,000 tasks parked forever in a channel receive (a 64-byte frame) and
 * 100,000 in a sleep (an 80-byte frame holding the timer node). */
static void memory_per_idle_task(void) {
    enum { N = 100000 };
    vex_runtime *rt = vex_runtime_create(2);
    int64_t ch = vex_chan_new_on(rt, 0);
    uint64_t c = (uint64_t)ch, hour = 3600ull * 1000000000ull;
    int64_t base = rss_bytes();
    for (int i = 0; i < N; i++) vex_detach(vex_spawn_on(rt, &vex_chan_recv_desc, &c));
    while (vex_runtime_live_tasks(rt) < N) usleep(1000);
    usleep(50000);
    int64_t recv_bytes = rss_bytes() - base;
    base = rss_bytes();
    for (int i = 0; i < N; i++) vex_detach(vex_spawn_on(rt, &vex_sleep_desc, &hour));
    usleep(100000);
    int64_t sleep_bytes = rss_bytes() - base;
    printf("     RSS per idle task: %.1f B waiting on a channel (frame %d), %.1f B sleeping "
           "(frame %d)\n",
           (double)recv_bytes / N, VEX_CHAN_RECV_FRAME_SIZE, (double)sleep_bytes / N,
           VEX_SLEEP_FRAME_SIZE);
#if VEX_TEST_SCALE == 1 && !defined(VEX_DEQUE_CAP) && !defined(__SANITIZE_ADDRESS__)
    /* header + frame, nothing else (blocks come from chunks, block.h), + slack for pages */
    CHECK(recv_bytes / N <= 64 + VEX_CHAN_RECV_FRAME_SIZE + 4);
    CHECK(sleep_bytes / N <= 64 + VEX_SLEEP_FRAME_SIZE + 4);
#endif
    vex_runtime_destroy(rt); /* cancels and frees all of them */
}

static void block_on_and_workers(void) {
    vex_runtime *rt = vex_runtime_create(3);
    CHECK_EQ(vex_runtime_workers(rt), 3);
    uint64_t arg = 20, r = 0;
    CHECK_EQ(vex_block_on(rt, &child_desc, &arg, &r), VEX_TASK_COMPLETED);
    CHECK_EQ(r, 41);
    vex_runtime_enter(rt);
    int64_t h = vex_spawn(&child_desc, &arg); /* off a worker: the entered runtime */
    CHECK(h != 0);
    CHECK_EQ(vex_handle_wait(h, &r, 1), VEX_TASK_COMPLETED);
    CHECK_EQ(r, 41);
    vex_runtime_enter(NULL);
    CHECK_EQ(vex_spawn(&child_desc, &arg), 0);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

int main(void) {
    RUN(block_on_and_workers);
    RUN(a_failing_task_reports_its_trap_code);
    RUN(spawn_and_join_on_one_worker);
    RUN(spawn_then_join_one_at_a_time);
    RUN(million_tasks_across_all_workers);
    RUN(a_task_that_yields_forever_cannot_starve_others);
    RUN(memory_per_idle_task);
    RUN(yield_round_trip_on_one_worker);
    return 0;
}
