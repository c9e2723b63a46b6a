/* inject.h: the global injection queue: tasks submitted from outside the workers, and the
 * overflow of full deques.  A mutex-protected intrusive FIFO through task->next; its length is
 * also kept in an atomic so that workers can look for work without taking the lock. */
#ifndef VEX_INJECT_H
#define VEX_INJECT_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include "vex_runtime.h"

typedef struct {
    pthread_mutex_t lock;
    vex_task *head, *tail; /* guarded by lock */
    _Atomic int64_t len;   /* written under lock; read without it as a hint */
} vex_inject;

void inject_init(vex_inject *q);
void inject_destroy(vex_inject *q);
/* Appends the chain first..last (linked through ->next) of n tasks. */
void inject_push_batch(vex_inject *q, vex_task *first, vex_task *last, int64_t n);
void inject_push(vex_inject *q, vex_task *t);
/* Removes up to max tasks; returns the first, chained through ->next (NULL-terminated). */
vex_task *inject_pop_batch(vex_inject *q, int64_t max, int64_t *taken);
int64_t inject_len(vex_inject *q);

#endif
