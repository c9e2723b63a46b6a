/* test_fault.c: a SIGSEGV in registered ("generated") code becomes a heap_oob trap, in
 * vex_invoke and in a task; every other fault goes to the handler installed before, called as
 * the kernel would, or kills the process when that is SIG_DFL.
 *
 * The "generated code" is C in a section of its own, registered with vex_code_register, and
 * built without sanitizer instrumentation so that its wild loads reach the hardware. */
#include <setjmp.h>
#include <stdbool.h>
#include <signal.h>
#include <sys/wait.h>

#include "test_util.h"

#define GENERATED                                                                            \
    __attribute__((section("vex_test_code"), noinline, used, no_sanitize_address,            \
                   no_sanitize_thread, no_sanitize_undefined))

extern char __start_vex_test_code[], __stop_vex_test_code[];

/* Array entry: results[0] = *(uint64_t *)args[0]. */
GENERATED static void load_entry(const uint64_t *args, uint64_t *results) {
    results[0] = *(volatile uint64_t *)(uintptr_t)args[0];
}

/* async %load(i64 p) -> i64: one load through p. */
GENERATED static vex_poll load_resume(void *frame, vex_task *task) {
    (void)task;
    uint64_t v = *(volatile uint64_t *)(uintptr_t)((uint64_t *)frame)[1];
    return (vex_poll){VEX_READY, v};
}
static const vex_future_desc load_desc = {load_resume, 16, 8, 1, 1, "load"};

/* The same load outside the registered range. */
__attribute__((noinline, no_sanitize_address, no_sanitize_thread,
               no_sanitize_undefined)) static uint64_t plain_load(uintptr_t p) {
    return *(volatile uint64_t *)p;
}

static const uint64_t WILD[] = {16, 0xdead0000ull, 0x7ffffffff000ull, (uint64_t)-4096};

static bool in_code(uintptr_t pc) {
    return pc >= (uintptr_t)__start_vex_test_code && pc < (uintptr_t)__stop_vex_test_code;
}

static void register_code(void) {
    CHECK_EQ(vex_code_register((uint64_t)(uintptr_t)__start_vex_test_code,
                               (uint64_t)(__stop_vex_test_code - __start_vex_test_code)),
             0);
}

/* ---- The previous handlers, installed before the first registration ----------------------- */

static sigjmp_buf previous_exit;
static volatile sig_atomic_t previous_calls;
static void *volatile previous_addr;
static volatile sig_atomic_t plain_calls;

static void previous_segv(int sig, siginfo_t *info, void *uc) {
    (void)sig;
    (void)uc;
    previous_calls++;
    previous_addr = info->si_addr;
    siglongjmp(previous_exit, 1);
}

static void previous_bus(int sig) {
    (void)sig;
    plain_calls++;
}

static void install_previous_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = previous_segv;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    CHECK_EQ(sigaction(SIGSEGV, &sa, NULL), 0);
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = previous_bus;
    sigemptyset(&sa.sa_mask);
    CHECK_EQ(sigaction(SIGBUS, &sa, NULL), 0);
}

/* ---- Cases ------------------------------------------------------------------------------- */

static void a_wild_load_in_vex_invoke_traps(void) {
    uint64_t good = 1234567, r = 0;
    uint64_t a = (uint64_t)(uintptr_t)&good;
    CHECK_EQ(vex_invoke(load_entry, &a, &r, NULL), 0);
    CHECK_EQ(r, 1234567);
    for (int i = 0; i < SCALED(3000); i++) {
        uint64_t p = WILD[i % 4];
        vex_trap_info info = {0, 0};
        CHECK_EQ(vex_invoke(load_entry, &p, &r, &info), VEX_TRAP_HEAP_OOB);
        CHECK_EQ(info.code, VEX_TRAP_HEAP_OOB);
        CHECK(in_code(info.pc - 1));
    }
    CHECK_EQ(vex_invoke(load_entry, &a, &r, NULL), 0); /* and the thread goes on */
    CHECK_EQ(r, 1234567);
}

static void a_wild_load_in_a_task_fails_it(void) {
    vex_runtime *rt = vex_runtime_create(2);
    for (int i = 0; i < SCALED(500); i++) {
        uint64_t p = WILD[i % 4], r[2] = {0, 0};
        int64_t h = vex_spawn_on(rt, &load_desc, &p);
        CHECK_EQ(vex_handle_wait(h, r, 2), VEX_TASK_FAILED);
        CHECK_EQ(r[0], VEX_TRAP_HEAP_OOB);
        CHECK(in_code(r[1] - 1));
    }
    uint64_t good = 77, a = (uint64_t)(uintptr_t)&good, r = 0;
    CHECK_EQ(vex_block_on(rt, &load_desc, &a, &r), VEX_TASK_COMPLETED);
    CHECK_EQ(r, 77);
    expect_no_live_tasks(rt);
    CHECK_EQ(vex_runtime_destroy(rt), 0);
}

static void other_faults_reach_the_previous_handler(void) {
    for (volatile int i = 0; i < 100; i++) {
        volatile int before = previous_calls;
        if (sigsetjmp(previous_exit, 1) == 0) {
            plain_load(0xdead0000ull);
            CHECK(!"the load did not fault");
        }
        CHECK_EQ(previous_calls, before + 1);
        CHECK_EQ((uintptr_t)previous_addr, 0xdead0000ull);
    }
    /* A fault in registered code with no trap exit on the thread is not ours either. */
    volatile int before = previous_calls;
    if (sigsetjmp(previous_exit, 1) == 0) {
        uint64_t p = 16, r;
        load_entry(&p, &r);
        CHECK(!"the load did not fault");
    }
    CHECK_EQ(previous_calls, before + 1);
    /* A plain (no SA_SIGINFO) handler gets signals sent with kill(). */
    CHECK_EQ(raise(SIGBUS), 0);
    CHECK_EQ(plain_calls, 1);
}

/* A child process (this binary again, with an argument) installs nothing before registering:
 * the saved handler is SIG_DFL (or a sanitizer's), and a fault outside generated code must
 * still end the process, neither hang nor be swallowed. */
static void child_faults_outside_generated_code(void) {
    register_code();
    uint64_t p = 16, r;
    CHECK_EQ(vex_invoke(load_entry, &p, &r, NULL), VEX_TRAP_HEAP_OOB); /* ours: survived */
    plain_load(0xdead0000ull);
    _exit(0); /* survived a fault that is not ours: wrong */
}

static const char *self; /* argv[0]: under qemu-user /proc/self/exe is qemu itself */

static void with_no_previous_handler_a_fault_kills(void) {
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        if (!freopen("/dev/null", "w", stderr)) _exit(3); /* a sanitizer's report of the SEGV */
        execl(self, self, "child", (char *)NULL);
        _exit(2);
    }
    int status = 0;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 2) { /* qemu-user without binfmt_misc */
        printf("     (cannot re-execute %s here: case skipped)\n", self);
        return;
    }
    CHECK(!(WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 3)));
    if (WIFSIGNALED(status)) CHECK_EQ(WTERMSIG(status), SIGSEGV);
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "child") == 0) {
        child_faults_outside_generated_code();
        return 0;
    }
    self = argv[0];
    install_previous_handlers();
    register_code();
    RUN(a_wild_load_in_vex_invoke_traps);
    RUN(a_wild_load_in_a_task_fails_it);
    RUN(other_faults_reach_the_previous_handler);
    RUN(with_no_previous_handler_a_fault_kills);
    return 0;
}
