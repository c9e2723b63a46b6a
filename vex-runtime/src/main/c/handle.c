/* handle.c: the handle table (see handle.h). */
#include "handle.h"

#include <pthread.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "worker.h"

handle_slot *handle_table;
_Atomic uint64_t handle_limit;

/* The global pool: a stack of free indexes and the high-water mark of fresh ones. */
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static uint32_t *pool;
static uint64_t pool_n, pool_cap;
static uint64_t fresh = 1; /* index 0 is never handed out */
static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void map_table(void) {
    void *p = mmap(NULL, HANDLE_CAPACITY * sizeof(handle_slot), PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) return; /* handle_new then fails: spawns and channels report 0 */
    handle_table = p;
}

void handle_init(void) { pthread_once(&init_once, map_table); }

/* Under pool_lock: one free index, or 0 when the table is full. */
static uint32_t pool_take_locked(void) {
    if (pool_n > 0) return pool[--pool_n];
    if (!handle_table || fresh >= HANDLE_CAPACITY) return 0;
    uint32_t idx = (uint32_t)fresh++;
    /* release: the table pointer is published with the limit (handle_slot_of's acquire). */
    atomic_store_explicit(&handle_limit, fresh, memory_order_release);
    return idx;
}

static void pool_put_locked(uint32_t idx) {
    if (pool_n == pool_cap) {
        uint64_t cap = pool_cap ? pool_cap * 2 : 1024;
        uint32_t *p = realloc(pool, cap * sizeof *p);
        if (!p) return; /* the slot is lost: the table only gets smaller */
        pool = p;
        pool_cap = cap;
    }
    pool[pool_n++] = idx;
}

static uint32_t take_index(void) {
    vex_worker *w = vex_current_worker;
    if (w && w->handles.n > 0) return w->handles.idx[--w->handles.n];
    pthread_mutex_lock(&pool_lock);
    uint32_t idx = pool_take_locked();
    if (w && idx) {
        /* Refill half the cache while we hold the lock. */
        while (w->handles.n < HANDLE_CACHE / 2) {
            uint32_t more = pool_take_locked();
            if (!more) break;
            w->handles.idx[w->handles.n++] = more;
        }
    }
    pthread_mutex_unlock(&pool_lock);
    return idx;
}

static void put_index(uint32_t idx) {
    vex_worker *w = vex_current_worker;
    if (w && w->handles.n < HANDLE_CACHE) {
        w->handles.idx[w->handles.n++] = idx;
        return;
    }
    pthread_mutex_lock(&pool_lock);
    pool_put_locked(idx);
    if (w) { /* full: half of it goes back too */
        while (w->handles.n > HANDLE_CACHE / 2) pool_put_locked(w->handles.idx[--w->handles.n]);
    }
    pthread_mutex_unlock(&pool_lock);
}

void handle_cache_flush(handle_cache *c) {
    pthread_mutex_lock(&pool_lock);
    while (c->n > 0) pool_put_locked(c->idx[--c->n]);
    pthread_mutex_unlock(&pool_lock);
}

int64_t handle_new(struct vex_runtime *rt, uint32_t kind, void *obj) {
    uint32_t idx = take_index();
    if (!idx) return 0;
    handle_slot *s = &handle_table[idx];
    atomic_store_explicit(&s->obj, obj, memory_order_relaxed);
    atomic_store_explicit(&s->rt, rt, memory_order_relaxed);
    /* The slot is free, so nobody else writes its word: its generation becomes odd. */
    uint64_t gen = (atomic_load_explicit(&s->word, memory_order_relaxed) & HW_GEN_MASK) +
                   (1ull << 32);
    /* release: publishes obj and rt to handle_slot_of's acquire load. */
    atomic_store_explicit(&s->word, gen | ((uint64_t)kind << HW_KIND_SHIFT), memory_order_release);
    return (int64_t)(gen | idx);
}

/* Frees a slot whose word was w (the caller's CAS moved it to the next even generation).
 * teardown: the runtime's reactor already closed and freed its sockets. */
static void release_slot(handle_slot *s, uint64_t w, uint32_t idx, bool teardown) {
    uint32_t kind = (uint32_t)((w & HW_KIND_MASK) >> HW_KIND_SHIFT);
    void *obj = atomic_load_explicit(&s->obj, memory_order_relaxed);
    put_index(idx);
    if (kind == HANDLE_TASK) task_release_handle(obj);
    else if (kind == HANDLE_SCOPE) scope_release_handle(obj);
    else if (kind == HANDLE_SOCK && !teardown) sock_release_handle(obj);
}

static uint64_t freed_word(uint64_t w) { return (w & HW_GEN_MASK) + (1ull << 32); }

static void *pin(int64_t h, uint32_t kind, uint64_t refused) {
    handle_slot *s = handle_slot_of(h, kind);
    if (!s) return NULL;
    uint64_t id = ((uint64_t)h & HW_GEN_MASK) | ((uint64_t)kind << HW_KIND_SHIFT);
    uint64_t w = atomic_load_explicit(&s->word, memory_order_relaxed);
    for (;;) {
        if ((w & HW_ID_MASK) != id || (w & refused) || (w & HW_PINS_MASK) == HW_PINS_MASK)
            return NULL;
        /* acquire: a pin orders our uses of the object after its publication. */
        if (atomic_compare_exchange_weak_explicit(&s->word, &w, w + 1, memory_order_acquire,
                                                  memory_order_relaxed))
            return atomic_load_explicit(&s->obj, memory_order_relaxed);
    }
}

void *handle_pin(int64_t h, uint32_t kind) { return pin(h, kind, 0); }

void *handle_pin_open(int64_t h, uint32_t kind) { return pin(h, kind, HW_CLAIMED); }

void *handle_claim(int64_t h, uint32_t kind) {
    handle_slot *s = handle_slot_of(h, kind);
    if (!s) return NULL;
    uint64_t id = ((uint64_t)h & HW_GEN_MASK) | ((uint64_t)kind << HW_KIND_SHIFT);
    uint64_t w = atomic_load_explicit(&s->word, memory_order_relaxed);
    for (;;) {
        if ((w & HW_ID_MASK) != id || (w & HW_CLAIMED) || (w & HW_PINS_MASK) == HW_PINS_MASK)
            return NULL;
        if (atomic_compare_exchange_weak_explicit(&s->word, &w, (w | HW_CLAIMED) + 1,
                                                  memory_order_acquire, memory_order_relaxed))
            return atomic_load_explicit(&s->obj, memory_order_relaxed);
    }
}

/* Unpins under way, in every runtime.  Dropping the last pin frees the slot first and releases
 * the task after, so a teardown that sees no pins left must also wait for this to reach zero
 * before it frees task memory (handle_unpins_settled).  seq_cst increment, release decrement:
 * partner of the acquire loads there. */
static _Atomic int64_t unpins_in_flight;

void handle_unpin(int64_t h) {
    uint32_t idx = (uint32_t)h;
    handle_slot *s = &handle_table[idx]; /* a pin is held: the handle was valid */
    uint64_t w = atomic_load_explicit(&s->word, memory_order_relaxed);
    /* Fast path: a pin of an unclaimed slot cannot be its last one that releases, so it needs
     * no place in the count below (every socket operation unpins; the count is one shared
     * line).  release: orders our uses of the object before whoever frees it. */
    if ((w & HW_GEN_MASK) == ((uint64_t)h & HW_GEN_MASK) && !(w & HW_CLAIMED) &&
        atomic_compare_exchange_strong_explicit(&s->word, &w, w - 1, memory_order_release,
                                                memory_order_relaxed))
        return;
    atomic_fetch_add_explicit(&unpins_in_flight, 1, memory_order_seq_cst);
    for (;;) {
        if ((w & HW_GEN_MASK) != ((uint64_t)h & HW_GEN_MASK)) break; /* invalidated by teardown */
        bool last = (w & HW_PINS_MASK) == 1 && (w & HW_CLAIMED);
        uint64_t n = last ? freed_word(w) : w - 1;
        /* acq_rel: release orders our uses of the object before whoever frees it; acquire (for
         * the last one) orders the other pinners' uses before our release of it. */
        if (atomic_compare_exchange_weak_explicit(&s->word, &w, n, memory_order_acq_rel,
                                                  memory_order_relaxed)) {
            if (last) release_slot(s, w, idx, false);
            break;
        }
    }
    atomic_fetch_sub_explicit(&unpins_in_flight, 1, memory_order_release);
}

bool handle_unpins_settled(void) {
    return atomic_load_explicit(&unpins_in_flight, memory_order_acquire) == 0;
}

void *handle_take(int64_t h, uint32_t kind) {
    handle_slot *s = handle_slot_of(h, kind);
    if (!s) return NULL;
    uint64_t id = ((uint64_t)h & HW_GEN_MASK) | ((uint64_t)kind << HW_KIND_SHIFT);
    uint64_t w = id; /* the expected word: live, unclaimed, no pins */
    void *obj = atomic_load_explicit(&s->obj, memory_order_relaxed);
    /* acq_rel: as for a claim followed by the last unpin. */
    if (!atomic_compare_exchange_strong_explicit(&s->word, &w, freed_word(w), memory_order_acq_rel,
                                                 memory_order_relaxed))
        return NULL;
    put_index((uint32_t)h);
    return obj;
}

bool handle_consume(int64_t h, uint32_t kind) {
    handle_slot *s = handle_slot_of(h, kind);
    if (!s) return false;
    uint64_t id = ((uint64_t)h & HW_GEN_MASK) | ((uint64_t)kind << HW_KIND_SHIFT);
    uint64_t w = atomic_load_explicit(&s->word, memory_order_relaxed);
    for (;;) {
        if ((w & HW_ID_MASK) != id || (w & HW_CLAIMED)) return false;
        /* Nobody pinned: free it at once.  Else mark it claimed: the last unpin frees it. */
        bool now = (w & HW_PINS_MASK) == 0;
        uint64_t n = now ? freed_word(w) : w | HW_CLAIMED;
        if (atomic_compare_exchange_weak_explicit(&s->word, &w, n, memory_order_acq_rel,
                                                  memory_order_relaxed)) {
            if (now) release_slot(s, w, (uint32_t)h, false);
            return true;
        }
    }
}

void handle_release_runtime(struct vex_runtime *rt) {
    uint64_t limit = atomic_load_explicit(&handle_limit, memory_order_acquire);
    for (uint64_t i = 1; i < limit; i++) {
        handle_slot *s = &handle_table[i];
        uint64_t w = atomic_load_explicit(&s->word, memory_order_acquire);
        while ((w & HW_KIND_MASK) && atomic_load_explicit(&s->rt, memory_order_relaxed) == rt) {
            if (atomic_compare_exchange_weak_explicit(&s->word, &w, freed_word(w),
                                                      memory_order_acq_rel, memory_order_acquire)) {
                release_slot(s, w, (uint32_t)i, true);
                break;
            }
        }
    }
}

int64_t handle_pins_of_runtime(struct vex_runtime *rt) {
    int64_t pins = 0;
    uint64_t limit = atomic_load_explicit(&handle_limit, memory_order_acquire);
    for (uint64_t i = 1; i < limit; i++) {
        handle_slot *s = &handle_table[i];
        uint64_t w = atomic_load_explicit(&s->word, memory_order_acquire);
        if ((w & HW_KIND_MASK) && atomic_load_explicit(&s->rt, memory_order_relaxed) == rt)
            pins += (int64_t)(w & HW_PINS_MASK);
    }
    return pins;
}
