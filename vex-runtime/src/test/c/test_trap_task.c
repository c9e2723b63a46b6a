/* test_trap_task.c: a trap inside a task (vex_trap called from its resume function, as generated
 * code does) fails that task with the trap code and leaves the worker running other tasks;
 * workers set vex_stack_limit, so a deep recursion that checks it traps instead of crashing. */
#include "test_util.h"

/* async %trap_after_yield(i64 code) -> i64: yields once, then traps with `code` (0 returns 7). */
typedef struct {
    uint64_t state;
    uint64_t code;
    uint64_t yield[1];
} trap_frame;

static vex_poll trap_after_yield(void *frame, vex_task *task) {
    trap_frame *f = frame;
    uint64_t v;
    if (f->state == 0) {
        f->yield[0] = 0;
        f->state = 1;
    }
    AWAIT(vex_yield, f->yield, task, v);
    (void)v;
    if (f->code != 0) vex_trap((uint32_t)f->code);
    return READY(7);
}
static const vex_future_desc trap_desc = {trap_after_yield, sizeof(trap_frame), 8, 1, 1, "trap_after_yield"};

/* async %boxed_then_trap(): takes a heap frame, then traps: the frame must be freed (ASan). */
static vex_poll boxed_then_trap(void *frame, vex_task *task) {
    (void)frame;
    void *box = vex_frame_alloc(task, 256, 16);
    CHECK(box != NULL);
    vex_trap(5);
}
static const vex_future_desc boxed_desc = {boxed_then_trap, 8, 8, 0, 1, "boxed_then_trap"};

/* Recurses like generated code: each level's prologue compares its stack pointer with the
 * thread's vex_stack_limit and traps with code 1 (stk_ovf) below it. */
static uint64_t __attribute__((noinline)) deep(uint64_t n) {
    volatile char pad[256];
    pad[0] = (char)n;
    if ((uintptr_t)__builtin_frame_address(0) < vex_stack_limit) vex_trap(1);
    if (n == 0) return pad[0];
    return deep(n - 1) + pad[0] + 1;
}

static vex_poll recurse_forever(void *frame, vex_task *task) {
    (void)task;
    uint64_t *f = frame;
    return READY(deep(f[1]));
}
static const vex_future_desc recurse_desc = {recurse_forever, 16, 8, 1, 1, "recurse_forever"};

static void a_trap_fails_the_task_with_its_code(void) {
    vex_runtime *rt = vex_runtime_create(2);
    uint64_t code = 3, out = 0;
    CHECK_EQ(vex_block_on(rt, &trap_desc, &code, &out), VEX_TASK_FAILED);
    CHECK_EQ(out, 3);
    code = 0;
    CHECK_EQ(vex_block_on(rt, &trap_desc, &code, &out), VEX_TASK_COMPLETED);
    CHECK_EQ(out, 7);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

static void workers_survive_many_traps(void) {
    vex_runtime *rt = vex_runtime_create(2);
    enum { N = 20000 };
    static int64_t handles[N];
    for (int i = 0; i < SCALED(N); i++) {
        uint64_t code = (uint64_t)(i % 3 == 0 ? 0 : 1 + i % 9);
        handles[i] = vex_spawn_on(rt, &trap_desc, &code);
        CHECK(handles[i] != 0);
    }
    for (int i = 0; i < SCALED(N); i++) {
        uint64_t out = 0;
        int32_t status = vex_handle_wait(handles[i], &out, 1);
        if (i % 3 == 0) {
            CHECK_EQ(status, VEX_TASK_COMPLETED);
            CHECK_EQ(out, 7);
        } else {
            CHECK_EQ(status, VEX_TASK_FAILED);
            CHECK_EQ(out, 1 + i % 9);
        }
    }
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

static void a_trap_frees_heap_frames(void) {
    vex_runtime *rt = vex_runtime_create(1);
    uint64_t out = 0;
    for (int i = 0; i < 100; i++) {
        CHECK_EQ(vex_block_on(rt, &boxed_desc, NULL, &out), VEX_TASK_FAILED);
        CHECK_EQ(out, 5);
    }
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

static void deep_recursion_on_a_worker_traps(void) {
    vex_runtime *rt = vex_runtime_create(2);
    uint64_t depth = 1ull << 40, out = 0;
    CHECK_EQ(vex_block_on(rt, &recurse_desc, &depth, &out), VEX_TASK_FAILED);
    CHECK_EQ(out, 1);
    depth = 100;
    CHECK_EQ(vex_block_on(rt, &recurse_desc, &depth, &out), VEX_TASK_COMPLETED);
    expect_no_live_tasks(rt);
    vex_runtime_destroy(rt);
}

int main(void) {
    RUN(a_trap_fails_the_task_with_its_code);
    RUN(workers_survive_many_traps);
    RUN(a_trap_frees_heap_frames);
    RUN(deep_recursion_on_a_worker_traps);
    return 0;
}
