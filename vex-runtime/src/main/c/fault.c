/* fault.c: SIGSEGV and SIGBUS in generated code become heap_oob traps (vex_runtime.h, "Faults
 * in generated code").
 *
 * The handler never unwinds from signal context.  It rewrites the interrupted context so that,
 * when it returns, the thread resumes in fault_exit(code, pc) on the same stack, below the
 * faulting frame, as if the faulting instruction had called the trap exit; fault_exit then takes
 * the thread's trap exit as vex_trap does.  So the kernel restores the signal mask, and the
 * signal-handler rules (async-signal safety) apply only to the few loads the handler makes.
 *
 * Every other fault is passed on to the handler that was installed before ours, called as the
 * kernel would (siginfo or not, its mask, SA_NODEFER, SA_RESETHAND). */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>
#include <ucontext.h>

#include "invoke.h"

typedef struct {
    _Atomic uintptr_t base, end; /* end == 0: unused */
} code_range;

static code_range ranges[VEX_CODE_RANGES];
static _Atomic int32_t ranges_used; /* entries at or above it were never used */
static pthread_mutex_t ranges_lock = PTHREAD_MUTEX_INITIALIZER;

static struct sigaction previous_segv, previous_bus;
static pthread_once_t install_once = PTHREAD_ONCE_INIT;
static bool installed;

/* Async-signal-safe: atomic loads only. */
static bool in_generated_code(uintptr_t pc) {
    int32_t n = atomic_load_explicit(&ranges_used, memory_order_acquire);
    for (int32_t i = 0; i < n; i++) {
        /* acquire: pairs with the release store of end in vex_code_register. */
        uintptr_t end = atomic_load_explicit(&ranges[i].end, memory_order_acquire);
        if (end == 0) continue;
        uintptr_t base = atomic_load_explicit(&ranges[i].base, memory_order_relaxed);
        if (pc >= base && pc < end) return true;
    }
    return false;
}

/* Where the handler sends a faulting thread: a trap at pc + 1 (trap pcs are return addresses,
 * and pc - 1 must lie in the faulting function). */
__attribute__((noinline)) _Noreturn static void fault_exit(uint32_t code,
                                                          uintptr_t pc) {
    vex_trap_at(code, pc + 1);
}

/* Calls a previous handler as the kernel would have. */
static void chain(int sig, siginfo_t *info, void *context) {
    struct sigaction *prev = sig == SIGBUS ? &previous_bus : &previous_segv;
    bool with_info = (prev->sa_flags & SA_SIGINFO) != 0;
    void (*handler)(int) = prev->sa_handler;
    if ((with_info && prev->sa_sigaction) ||
        (!with_info && handler != SIG_DFL && handler != SIG_IGN)) {
        sigset_t mask = prev->sa_mask, saved;
        if (!(prev->sa_flags & SA_NODEFER)) sigaddset(&mask, sig);
        pthread_sigmask(SIG_SETMASK, &mask, &saved);
        if (with_info) prev->sa_sigaction(sig, info, context);
        else handler(sig);
        pthread_sigmask(SIG_SETMASK, &saved, NULL);
        if (prev->sa_flags & SA_RESETHAND) {
            prev->sa_flags &= ~SA_SIGINFO;
            prev->sa_handler = SIG_DFL;
        }
        return;
    }
    /* SIG_DFL, or SIG_IGN (which the kernel does not honour for a fault): the default action.
     * A fault happens again when we return, now fatal; a signal sent by kill() is re-raised. */
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    if (info->si_code <= 0) raise(sig);
}

static void on_fault(int sig, siginfo_t *info, void *context) {
    ucontext_t *uc = context;
#if defined(__x86_64__)
    uintptr_t pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
    uintptr_t pc = (uintptr_t)uc->uc_mcontext.pc;
#else
#error "fault.c: no program counter access for this architecture"
#endif
    if (info->si_code <= 0 || vex_invoke_current == NULL || !in_generated_code(pc)) {
        chain(sig, info, context);
        return;
    }
    /* Resume in fault_exit below the faulting frame, past any red zone, 16-byte aligned as at a
     * function's entry. */
#if defined(__x86_64__)
    uintptr_t sp = ((uintptr_t)uc->uc_mcontext.gregs[REG_RSP] - 256) & ~(uintptr_t)15;
    sp -= 8;
    *(uintptr_t *)sp = pc; /* a return address, for debuggers */
    uc->uc_mcontext.gregs[REG_RSP] = (greg_t)sp;
    uc->uc_mcontext.gregs[REG_RIP] = (greg_t)(uintptr_t)fault_exit;
    uc->uc_mcontext.gregs[REG_RDI] = VEX_TRAP_HEAP_OOB;
    uc->uc_mcontext.gregs[REG_RSI] = (greg_t)pc;
#elif defined(__aarch64__)
    uintptr_t sp = ((uintptr_t)uc->uc_mcontext.sp - 256) & ~(uintptr_t)15;
    uc->uc_mcontext.sp = sp;
    uc->uc_mcontext.regs[30] = pc; /* the link register, for debuggers */
    uc->uc_mcontext.pc = (uintptr_t)fault_exit;
    uc->uc_mcontext.regs[0] = VEX_TRAP_HEAP_OOB;
    uc->uc_mcontext.regs[1] = pc;
#endif
}

static void install(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    installed = sigaction(SIGSEGV, &sa, &previous_segv) == 0 &&
                sigaction(SIGBUS, &sa, &previous_bus) == 0;
}

int32_t vex_code_register(uint64_t base, uint64_t size) {
    if (size == 0 || base + size < base) return -1;
    pthread_once(&install_once, install);
    if (!installed) return -1;
    pthread_mutex_lock(&ranges_lock);
    int32_t used = atomic_load_explicit(&ranges_used, memory_order_relaxed);
    int32_t i = 0;
    while (i < used && atomic_load_explicit(&ranges[i].end, memory_order_relaxed) != 0) i++;
    int32_t rc = -1;
    if (i < VEX_CODE_RANGES) {
        atomic_store_explicit(&ranges[i].base, (uintptr_t)base, memory_order_relaxed);
        /* release: base before end, so a reader that sees end sees base. */
        atomic_store_explicit(&ranges[i].end, (uintptr_t)(base + size), memory_order_release);
        if (i == used) atomic_store_explicit(&ranges_used, used + 1, memory_order_release);
        rc = 0;
    }
    pthread_mutex_unlock(&ranges_lock);
    return rc;
}

void vex_code_unregister(uint64_t base) {
    pthread_mutex_lock(&ranges_lock);
    int32_t used = atomic_load_explicit(&ranges_used, memory_order_relaxed);
    for (int32_t i = 0; i < used; i++) {
        if (atomic_load_explicit(&ranges[i].end, memory_order_relaxed) != 0 &&
            atomic_load_explicit(&ranges[i].base, memory_order_relaxed) == (uintptr_t)base) {
            atomic_store_explicit(&ranges[i].end, 0, memory_order_release);
            break;
        }
    }
    pthread_mutex_unlock(&ranges_lock);
}
