/* test_deque.c: the Chase-Lev deque under stress.  The owner pushes and takes while thieves
 * steal; every item must be taken exactly once, over 10 million operations (fewer in the
 * sanitizer flavours; the stress flavour's 4-entry deque hits the full and last-item edges
 * constantly). */
#include <pthread.h>
#include <stdbool.h>

#include "deque.h"
#include "test_util.h"

typedef struct {
    vex_deque *d;
    _Atomic uint8_t *seen;
    atomic_bool done;
    _Atomic int64_t stolen;
} shared;

static void take_item(shared *s, vex_task *x) {
    uintptr_t i = (uintptr_t)x - 1;
    uint8_t before = atomic_fetch_add_explicit(&s->seen[i], 1, memory_order_relaxed);
    if (before != 0) {
        fprintf(stderr, "item %lu taken twice\n", (unsigned long)i);
        exit(1);
    }
}

static void *thief(void *arg) {
    shared *s = arg;
    int64_t n = 0;
    for (;;) {
        bool lost;
        vex_task *x = deque_steal(s->d, &lost);
        if (x) {
            take_item(s, x);
            n++;
        } else if (!lost && atomic_load_explicit(&s->done, memory_order_acquire)) {
            break;
        }
    }
    atomic_fetch_add(&s->stolen, n);
    return NULL;
}

static void run_stress(int thieves, int64_t items) {
    static vex_deque d;
    deque_init(&d);
    shared s = {.d = &d};
    s.seen = calloc((size_t)items, 1);
    atomic_init(&s.done, false);
    atomic_init(&s.stolen, 0);
    pthread_t th[8];
    for (int i = 0; i < thieves; i++) pthread_create(&th[i], NULL, thief, &s);
    uint64_t rng = 88172645463325252ull;
    int64_t next = 0, taken = 0, ops = 0;
    while (next < items) {
        rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
        int burst = (int)(rng % 7) + 1;
        for (int k = 0; k < burst && next < items; k++, ops++) {
            if (!deque_push(&d, (vex_task *)(uintptr_t)(next + 1))) break;
            next++;
        }
        int pops = (int)((rng >> 8) % 5);
        for (int k = 0; k < pops; k++, ops++) {
            vex_task *x = deque_take(&d);
            if (!x) break;
            take_item(&s, x);
            taken++;
        }
    }
    vex_task *x;
    while ((x = deque_take(&d))) {
        take_item(&s, x);
        taken++;
        ops++;
    }
    atomic_store_explicit(&s.done, true, memory_order_release);
    for (int i = 0; i < thieves; i++) pthread_join(th[i], NULL);
    int64_t stolen = atomic_load(&s.stolen);
    CHECK_EQ(taken + stolen, items);
    for (int64_t i = 0; i < items; i++) CHECK_EQ(s.seen[i], 1);
    printf("     %d thieves: %lld items, %lld owner ops, %lld stolen\n", thieves,
           (long long)items, (long long)ops, (long long)stolen);
    CHECK(ops + stolen >= items * 2);
    free(s.seen);
}

static void owner_and_one_thief(void) { run_stress(1, SCALED(5000000)); }
static void owner_and_three_thieves(void) { run_stress(3, SCALED(5000000)); }

static void push_fails_when_full_and_take_is_lifo(void) {
    static vex_deque d;
    deque_init(&d);
    for (int i = 0; i < VEX_DEQUE_CAP; i++) CHECK(deque_push(&d, (vex_task *)(uintptr_t)(i + 1)));
    CHECK(!deque_push(&d, (vex_task *)(uintptr_t)999));
    CHECK_EQ(deque_len(&d), VEX_DEQUE_CAP);
    bool lost;
    CHECK_EQ((uintptr_t)deque_steal(&d, &lost), 1); /* thieves take the oldest */
    CHECK_EQ((uintptr_t)deque_take(&d), VEX_DEQUE_CAP); /* the owner the newest */
    for (int i = VEX_DEQUE_CAP - 1; i >= 2; i--) CHECK_EQ((uintptr_t)deque_take(&d), i);
    CHECK(deque_take(&d) == NULL);
    CHECK(deque_steal(&d, &lost) == NULL);
    CHECK(!lost);
}

int main(void) {
    RUN(push_fails_when_full_and_take_is_lifo);
    RUN(owner_and_one_thief);
    RUN(owner_and_three_thieves);
    return 0;
}
