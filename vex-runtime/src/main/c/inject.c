/* inject.c: the global injection queue (see inject.h). */
#include "inject.h"

#include "task.h"

void inject_init(vex_inject *q) {
    pthread_mutex_init(&q->lock, NULL);
    q->head = q->tail = NULL;
    atomic_init(&q->len, 0);
}

void inject_destroy(vex_inject *q) { pthread_mutex_destroy(&q->lock); }

void inject_push_batch(vex_inject *q, vex_task *first, vex_task *last, int64_t n) {
    last->next = NULL;
    pthread_mutex_lock(&q->lock);
    if (q->tail) q->tail->next = first;
    else q->head = first;
    q->tail = last;
    /* relaxed: a reader of len that sees the new value still takes the lock before touching the
     * list; the notification protocol (worker.c) has its own seq_cst fences. */
    atomic_store_explicit(&q->len, atomic_load_explicit(&q->len, memory_order_relaxed) + n,
                          memory_order_relaxed);
    pthread_mutex_unlock(&q->lock);
}

void inject_push(vex_inject *q, vex_task *t) { inject_push_batch(q, t, t, 1); }

vex_task *inject_pop_batch(vex_inject *q, int64_t max, int64_t *taken) {
    *taken = 0;
    if (atomic_load_explicit(&q->len, memory_order_relaxed) == 0) return NULL;
    pthread_mutex_lock(&q->lock);
    vex_task *first = q->head, *last = NULL;
    int64_t n = 0;
    for (vex_task *t = first; t && n < max; t = t->next) {
        last = t;
        n++;
    }
    if (n > 0) {
        q->head = last->next;
        if (!q->head) q->tail = NULL;
        last->next = NULL;
        atomic_store_explicit(&q->len, atomic_load_explicit(&q->len, memory_order_relaxed) - n,
                              memory_order_relaxed);
    }
    pthread_mutex_unlock(&q->lock);
    *taken = n;
    return n > 0 ? first : NULL;
}

int64_t inject_len(vex_inject *q) { return atomic_load_explicit(&q->len, memory_order_relaxed); }
