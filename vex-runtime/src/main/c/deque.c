/* deque.c: bounded Chase-Lev deque.  See deque.h for the model; each atomic below names the
 * operation it synchronises with, following the proof in Lê et al. (2013), Figure 1. */
#include "deque.h"

void deque_init(vex_deque *d) {
    atomic_init(&d->top, 0);
    atomic_init(&d->bottom, 0);
    for (int i = 0; i < VEX_DEQUE_CAP; i++) atomic_init(&d->slots[i], NULL);
}

bool deque_push(vex_deque *d, vex_task *t) {
    int64_t b = atomic_load_explicit(&d->bottom, memory_order_relaxed); /* only we write it */
    /* acquire: pairs with a thief's successful CAS on top, so the slot it read is free for us
     * to overwrite (its read happened before its CAS). */
    int64_t top = atomic_load_explicit(&d->top, memory_order_acquire);
    if (b - top >= VEX_DEQUE_CAP) return false;
    atomic_store_explicit(&d->slots[b & (VEX_DEQUE_CAP - 1)], t, memory_order_relaxed);
    /* release: the slot write above (and the task's contents) happen before any thief that
     * reads the new bottom (its acquire load in deque_steal).  Lê et al. write a release fence
     * and a relaxed store; a release store is equivalent here, and ThreadSanitizer sees it. */
    atomic_store_explicit(&d->bottom, b + 1, memory_order_release);
    return true;
}

vex_task *deque_take(vex_deque *d) {
    int64_t b = atomic_load_explicit(&d->bottom, memory_order_relaxed) - 1;
    atomic_store_explicit(&d->bottom, b, memory_order_relaxed);
    /* seq_cst fence: orders our bottom store before our top load against the thief's top load
     * and bottom load (its seq_cst fence in deque_steal).  Either the thief sees the reduced
     * bottom and backs off, or we see its incremented top; they cannot both take slot b. */
    atomic_thread_fence(memory_order_seq_cst);
    int64_t t = atomic_load_explicit(&d->top, memory_order_relaxed);
    vex_task *x = NULL;
    if (t <= b) {
        x = atomic_load_explicit(&d->slots[b & (VEX_DEQUE_CAP - 1)], memory_order_relaxed);
        if (t == b) {
            /* Last item: race the thieves for it with their own CAS on top. */
            if (!atomic_compare_exchange_strong_explicit(&d->top, &t, t + 1, memory_order_seq_cst,
                                                         memory_order_relaxed))
                x = NULL;
            atomic_store_explicit(&d->bottom, b + 1, memory_order_relaxed);
        }
    } else {
        atomic_store_explicit(&d->bottom, b + 1, memory_order_relaxed); /* was empty: restore */
    }
    return x;
}

vex_task *deque_steal(vex_deque *d, bool *lost_race) {
    *lost_race = false;
    /* acquire: pairs with the CAS of an earlier thief (or the owner's last-item CAS). */
    int64_t t = atomic_load_explicit(&d->top, memory_order_acquire);
    /* seq_cst fence: pairs with the owner's fence in deque_take (see there). */
    atomic_thread_fence(memory_order_seq_cst);
    /* acquire: pairs with the owner's release fence in deque_push, making slot t's write
     * visible. */
    int64_t b = atomic_load_explicit(&d->bottom, memory_order_acquire);
    if (t >= b) return NULL;
    vex_task *x = atomic_load_explicit(&d->slots[t & (VEX_DEQUE_CAP - 1)], memory_order_relaxed);
    /* seq_cst CAS: claims slot t; pairs with the owner's acquire load of top in deque_push
     * (the slot may be reused only after this) and its last-item CAS in deque_take. */
    if (!atomic_compare_exchange_strong_explicit(&d->top, &t, t + 1, memory_order_seq_cst,
                                                 memory_order_relaxed)) {
        *lost_race = true;
        return NULL;
    }
    return x;
}

int64_t deque_len(vex_deque *d) {
    int64_t b = atomic_load_explicit(&d->bottom, memory_order_relaxed);
    int64_t t = atomic_load_explicit(&d->top, memory_order_relaxed);
    return b > t ? b - t : 0;
}
