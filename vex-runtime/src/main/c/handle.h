/* handle.h: the process-wide handle table.  Task handles and channels are not pointers but
 * generation-tagged slot indexes, so that 0 and bogus, stale (consumed, or of a destroyed
 * runtime) or foreign (a channel passed as a task) handles are caught by a bounds check, one
 * load and one compare instead of being dereferenced.
 *
 * A handle is (generation << 32) | index.  A slot's word is
 *     generation (32 bits) | kind (3) | CLAIMED (1) | pins (28).
 * A live slot has an odd generation and a kind; freeing it makes the generation even, so a
 * handle never matches a slot again once it was released, and a handle is never below 2^32.
 *
 * Using a handle without consuming it (a channel operation) is a checked load: the caller must
 * not race the handle's release (vex_chan_free), which the ABI forbids.  Operations that must
 * be safe against a concurrent release pin the slot (vex_cancel): pins keep the object alive.
 * Consuming a handle (join, detach) claims it: exactly one claim succeeds; the claimer holds a
 * pin while it works and gives it back with handle_unpin.  Whoever drops the last pin of a
 * claimed slot frees the slot and releases the handle's hold on its object (handle_release_obj).
 *
 * The table is one reserved mapping (never moved or unmapped, pages touched on first use), so a
 * checked load never needs a lock.  Free slots are cached per worker and pooled globally. */
#ifndef VEX_HANDLE_H
#define VEX_HANDLE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct vex_runtime;

enum { HANDLE_FREE = 0, HANDLE_TASK = 1, HANDLE_CHAN = 2, HANDLE_SOCK = 3, HANDLE_SCOPE = 4 };

#define HANDLE_INDEX_BITS 24
#define HANDLE_CAPACITY ((uint64_t)1 << HANDLE_INDEX_BITS) /* live handles at once, process-wide */
#define HW_GEN_MASK 0xffffffff00000000ull
#define HW_KIND_SHIFT 29
#define HW_KIND_MASK (7ull << HW_KIND_SHIFT)
#define HW_CLAIMED (1ull << 28)
#define HW_PINS_MASK ((1ull << 28) - 1)
#define HW_ID_MASK (HW_GEN_MASK | HW_KIND_MASK)

typedef struct handle_slot {
    _Atomic uint64_t word;
    _Atomic(void *) obj;                 /* written before word publishes it (release) */
    _Atomic(struct vex_runtime *) rt;
} handle_slot;

/* Per-worker cache of free slot indexes (owner only). */
#define HANDLE_CACHE 256
typedef struct {
    uint32_t n;
    uint32_t idx[HANDLE_CACHE];
} handle_cache;

extern handle_slot *handle_table;
extern _Atomic uint64_t handle_limit; /* indexes below it were handed out; 0 before init */

/* Maps the table; idempotent (vex_runtime_create calls it). */
void handle_init(void);

/* A new live handle for obj of kind on rt, or 0 when the table is full. */
int64_t handle_new(struct vex_runtime *rt, uint32_t kind, void *obj);

/* The slot of a live handle of that kind, or NULL.  A load and a compare. */
static inline handle_slot *handle_slot_of(int64_t h, uint32_t kind) {
    uint64_t idx = (uint32_t)h;
    /* acquire: pairs with handle_init's release store, so the table pointer is visible. */
    if (idx >= atomic_load_explicit(&handle_limit, memory_order_acquire)) return NULL;
    handle_slot *s = &handle_table[idx];
    /* acquire: pairs with handle_new's release store of word, so obj and rt are visible. */
    uint64_t w = atomic_load_explicit(&s->word, memory_order_acquire);
    if ((w & HW_ID_MASK) != (((uint64_t)h & HW_GEN_MASK) | ((uint64_t)kind << HW_KIND_SHIFT)))
        return NULL;
    return s;
}

/* The object of a live handle, or NULL (no pin: see the top of the file). */
static inline void *handle_peek(int64_t h, uint32_t kind) {
    handle_slot *s = handle_slot_of(h, kind);
    return s ? atomic_load_explicit(&s->obj, memory_order_relaxed) : NULL;
}

/* Pins a live handle (claimed or not); returns its object or NULL.  Undo with handle_unpin. */
void *handle_pin(int64_t h, uint32_t kind);
/* Pins a live handle that nobody consumed yet (a socket being closed refuses new users);
 * returns its object or NULL.  Undo with handle_unpin. */
void *handle_pin_open(int64_t h, uint32_t kind);
/* Claims a live, unclaimed handle with a pin; returns its object or NULL (bad, or already
 * claimed by a join or detach).  Undo with handle_unpin. */
void *handle_claim(int64_t h, uint32_t kind);
/* Drops a pin; the last pin of a claimed slot frees the slot and releases the object. */
void handle_unpin(int64_t h);

/* Whether no handle_unpin is under way in any runtime (teardown waits for it before freeing). */
bool handle_unpins_settled(void);
/* Consumes a live handle nobody has pinned or claimed, in one CAS, without releasing its
 * object: the caller owns the handle's hold on it from now on.  NULL if the handle is bad, or
 * pinned (then claim it instead) or claimed. */
void *handle_take(int64_t h, uint32_t kind);
/* Claims and unpins at once: the handle is consumed.  Returns false for a bad handle. */
bool handle_consume(int64_t h, uint32_t kind);

/* Teardown of rt (single-threaded with respect to rt's handles): frees every slot of rt still
 * live, releasing the objects; stale handles of rt then fail the check. */
void handle_release_runtime(struct vex_runtime *rt);
/* Pins held on rt's live slots (teardown waits for them to go). */
int64_t handle_pins_of_runtime(struct vex_runtime *rt);
/* Returns a worker's cached free slots to the global pool (the worker is exiting). */
void handle_cache_flush(handle_cache *c);

/* Releases the hold a consumed or invalidated handle had on obj (handle.c calls these).  A
 * socket's release closes it (sock.c); at teardown the reactor has closed them already. */
void task_release_handle(void *task);
void scope_release_handle(void *scope);
void sock_release_handle(void *io);

#endif
