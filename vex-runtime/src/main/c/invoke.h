/* invoke.h: the per-thread trap exit that vex_invoke installs and vex_trap takes. */
#ifndef VEX_INVOKE_H
#define VEX_INVOKE_H

#include <setjmp.h>
#include <stdint.h>

#include "vex_runtime.h"

/* One per active vex_invoke, on its C stack; they chain when generated code calls C that calls
 * vex_invoke again, so a trap always returns to the innermost one. */
typedef struct invoke_ctx {
    jmp_buf exit;
    struct invoke_ctx *outer;
    /* Written by vex_trap between setjmp and longjmp: volatile, so that vex_invoke's reads after
     * the longjmp are well defined (C11 7.13.2.1). */
    volatile uint32_t code; /* 0 until a trap */
    volatile uintptr_t pc;
} invoke_ctx;

/* Takes the trap exit with code, reporting pc as the trap site (vex_trap passes its return
 * address; a fault in generated code the faulting address + 1). */
_Noreturn void vex_trap_at(uint32_t code, uintptr_t pc);

/* The innermost active vex_invoke of the calling thread, or NULL. */
extern __thread invoke_ctx *vex_invoke_current __attribute__((tls_model("initial-exec")));

/* The stack limit generated prologues should check on the calling thread (its stack's low end
 * plus a margin), worked out once per thread. */
uintptr_t invoke_thread_stack_limit(void);

#endif
