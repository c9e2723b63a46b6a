/* heap.c: %vex_alloc and %vex_free: zeroed heap memory for generated code.
 *
 * Every live block is recorded in a striped hash set, so vex_free can refuse what vex_alloc did
 * not hand out or already took back (0, a double free, an interior or foreign pointer) instead
 * of passing it to free(): that is undefined behaviour there.  The check costs a lock of one of
 * 64 stripes; these are not the runtime's hot paths. */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

#include "vex_runtime.h"

enum { STRIPES = 64 };

/* One stripe: open addressing with linear probing; 0 is empty, 1 a tombstone (neither is ever
 * a calloc result worth recording: both are below any mapping). */
typedef struct {
    pthread_mutex_t lock;
    uintptr_t *keys;
    size_t cap, used; /* used counts live keys and tombstones */
} stripe;

static stripe stripes[STRIPES] = {[0 ... STRIPES - 1] = {PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0}};

static size_t mix(uintptr_t p) {
    uint64_t x = (uint64_t)p >> 4;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return (size_t)x;
}

static stripe *stripe_of(uintptr_t p) { return &stripes[mix(p) % STRIPES]; }

/* Under the lock: inserts p into a table of cap entries (a power of two). */
static void put(uintptr_t *keys, size_t cap, uintptr_t p) {
    for (size_t i = mix(p) / STRIPES;; i++) {
        uintptr_t *k = &keys[i & (cap - 1)];
        if (*k <= 1) {
            *k = p;
            return;
        }
    }
}

/* Rehashes without tombstones, doubling only if more than half the entries are live. */
static bool grow(stripe *s) {
    size_t live = 0;
    for (size_t i = 0; i < s->cap; i++) live += s->keys[i] > 1;
    size_t cap = s->cap ? s->cap : 64;
    if ((live + 1) * 2 > cap) cap *= 2;
    uintptr_t *keys = calloc(cap, sizeof *keys);
    if (!keys) return false;
    for (size_t i = 0; i < s->cap; i++)
        if (s->keys[i] > 1) put(keys, cap, s->keys[i]);
    free(s->keys);
    s->keys = keys;
    s->cap = cap;
    s->used = live;
    return true;
}

int64_t vex_alloc(int64_t size) {
    if (size < 0) return 0;
    void *p = calloc(1, size == 0 ? 1 : (size_t)size);
    if (!p) return 0;
    uintptr_t key = (uintptr_t)p;
    stripe *s = stripe_of(key);
    pthread_mutex_lock(&s->lock);
    bool ok = (s->used + 1) * 4 < s->cap * 3 || grow(s);
    if (ok) {
        put(s->keys, s->cap, key);
        s->used++;
    }
    pthread_mutex_unlock(&s->lock);
    if (!ok) {
        free(p);
        return 0;
    }
    return (int64_t)key;
}

int32_t vex_free(int64_t ptr) {
    uintptr_t key = (uintptr_t)ptr;
    if (key <= 1) return VEX_ERR_BAD_HANDLE;
    stripe *s = stripe_of(key);
    bool found = false;
    pthread_mutex_lock(&s->lock);
    if (s->cap) {
        for (size_t i = mix(key) / STRIPES, n = 0; n < s->cap; i++, n++) {
            uintptr_t *k = &s->keys[i & (s->cap - 1)];
            if (*k == 0) break;
            if (*k == key) {
                *k = 1; /* a tombstone: keeps later keys of the probe chain reachable */
                found = true;
                break;
            }
        }
    }
    pthread_mutex_unlock(&s->lock);
    if (!found) return VEX_ERR_BAD_HANDLE;
    free((void *)key);
    return 0;
}
