/* trap.c: vex_trap, the exit generated code takes when it traps. */
#include <stdio.h>
#include <stdlib.h>

#include "arch.h"
#include "invoke.h"

/* force_align_arg_pointer: a trap site may sit where the stack is not 16-byte aligned (the
 * stack check runs before the frame exists), and this function must not care. */
__attribute__((noinline)) VEX_REALIGN_STACK _Noreturn void vex_trap(uint32_t code) {
    vex_trap_at(code, (uintptr_t)__builtin_return_address(0));
}

_Noreturn void vex_trap_at(uint32_t code, uintptr_t pc) {
    invoke_ctx *ctx = vex_invoke_current;
    if (ctx == NULL || code == 0) {
        fprintf(stderr, "vex: trap %u at %p %s\n", code, (void *)pc,
                code == 0 ? "(0 is no trap code)" : "outside vex_invoke: no trap exit to take");
        abort();
    }
    ctx->code = code;
    ctx->pc = pc;
    longjmp(ctx->exit, 1);
}
