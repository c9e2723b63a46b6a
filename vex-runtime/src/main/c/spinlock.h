/* spinlock.h: a test-and-test-and-set lock for short critical sections (channels, timer heaps,
 * sockets).  Under contention it backs off to sched_yield so a preempted holder can finish. */
#ifndef VEX_SPINLOCK_H
#define VEX_SPINLOCK_H

#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>

static inline void vex_cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ volatile("yield");
#endif
}

typedef struct {
    atomic_bool held;
} vex_spinlock;

static inline void vex_spin_lock(vex_spinlock *l) {
    for (unsigned spins = 0;; spins++) {
        /* acquire: pairs with the release in vex_spin_unlock, so the previous holder's writes
         * to the protected data are visible. */
        if (!atomic_exchange_explicit(&l->held, true, memory_order_acquire)) return;
        while (atomic_load_explicit(&l->held, memory_order_relaxed)) {
            if (++spins > 64) sched_yield();
            else vex_cpu_relax();
        }
    }
}

static inline void vex_spin_unlock(vex_spinlock *l) {
    atomic_store_explicit(&l->held, false, memory_order_release);
}

#endif
