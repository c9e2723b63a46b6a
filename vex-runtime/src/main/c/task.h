/* task.h: the task header, its state word, and the transitions between states.
 *
 * One allocation per task: this 64-byte header, then the root future's frame at offset 64.
 *
 * The state word packs flags (low 16 bits) and a reference count (high bits), so that every
 * transition is one CAS and a flag change can move a reference with it (as Tokio's task state
 * does).  Who holds a reference:
 *   - the handle, while JOIN_INTEREST is set;
 *   - the run queue entry, while NOTIFIED is set; the worker polling the task takes it over
 *     (RUNNING) and either hands it to a new queue entry or drops it;
 *   - every waker stored somewhere (a timer, a channel or socket waiter, a join waiter).
 */
#ifndef VEX_TASK_H
#define VEX_TASK_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vex_runtime.h"

enum {
    TASK_RUNNING = 1u << 0,       /* a worker is inside resume */
    TASK_NOTIFIED = 1u << 1,      /* in (or on its way into) a run queue; that entry owns a ref */
    TASK_COMPLETE = 1u << 2,      /* finished; result and outcome are published */
    TASK_CANCELLED = 1u << 3,     /* cancellation requested */
    TASK_JOIN_INTEREST = 1u << 4, /* a handle exists; it owns a ref */
    TASK_JOIN_WAKER = 1u << 5,    /* task->joiner is set and owned by the completer */
    TASK_OUT_CANCELLED = 1u << 6, /* outcome bits, valid with COMPLETE */
    TASK_OUT_FAILED = 1u << 7,
};
#define TASK_REF_SHIFT 16
#define TASK_REF_ONE ((uint64_t)1 << TASK_REF_SHIFT)

/* A joiner that is a blocked OS thread, not a task, is a pointer to its futex word with the
 * low bit set. */
#define JOINER_THREAD_BIT ((uintptr_t)1)
/* A joiner that is a task scope's record of one child (scope.c), tagged with this bit. */
#define JOINER_SCOPE_BIT ((uintptr_t)2)
void scope_child_done(void *child);
/* A scope made while a task is polled belongs to that task: if the task ends without returning,
 * the scope is cancelled and its handle released (as for the tasks it spawned). */
void task_note_scope(int64_t scope);

struct vex_task {
    _Atomic uint64_t state;
    /* Intrusive link: injection queue, yield list, free list.  Owned by whoever holds the
     * NOTIFIED reference (or the free list). */
    vex_task *next;
    const vex_future_desc *desc;
    struct vex_runtime *rt;
    /* Written by the joiner before it sets JOIN_WAKER (release); read by the completer after it
     * sees JOIN_WAKER in the value its COMPLETE transition returned (acq_rel). */
    void *joiner;
    /* Before completion: the leaf's cancel hook frame.  After COMPLETE: result 0 (or trap code). */
    union {
        void *hook_frame;
        uint64_t result;
    } u;
    vex_cancel_hook hook;
    /* Frames from vex_frame_alloc, newest first (await_boxed nests, so frees are LIFO). */
    struct boxed_frame *boxed;
};

_Static_assert(sizeof(struct vex_task) <= 64, "task header must fit in 64 bytes");
#define TASK_HEADER_SIZE 64

static inline void *task_frame(vex_task *t) { return (char *)t + TASK_HEADER_SIZE; }

/* Allocates a task for desc on rt, with refs for the queue entry and the handle, NOTIFIED and
 * JOIN_INTEREST set; writes state 0 and the parameters. */
vex_task *task_new(struct vex_runtime *rt, const vex_future_desc *desc, const uint64_t *args);
/* Polls t once on the current worker (which owns t's NOTIFIED reference). */
void task_run(vex_task *t);
/* Ends the task the worker was polling when generated code trapped: VEX_TASK_FAILED with the
 * trap code as its value, like a resume that returned {VEX_FAILED, code}. */
void task_fail_trapped(vex_task *t, uint32_t code, uintptr_t pc);
/* Runs the cancellation path of a task whose run reference the caller owns and which is not
 * running: hook, boxed frames, completion as cancelled. */
void task_cancel_now(vex_task *t);
/* Marks t cancelled and queues it if idle (vex_cancel after the handle check). */
void task_request_cancel(vex_task *t);
void task_drop_ref(vex_task *t);

/* Joining (task.c; used by join.c).  join_register publishes joiner (a task holding a reference
 * taken for the completer, or a thread's futex word tagged with JOINER_THREAD_BIT) and returns
 * false if the task completed first.  join_unregister withdraws it, false if the completer
 * already owns it.  task_is_complete loads the state with acquire. */
bool join_register(vex_task *t, void *joiner);
bool join_unregister(vex_task *t);
bool task_is_complete(vex_task *t, uint64_t *state_out);
int join_outcome(uint64_t state);

#endif
