/* invoke.c: vex_invoke, the host's way into generated sync code, and the per-thread stack limit
 * that generated prologues check. */
#include <pthread.h>
#include <stdbool.h>

#include "invoke.h"

/* Initial-exec so that generated code reaches it as fs:[constant] with no call: the JIT writes
 * vex_stack_limit_tpoff() into the slot the gottpoff operand names, an AOT link resolves
 * R_X86_64_GOTTPOFF to the same thing. */
__thread uintptr_t vex_stack_limit __attribute__((tls_model("initial-exec")));

/* Initial-exec like vex_stack_limit (which already puts the library's TLS block in static TLS, so
 * this costs nothing more): a plain fs-relative access instead of a __tls_get_addr call per use,
 * three of them on every vex_invoke, and safe in fault.c's signal handler. */
__thread invoke_ctx *vex_invoke_current __attribute__((tls_model("initial-exec")));

_Static_assert(VEX_STACK_MARGIN >= 8 * VEX_STACK_RED_ZONE, "the stack margin must hold the leaf red zone");

static __thread vex_trap_info last_trap __attribute__((tls_model("initial-exec")));

/* The limit for this thread, worked out once: pthread_getattr_np is slow on the main thread
 * (it reads /proc/self/maps). */
static __thread uintptr_t thread_limit __attribute__((tls_model("initial-exec")));
static __thread bool thread_limit_known __attribute__((tls_model("initial-exec")));

static uintptr_t compute_thread_limit(void) {
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
    void *low = NULL;
    size_t size = 0, guard = 0;
    int rc = pthread_attr_getstack(&attr, &low, &size);
    if (rc == 0) pthread_attr_getguardsize(&attr, &guard);
    pthread_attr_destroy(&attr);
    if (rc != 0 || size == 0) return 0;
    /* The margin leaves room, below the deepest generated frame, for vex_trap and longjmp and for
     * the C functions generated code calls (they check nothing).  Some glibc versions count the
     * guard page in the reported stack, some do not: skipping it again costs one page at most.
     * The JVM's own guard zones sit at the low end of its threads' stacks, inside the margin. */
    size_t margin = VEX_STACK_MARGIN;
    if (size < 4 * margin) margin = size / 4;
    /* Never less than the leaf red zone and a trap exit's worth of stack below it. */
    if (margin < 2 * VEX_STACK_RED_ZONE) margin = 2 * VEX_STACK_RED_ZONE;
    return (uintptr_t)low + guard + margin;
}

uintptr_t invoke_thread_stack_limit(void) {
    if (!thread_limit_known) {
        thread_limit = compute_thread_limit();
        thread_limit_known = true;
    }
    return thread_limit;
}

int32_t vex_invoke(vex_array_entry entry, const uint64_t *args, uint64_t *results,
                   vex_trap_info *trap) {
    invoke_thread_stack_limit();
    /* Of ctx, only the volatile code and pc change between setjmp and longjmp; saved_limit and
     * the parameters do not change at all, so all are well defined after a longjmp. */
    invoke_ctx ctx;
    ctx.outer = vex_invoke_current;
    ctx.code = 0;
    ctx.pc = 0;
    uintptr_t saved_limit = vex_stack_limit;
    vex_stack_limit = thread_limit;
    vex_invoke_current = &ctx;
    if (setjmp(ctx.exit) == 0) entry(args, results);
    vex_invoke_current = ctx.outer;
    vex_stack_limit = saved_limit;
    if (ctx.code != 0) {
        last_trap.code = ctx.code;
        last_trap.pc = ctx.pc;
        if (trap != NULL) *trap = last_trap;
    }
    return (int32_t)ctx.code;
}

void vex_last_trap(vex_trap_info *out) { *out = last_trap; }

intptr_t vex_stack_limit_tpoff(void) {
    char *tp;
#if defined(__x86_64__)
    /* The TCB's first word points to itself (the x86-64 TLS ABI), so fs:0 is the thread pointer. */
    __asm__("mov %%fs:0, %0" : "=r"(tp));
#else
    tp = __builtin_thread_pointer();
#endif
    return (char *)&vex_stack_limit - tp;
}
