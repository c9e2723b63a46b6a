/* test_util.h: checks, scaling and small hand-written async functions for the C tests.
 * Hand-written futures follow the generated code's ABI: a frame starting with the state word,
 * parameters at 8 + 8*i, callee frames embedded, polled with a switch on the state. */
#ifndef VEX_TEST_UTIL_H
#define VEX_TEST_UTIL_H

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "vex_runtime.h"

#ifndef VEX_TEST_SCALE
#define VEX_TEST_SCALE 1 /* sanitizer flavours divide iteration counts by this */
#endif
#define SCALED(n) ((n) / VEX_TEST_SCALE)

#define CHECK(c)                                                                             \
    do {                                                                                     \
        if (!(c)) {                                                                          \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c);            \
            exit(1);                                                                         \
        }                                                                                    \
    } while (0)

#define CHECK_EQ(a, b)                                                                       \
    do {                                                                                     \
        long long a_ = (long long)(a), b_ = (long long)(b);                                  \
        if (a_ != b_) {                                                                      \
            fprintf(stderr, "%s:%d: check failed: %s == %s (%lld != %lld)\n", __FILE__,      \
                    __LINE__, #a, #b, a_, b_);                                               \
            exit(1);                                                                         \
        }                                                                                    \
    } while (0)

#define PENDING ((vex_poll){VEX_PENDING, 0})
#define READY(v) ((vex_poll){VEX_READY, (uint64_t)(v)})

/* Polls an embedded callee frame; returns PENDING from the caller if it is pending, else
 * stores the value in out.  The caller sets its own state to the await's label first. */
#define AWAIT(fn, subframe, task, out)                                                       \
    do {                                                                                     \
        vex_poll p_ = fn((subframe), (task));                                                \
        if (p_.status == VEX_PENDING) return PENDING;                                        \
        (out) = p_.value;                                                                    \
    } while (0)

static inline int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Runs one named test case with a time limit, printing its duration. */
#define RUN(fn)                                                                              \
    do {                                                                                     \
        int64_t t0_ = now_ns();                                                              \
        alarm(120);                                                                          \
        fn();                                                                                \
        alarm(0);                                                                            \
        printf("ok   %-40s %8.1f ms\n", #fn, (now_ns() - t0_) / 1e6);                        \
        fflush(stdout);                                                                      \
    } while (0)

/* Waits until the runtime has no live task (tasks free themselves on worker threads after the
 * handle is gone, so a check right after a join may see a few still going). */
static inline void expect_no_live_tasks(vex_runtime *rt) {
    int64_t deadline = now_ns() + 5000000000LL;
    while (vex_runtime_live_tasks(rt) != 0 && now_ns() < deadline) usleep(1000);
    CHECK_EQ(vex_runtime_live_tasks(rt), 0);
}

#endif
