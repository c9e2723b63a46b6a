/* test_children.c: cancelling (or failing) a task cancels the tasks it spawned and still holds
 * unconsumed handles of, transitively, and releases those handles: nothing is left live. */
#include "test_util.h"

#define HOUR (3600ull * 1000000000ull)

/* async %tree(i64 depth): spawns two tree(depth - 1) and keeps their handles unconsumed, then
 * sleeps for an hour.  Leaves (depth 0) just sleep. */
typedef struct {
    uint64_t state;
    uint64_t depth;
    int64_t kids[2];
    uint64_t sleep[VEX_SLEEP_FRAME_SIZE / 8];
} tree_frame;

static vex_poll tree(void *frame, vex_task *task);
static const vex_future_desc tree_desc = {tree, sizeof(tree_frame), 8, 1, 0, "tree"};

static vex_poll tree(void *frame, vex_task *task) {
    tree_frame *f = frame;
    if (f->state == 0) {
        if (f->depth > 0) {
            uint64_t d = f->depth - 1;
            f->kids[0] = vex_spawn(&tree_desc, &d);
            f->kids[1] = vex_spawn(&tree_desc, &d);
            CHECK(f->kids[0] && f->kids[1]);
        }
        f->sleep[0] = 0;
        f->sleep[1] = HOUR;
        f->state = 1;
    }
    return vex_sleep(f->sleep, task);
}

/* async %join_sleeper(): spawns sleep(1 h) and awaits vex_join on it (the handle is claimed). */
typedef struct {
    uint64_t state;
    uint64_t join[VEX_JOIN_FRAME_SIZE / 8];
} join_frame;

static vex_poll join_sleeper(void *frame, vex_task *task) {
    join_frame *f = frame;
    if (f->state == 0) {
        uint64_t hour = HOUR;
        f->join[0] = 0;
        f->join[1] = (uint64_t)vex_spawn(&vex_sleep_desc, &hour);
        f->state = 1;
    }
    return vex_join(f->join, task);
}
static const vex_future_desc join_sleeper_desc = {join_sleeper, sizeof(join_frame), 8, 0, 1,
                                                  "join_sleeper"};

/* async %spawn_then_fail(): spawns tree(2), yields once, then fails with trap code 6. */
typedef struct {
    uint64_t state;
    uint64_t yield[VEX_YIELD_FRAME_SIZE / 8];
} fail_frame;

static vex_poll spawn_then_fail(void *frame, vex_task *task) {
    fail_frame *f = frame;
    if (f->state == 0) {
        uint64_t d = 2;
        CHECK(vex_spawn(&tree_desc, &d) != 0);
        f->yield[0] = 0;
        f->state = 1;
    }
    if (vex_yield(f->yield, task).status == VEX_PENDING) return PENDING;
    return (vex_poll){VEX_FAILED, 6};
}
static const vex_future_desc fail_desc = {spawn_then_fail, sizeof(fail_frame), 8, 0, 0,
                                          "spawn_then_fail"};

static void cancelling_a_parent_cancels_its_tree(void) {
    vex_runtime *rt = vex_runtime_create(2);
    for (int run = 0; run < SCALED(150); run++) {
        uint64_t depth = 4; /* 31 tasks */
        int64_t h = vex_spawn_on(rt, &tree_desc, &depth);
        while (vex_runtime_live_tasks(rt) < 31) usleep(100);
        CHECK_EQ(vex_cancel(h), 0);
        CHECK_EQ(vex_handle_wait(h, NULL, 0), VEX_TASK_CANCELLED);
    }
    expect_no_live_tasks(rt);
    CHECK_EQ(vex_runtime_destroy(rt), 0);
}

static void cancelling_a_joining_parent_cancels_the_joined_child(void) {
    vex_runtime *rt = vex_runtime_create(2);
    for (int run = 0; run < SCALED(150); run++) {
        int64_t h = vex_spawn_on(rt, &join_sleeper_desc, NULL);
        while (vex_runtime_live_tasks(rt) < 2) usleep(100);
        usleep(200); /* the join registers */
        CHECK_EQ(vex_cancel(h), 0);
        CHECK_EQ(vex_handle_wait(h, NULL, 0), VEX_TASK_CANCELLED);
    }
    expect_no_live_tasks(rt);
    CHECK_EQ(vex_runtime_destroy(rt), 0);
}

static void a_failing_parent_takes_its_children(void) {
    vex_runtime *rt = vex_runtime_create(2);
    for (int run = 0; run < SCALED(100); run++) {
        uint64_t r[2] = {0, 0};
        int64_t h = vex_spawn_on(rt, &fail_desc, NULL);
        CHECK_EQ(vex_handle_wait(h, r, 2), VEX_TASK_FAILED);
        CHECK_EQ(r[0], 6);
    }
    expect_no_live_tasks(rt);
    CHECK_EQ(vex_runtime_destroy(rt), 0);
}

static void a_detached_child_is_not_the_parents_any_more(void) {
    /* tree(1) whose children were detached by someone else: the parent's cancellation leaves
     * them running (their handles are gone), and they end at teardown. */
    vex_runtime *rt = vex_runtime_create(1);
    uint64_t depth = 0;
    int64_t free_child = vex_spawn_on(rt, &tree_desc, &depth);
    CHECK_EQ(vex_detach(free_child), 0);
    usleep(5000);
    CHECK_EQ(vex_runtime_live_tasks(rt), 1);
    CHECK_EQ(vex_runtime_destroy(rt), 0);
}

int main(void) {
    RUN(cancelling_a_parent_cancels_its_tree);
    RUN(cancelling_a_joining_parent_cancels_the_joined_child);
    RUN(a_failing_parent_takes_its_children);
    RUN(a_detached_child_is_not_the_parents_any_more);
    return 0;
}
