/*
 * vex_runtime.h: the ABI between Vex-generated code, hand-written C futures, Java (through JNA)
 * and the Vex runtime.  Everything here is a plain C type or function; nothing needs C-only
 * initialisation, so a descriptor can be built in Java memory.
 *
 * Async ABI (ARCHITECTURE.md, "The async function ABI"):
 *   vex_poll resume(void *frame, vex_task *task)   returns {status, value} in rax:rdx / x0:x1.
 *   Frame: offset 0 the state word (the awaiting caller zeroes it before the first poll),
 *   offset 8 + 8*i parameter i, then result slots 1..n-1, then the callee's private state.
 *   A frame never moves while its task lives and is never polled again after READY.
 *
 * Cancellation needs no drop glue from generated code: a task is always suspended in exactly
 * one leaf future (generated functions only return PENDING because a callee did), and that leaf
 * registers a cancel hook on the task (vex_task_set_cancel_hook) when it parks the task
 * somewhere.  Frames from vex_frame_alloc are tracked by the task and freed if it is cancelled.
 */
#ifndef VEX_RUNTIME_H
#define VEX_RUNTIME_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; only what this header declares is exported. */
#define VEX_API __attribute__((visibility("default")))

/* ---- Polling ---------------------------------------------------------------------------- */

typedef struct {
    uint64_t status; /* VEX_READY or VEX_PENDING */
    uint64_t value;  /* first result's bits (i64 pattern; floats as raw bits) */
} vex_poll;

#define VEX_READY 0u
#define VEX_PENDING 1u
/* Proposed for traps in async code: a resume function returns {VEX_FAILED, trap code}; an
 * awaiting caller returns it unchanged; the runtime ends the task as VEX_TASK_FAILED with the
 * code as its value (its heap frames are freed as for a cancellation). */
#define VEX_FAILED 2u

typedef struct vex_task vex_task;
typedef struct vex_runtime vex_runtime;

typedef vex_poll (*vex_resume_fn)(void *frame, vex_task *task);

/* Published by every awaitable.  Plain data: Java (the JIT) builds these in native memory. */
typedef struct vex_future_desc {
    vex_resume_fn resume;
    uint32_t frame_size;  /* bytes, including state word, parameter and result slots */
    uint32_t frame_align; /* 8 or 16 (anything up to 4096 works; >16 costs a separate path) */
    uint32_t nparams;
    uint32_t nresults;
    const char *name;     /* for diagnostics; may be NULL */
} vex_future_desc;

/* ---- Runtime ------------------------------------------------------------------------------ */

/* workers <= 0 means one per online CPU.  Returns NULL on failure (errno set). */
VEX_API vex_runtime *vex_runtime_create(int32_t workers);
/* Stops the workers, cancels every task still queued or parked in a timer, channel or socket,
 * waits for the threads blocked in vex_handle_wait on its tasks (they return CANCELLED), and
 * frees all task and channel memory: every handle of rt still held anywhere is stale afterwards
 * (VEX_ERR_BAD_HANDLE), never a dangling pointer.  No other call naming rt or its handles may
 * start once this one has.
 * A worker stops between two polls.  If one is still inside a poll after grace_ns (a task that
 * never suspends: there is no preemption), the runtime is abandoned instead: its memory and its
 * stuck worker threads are left as they are (freeing them would pull the task's frame from under
 * it), every thread blocked in vex_handle_wait on a task that has not completed gets
 * VEX_ERR_ABANDONED, and this returns VEX_ERR_BUSY.  Returns 0 when the runtime was freed. */
VEX_API int32_t vex_runtime_shutdown(vex_runtime *rt, int64_t grace_ns);
/* vex_runtime_shutdown with VEX_SHUTDOWN_GRACE_NS. */
VEX_API int32_t vex_runtime_destroy(vex_runtime *rt);
#define VEX_SHUTDOWN_GRACE_NS (5LL * 1000 * 1000 * 1000)
VEX_API int32_t vex_runtime_workers(const vex_runtime *rt);
/* Tasks spawned and not yet freed (a task is freed once it finished and its handle is gone). */
VEX_API int64_t vex_runtime_live_tasks(const vex_runtime *rt);
/* Makes rt the calling thread's current runtime for vex_spawn and vex_chan_new off a worker. */
VEX_API void vex_runtime_enter(vex_runtime *rt);

/* ---- Tasks and handles ---------------------------------------------------------------------
 * A task handle (and a channel) is an int64 naming a slot of the process-wide handle table: a
 * slot index and the slot's generation (handle.h), never a pointer.  A task handle holds one
 * reference and the join interest.  It is consumed by exactly one of: await vex_join /
 * vex_join_status (at its first poll), vex_detach, vex_handle_wait (a second one gets
 * VEX_ERR_BAD_HANDLE, also when both race).  vex_cancel does not consume it and may run while
 * vex_handle_wait waits; a task awaiting vex_join on it is the one to cancel then (cancelling a
 * joiner cancels the task it joins).
 *
 * Error convention: every entry point checks its handle.  0 (the failure value of vex_spawn and
 * vex_chan_new), a value never issued, a consumed handle, a handle of a destroyed runtime and a
 * handle of the wrong kind (a channel passed as a task) are all "bad": sync calls return
 * VEX_ERR_BAD_HANDLE and do nothing; async leaves fail the awaiting task (VEX_TASK_FAILED) with
 * value VEX_FAIL_BAD_HANDLE.  The check is a bounds check, a load and a compare; it cannot see
 * a handle released on another thread at the same moment as it is used (vex_chan_free racing an
 * operation on the same channel), which stays the caller's race.  Generation numbers are 32
 * bits: a handle kept while its slot is reused 2^31 times could match again. */

/* Join outcomes (vex_join_status's status, vex_handle_wait and vex_block_on). */
#define VEX_TASK_COMPLETED 0
#define VEX_TASK_CANCELLED 1
#define VEX_TASK_FAILED 2   /* a resume returned VEX_FAILED; value = trap code */
#define VEX_ERR_ON_WORKER (-1) /* a blocking call made on a worker thread */
#define VEX_ERR_NO_RUNTIME (-2)
#define VEX_ERR_BAD_HANDLE (-3) /* see the error convention above */
#define VEX_ERR_BUSY (-4)       /* vex_chan_free of a channel with parked operations; shutdown */
#define VEX_ERR_ABANDONED (-5)  /* vex_handle_wait: the runtime was abandoned (vex_runtime_shutdown) */

/* Values of a VEX_TASK_FAILED task that are runtime failures, not trap codes (trap codes are
 * below 512). */
#define VEX_FAIL_BAD_HANDLE 0x10001u

/* Spawns desc(args...) on the current worker, or on the current runtime's injection queue off a
 * worker.  args holds desc->nparams 64-bit slots (may be NULL when there are none).
 * Returns the handle, or 0 when there is no current runtime, it is shutting down, or memory or
 * the handle table ran out.  A spawn made while a task is polled makes that task the child's
 * parent: when the parent ends without returning (cancelled, or failed by a trap), every child
 * whose handle it still holds unconsumed (not joined, not detached, wherever the handle went)
 * is cancelled and its handle released; a child a join is waiting for is cancelled too. */
VEX_API int64_t vex_spawn(const vex_future_desc *desc, const uint64_t *args);
VEX_API int64_t vex_spawn_on(vex_runtime *rt, const vex_future_desc *desc, const uint64_t *args);
/* Requests cancellation: the task is freed at its next suspension (at once when idle), its join
 * reports VEX_TASK_CANCELLED.  No effect on a finished task.  Returns 0 or VEX_ERR_BAD_HANDLE. */
VEX_API int32_t vex_cancel(int64_t handle);
/* Blocks the calling (non-worker) thread until the task finishes; copies result 0 to results[0]
 * and results 1..nresults-1 from the frame's result slots (0 past the task's own results);
 * consumes the handle.  Returns the outcome, or VEX_ERR_ON_WORKER, VEX_ERR_BAD_HANDLE,
 * VEX_ERR_ABANDONED (see vex_runtime_shutdown).  A failed task
 * gives its trap code in results[0] and, if nresults > 1, in results[1] the trap site's return
 * address when a trap in generated code failed it (0 when a resume returned VEX_FAILED). */
VEX_API int32_t vex_handle_wait(int64_t handle, uint64_t *results, uint32_t nresults);
/* vex_spawn_on + vex_handle_wait.  results may be NULL when desc->nresults == 0. */
VEX_API int32_t vex_block_on(vex_runtime *rt, const vex_future_desc *desc, const uint64_t *args,
                     uint64_t *results);

/* For leaf futures written in C: while `task` is parked in a waiter list, timer or reactor, hook
 * undoes that registration if the task is cancelled (it runs on a worker, the task not running).
 * Clear it (fn = NULL) before returning READY.  The hook must tolerate a registration that a
 * waker already consumed. */
typedef void (*vex_cancel_hook)(void *frame, vex_task *task);
VEX_API void vex_task_set_cancel_hook(vex_task *task, vex_cancel_hook fn, void *frame);
/* Wakers: a task pointer plus a reference. */
VEX_API void vex_task_ref(vex_task *task);
VEX_API void vex_task_wake(vex_task *task);        /* consumes one reference */
VEX_API void vex_task_wake_by_ref(vex_task *task); /* keeps the caller's reference */
VEX_API void vex_task_unref(vex_task *task);

/* Heap frames for await_boxed.  align <= 4096.  The task frees them if it is cancelled. */
VEX_API void *vex_frame_alloc(vex_task *task, uint64_t size, uint64_t align);
VEX_API void vex_frame_free(vex_task *task, void *frame);

/* ---- Leaf async functions (resume symbols; descriptors vex_<name>_desc) ------------------
 * %vex_X resolves to the resume function vex_X and the descriptor vex_X_desc.  Frames follow
 * the common layout (state at 0, parameter i at 8 + 8*i, results 1..n-1 next); the leaf's
 * private state fills the rest of VEX_X_FRAME_SIZE.  So vex_chan_recv's received value is at
 * offset 16 and vex_join_status's value at offset 16; the status is vex_poll.value.
 * TCP: addresses are IPv4 in host order (0x7f000001 = 127.0.0.1); sockets are handles from
 * listen/accept/connect (handle-table handles: a bad, closed, stale or wrong-kind one is -EBADF,
 * for an async leaf also one of another runtime; a close wakes the tasks waiting on the socket
 * with -EBADF); buffers are plain pointers; failures are -errno. */

VEX_API vex_poll vex_yield(void *frame, vex_task *task);       /* %vex_yield() */
VEX_API vex_poll vex_sleep(void *frame, vex_task *task);       /* %vex_sleep(i64 ns) */
VEX_API vex_poll vex_join(void *frame, vex_task *task);        /* %vex_join(i64 h) -> i64 */
VEX_API vex_poll vex_join_status(void *frame, vex_task *task); /* %vex_join_status(i64 h) -> i64, i64 */
VEX_API vex_poll vex_chan_send(void *frame, vex_task *task);   /* %vex_chan_send(i64 ch, i64 v) -> i64 */
VEX_API vex_poll vex_chan_recv(void *frame, vex_task *task);   /* %vex_chan_recv(i64 ch) -> i64, i64 */
VEX_API vex_poll vex_tcp_listen(void *frame, vex_task *task);  /* (i64 ipv4, i64 port) -> i64 sock|-errno */
VEX_API vex_poll vex_tcp_accept(void *frame, vex_task *task);  /* (i64 listener) -> i64 sock|-errno */
VEX_API vex_poll vex_tcp_connect(void *frame, vex_task *task); /* (i64 ipv4, i64 port) -> i64 sock|-errno */
VEX_API vex_poll vex_tcp_read(void *frame, vex_task *task);    /* (i64 s, i64 buf, i64 len) -> i64 n|0 eof|-errno */
VEX_API vex_poll vex_tcp_write(void *frame, vex_task *task);   /* (i64 s, i64 buf, i64 len) -> i64 n|-errno */
VEX_API vex_poll vex_tcp_close(void *frame, vex_task *task);   /* (i64 s) -> i64 0|-errno */

VEX_API extern const vex_future_desc vex_yield_desc, vex_sleep_desc, vex_join_desc, vex_join_status_desc,
    vex_chan_send_desc, vex_chan_recv_desc, vex_tcp_listen_desc, vex_tcp_accept_desc,
    vex_tcp_connect_desc, vex_tcp_read_desc, vex_tcp_write_desc, vex_tcp_close_desc;

/* Frame sizes, fixed ABI constants for ahead-of-time compilation (each desc agrees; a test
 * checks).  Every leaf frame is 8-byte aligned. */
#define VEX_YIELD_FRAME_SIZE 8
#define VEX_SLEEP_FRAME_SIZE 80
#define VEX_JOIN_FRAME_SIZE 16
#define VEX_JOIN_STATUS_FRAME_SIZE 24
#define VEX_CHAN_SEND_FRAME_SIZE 64
#define VEX_CHAN_RECV_FRAME_SIZE 64
#define VEX_TCP_FRAME_SIZE 104 /* every vex_tcp_* leaf (with its timeout's timer node) */

/* ---- Sync builtins (ASYNC-IR.md) ------------------------------------------------------------ */

/* The int32_t results are 0 or a VEX_ERR_* code; generated code declares these builtins without
 * a result and ignores it. */
VEX_API int32_t vex_detach(int64_t handle);
/* 0 = rendezvous.  Returns 0 (no channel) for a negative capacity, one above
 * VEX_CHAN_MAX_CAPACITY, or a buffer that cannot be allocated. */
VEX_API int64_t vex_chan_new(int64_t capacity);
#define VEX_CHAN_MAX_CAPACITY ((int64_t)1 << 32)
VEX_API int32_t vex_chan_close(int64_t chan);
VEX_API int64_t vex_chan_new_on(vex_runtime *rt, int64_t capacity); /* C/Java: on rt, from any thread */
/* C/Java only: frees a channel nobody uses any more; VEX_ERR_BUSY (nothing freed) while an
 * operation is parked on it.  An operation in flight on another thread is the caller's race. */
VEX_API int32_t vex_chan_free(int64_t chan);
VEX_API int64_t vex_alloc(int64_t size);         /* zeroed, 16-byte aligned; 0 on failure */
/* Frees a block from vex_alloc.  Anything else (0, a block already freed, a pointer into a
 * block, memory from elsewhere) is refused with VEX_ERR_BAD_HANDLE and left alone: live blocks
 * are recorded, so a double free is caught even after the memory went back to malloc. */
VEX_API int32_t vex_free(int64_t ptr);
VEX_API int64_t vex_tcp_local_port(int64_t sock); /* bound port, or -errno */
VEX_API int64_t vex_tcp_shutdown(int64_t sock);   /* half-close: no more writes; 0 or -errno */


/* ---- Sync calls from the host, traps (trap.c, invoke.c) ------------------------------------
 * Generated sync code is called through its array entry,
 *   void entry(const uint64_t *args, uint64_t *results),
 * one canonical 64-bit slot per parameter and result (the type's bits, zero-extended; floats as
 * raw bits).  vex_invoke runs an entry with a trap exit installed: a trap in the generated code
 * (vex_trap) unwinds straight back to vex_invoke, which returns the trap code.  Generated frames
 * hold nothing that needs unwinding, so nothing else runs on the way out. */

/* Where the last trap came from: its code (TrapCode numbers: 1 stk_ovf, 2 heap_oob, 3 int_ovf,
 * 4 int_divz, 5 bad_toint, 6 unreachable, 256 + N userN) and the return address of the call to
 * vex_trap, which lies in the generated code just after the trapping site. */
typedef struct vex_trap_info {
    uint64_t code;
    uint64_t pc;
} vex_trap_info;

typedef void (*vex_array_entry)(const uint64_t *args, uint64_t *results);

/* Calls entry(args, results) on the calling thread.  Returns 0 when it returned, or the trap
 * code (never 0) when it trapped, with *trap filled in (trap may be NULL).  Sets this thread's
 * vex_stack_limit first (see below).  Nests: generated code may call C that calls vex_invoke. */
VEX_API int32_t vex_invoke(vex_array_entry entry, const uint64_t *args, uint64_t *results,
                           vex_trap_info *trap);

/* The last trap a vex_invoke on this thread returned (both fields 0 if none yet): for callers
 * that pass trap = NULL on the fast path and look only when vex_invoke returned non-zero. */
VEX_API void vex_last_trap(vex_trap_info *out);

/* The trap exit generated code calls (rel32, through a stub in the JIT): never returns.
 * Outside vex_invoke there is nowhere to go: it prints the trap and aborts. */
VEX_API _Noreturn void vex_trap(uint32_t code);

/* The lowest stack address generated code may use on this thread: prologues compare their new
 * stack pointer against it (initial-exec TLS, reached as fs:[tpoff]) and trap with stk_ovf
 * below it.  0 (no limit) until the thread's first vex_invoke, which sets it to the thread's
 * stack low end plus a margin that leaves room for the trap exit and for C callees. */
VEX_API extern __thread uintptr_t vex_stack_limit __attribute__((tls_model("initial-exec")));
#define VEX_STACK_MARGIN (64u * 1024u)

/* The red zone below vex_stack_limit: a generated leaf function (one that calls nothing) whose
 * return address, saved frame pointer and frame take at most this many bytes does not check the
 * limit, so code may reach this far below it before a checking frame traps.  The margin above
 * keeps room for it as well as for the trap exit and C callees.  The x64 JIT's copy is
 * FunctionEmitter.LEAF_RED_ZONE (AbiConstantsTest checks they agree). */
#define VEX_STACK_RED_ZONE 4096u

/* vex_stack_limit's offset from the thread pointer: the same for every thread (static TLS).  The
 * JIT stores it in the slot that generated code's gottpoff operand points at. */
VEX_API intptr_t vex_stack_limit_tpoff(void);

/* ---- Faults in generated code (fault.c) ----------------------------------------------------
 * The JIT registers the address range of each image it maps.  A SIGSEGV or SIGBUS whose
 * program counter lies in a registered range, on a thread inside vex_invoke or on a worker, is
 * turned into a trap: the access ends the call (vex_invoke returns VEX_TRAP_HEAP_OOB, the trap
 * pc being the faulting instruction's address + 1) or fails the task being polled, exactly as
 * a trap instruction would.  Every other fault goes to the handler that was installed before
 * the first registration (the JVM's, under Java), with its own flags and mask; SIG_DFL and
 * SIG_IGN mean the default action.  Faults inside C called from generated code (a libc
 * function given a bad pointer, a runtime builtin) are not in a registered range and stay
 * fatal; so is a fault in generated code on a thread with no trap exit.
 * The handlers are installed on the first registration (process-wide, for SIGSEGV and
 * SIGBUS).  Returns 0, or -1 when the range table (VEX_CODE_RANGES entries) is full or the
 * handlers could not be installed: the code then runs without the net. */
#define VEX_TRAP_HEAP_OOB 2u
#define VEX_CODE_RANGES 4096
VEX_API int32_t vex_code_register(uint64_t base, uint64_t size);
/* Forgets the range starting at base (call it before unmapping the code). */
VEX_API void vex_code_unregister(uint64_t base);

#ifdef __cplusplus
}
#endif
#endif
