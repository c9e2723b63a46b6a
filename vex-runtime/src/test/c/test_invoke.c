/* test_invoke.c: vex_invoke and vex_trap.  C functions stand in for generated array entries:
 * they return results, trap, nest invokes, and check the stack limit as prologues do. */
#include <pthread.h>

#include "test_util.h"

static char *thread_pointer(void) {
    char *tp;
#if defined(__x86_64__)
    __asm__("mov %%fs:0, %0" : "=r"(tp));
#else
    tp = __builtin_thread_pointer();
#endif
    return tp;
}

static void add_entry(const uint64_t *args, uint64_t *results) {
    results[0] = args[0] + args[1];
    results[1] = args[0] * args[1];
}

/* The pc vex_trap records is the return address of its call, inside this function. */
__attribute__((noinline)) static void trap_entry(const uint64_t *args, uint64_t *results) {
    (void)results;
    vex_trap((uint32_t)args[0]);
}

static void returns_then_traps_in_order(void) {
    uint64_t args[2] = {40, 2}, results[2] = {0, 0};
    vex_trap_info info = {0, 0};
    CHECK_EQ(vex_invoke(add_entry, args, results, &info), 0);
    CHECK_EQ(results[0], 42);
    CHECK_EQ(results[1], 80);
    CHECK_EQ(info.code, 0);

    static const uint32_t codes[] = {1, 2, 3, 4, 5, 6, 257, 511};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        args[0] = codes[i];
        CHECK_EQ(vex_invoke(trap_entry, args, results, &info), codes[i]);
        CHECK_EQ(info.code, codes[i]);
        CHECK(info.pc > (uintptr_t)trap_entry);
        CHECK(info.pc < (uintptr_t)trap_entry + 256);
    }
    /* A trap with no info wanted still reports its code, and vex_last_trap has the rest. */
    args[0] = 3;
    CHECK_EQ(vex_invoke(trap_entry, args, results, NULL), 3);
    vex_trap_info last = {0, 0};
    vex_last_trap(&last);
    CHECK_EQ(last.code, 3);
    CHECK_EQ(last.pc, info.pc); /* the same site as the traps above */
    /* A normal return leaves the last trap as it was. */
    args[0] = 1;
    CHECK_EQ(vex_invoke(add_entry, args, results, NULL), 0);
    vex_last_trap(&last);
    CHECK_EQ(last.code, 3);
}

static void many_traps_then_a_call(void) {
    uint64_t args[2] = {4, 0}, results[2];
    for (int i = 0; i < SCALED(100000); i++) CHECK_EQ(vex_invoke(trap_entry, args, results, NULL), 4);
    args[0] = 5;
    args[1] = 6;
    CHECK_EQ(vex_invoke(add_entry, args, results, NULL), 0);
    CHECK_EQ(results[0], 11);
}

/* Generated code calling C calling vex_invoke: the inner trap stops at the inner invoke. */
static void nested_entry(const uint64_t *args, uint64_t *results) {
    uint64_t inner_args[1] = {args[0]}, inner_results[1];
    vex_trap_info info = {0, 0};
    results[0] = (uint64_t)vex_invoke(trap_entry, inner_args, inner_results, &info);
    results[1] = info.code;
    if (args[1] != 0) vex_trap((uint32_t)args[1]);
}

static void nested_invokes_unwind_to_the_innermost(void) {
    uint64_t args[2] = {258, 0}, results[2] = {0, 0};
    CHECK_EQ(vex_invoke(nested_entry, args, results, NULL), 0);
    CHECK_EQ(results[0], 258);
    CHECK_EQ(results[1], 258);
    args[1] = 6; /* the outer one traps after the inner one did */
    CHECK_EQ(vex_invoke(nested_entry, args, results, NULL), 6);
}

/* A prologue's stack check, in C: trap with stk_ovf once the frame would go below the limit. */
static volatile uint64_t depth_reached;
__attribute__((noinline)) static uint64_t recurse(uint64_t depth) {
    volatile char frame[512];
    if ((uintptr_t)frame < vex_stack_limit) vex_trap(1);
    frame[0] = (char)depth;
    depth_reached = depth;
    if (depth == UINT64_MAX) return 0; /* never: the stack check ends it */
    return recurse(depth + 1) + frame[0];
}

static void recurse_entry(const uint64_t *args, uint64_t *results) {
    (void)args;
    results[0] = recurse(0);
}

static void deep_recursion_traps_with_stack_overflow(void) {
    uint64_t results[1];
    vex_trap_info info;
    CHECK_EQ(vex_stack_limit, 0); /* no limit outside vex_invoke */
    CHECK_EQ(vex_invoke(recurse_entry, NULL, results, &info), 1);
    CHECK(depth_reached > 100); /* it went deep: the limit is near the end of the stack */
    CHECK_EQ(vex_stack_limit, 0);
    /* And again: the stack is usable after the unwind. */
    CHECK_EQ(vex_invoke(recurse_entry, NULL, results, &info), 1);
}

static void limit_entry(const uint64_t *args, uint64_t *results) {
    (void)args;
    char here;
    results[0] = vex_stack_limit;
    results[1] = (uintptr_t)&here;
}

static void stack_limit_is_set_inside_invoke(void) {
    uint64_t results[2];
    CHECK_EQ(vex_invoke(limit_entry, NULL, results, NULL), 0);
    CHECK(results[0] != 0);
    CHECK(results[0] < results[1]);
    CHECK(results[1] - results[0] < (64u << 20)); /* within the thread's stack */
}

/* The tpoff the JIT writes into the gottpoff slot reaches every thread's own vex_stack_limit. */
static intptr_t main_tpoff;
static void *tpoff_thread(void *arg) {
    (void)arg;
    CHECK_EQ(vex_stack_limit_tpoff(), main_tpoff);
    vex_stack_limit = 12345;
    CHECK_EQ(*(uintptr_t *)(thread_pointer() + main_tpoff), 12345);
    uint64_t results[2];
    CHECK_EQ(vex_invoke(limit_entry, NULL, results, NULL), 0);
    CHECK_EQ(vex_stack_limit, 12345); /* restored afterwards */
    return NULL;
}

static void tpoff_reaches_each_threads_limit(void) {
    main_tpoff = vex_stack_limit_tpoff();
    CHECK((char *)&vex_stack_limit == thread_pointer() + main_tpoff);
    pthread_t t;
    CHECK_EQ(pthread_create(&t, NULL, tpoff_thread, NULL), 0);
    CHECK_EQ(pthread_join(t, NULL), 0);
    CHECK_EQ(vex_stack_limit, 0);
}

/* Traps on several threads at once stay on their own thread. */
static void *trapping_thread(void *arg) {
    uint64_t code = (uint64_t)(uintptr_t)arg;
    uint64_t args[2] = {code, 0}, results[2];
    vex_trap_info info;
    for (int i = 0; i < SCALED(20000); i++) {
        CHECK_EQ(vex_invoke(trap_entry, args, results, &info), code);
        CHECK_EQ(info.code, code);
        args[1] = (uint64_t)i;
        uint64_t add_args[2] = {code, (uint64_t)i};
        CHECK_EQ(vex_invoke(add_entry, add_args, results, NULL), 0);
        CHECK_EQ(results[0], code + (uint64_t)i);
    }
    return NULL;
}

static void threads_trap_independently(void) {
    pthread_t t[4];
    for (uintptr_t i = 0; i < 4; i++) CHECK_EQ(pthread_create(&t[i], NULL, trapping_thread, (void *)(i + 1)), 0);
    for (int i = 0; i < 4; i++) CHECK_EQ(pthread_join(t[i], NULL), 0);
}

int main(void) {
    RUN(returns_then_traps_in_order);
    RUN(many_traps_then_a_call);
    RUN(nested_invokes_unwind_to_the_innermost);
    RUN(deep_recursion_traps_with_stack_overflow);
    RUN(stack_limit_is_set_inside_invoke);
    RUN(tpoff_reaches_each_threads_limit);
    RUN(threads_trap_independently);
    return 0;
}
