/*
 * Test-only driver for code compiled by X64Target: maps the code, links its relocations
 * (vex_trap, vex_stack_limit, fma, fmaf, the libcalls' C symbols), and calls array-call entries, one line of output per
 * call:  "R <hex> <hex> ..." (results), "T <trap number>", or "S <signal>".
 *
 * Input (file named by argv[1], little-endian):
 *   u32 codeSize, code bytes
 *   u32 nrel, each: u32 offset, u32 kind (0 = pc-relative to a symbol, 1 = TLS initial-exec, 2 = 64-bit absolute),
 *                   i64 addend, u32 nameLen, name bytes
 *   u32 ncalls, each: u32 entryOffset, u32 nargs, u64 args[nargs], u32 nresults
 */
#define _GNU_SOURCE
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>

__thread uint64_t vex_stack_limit;
static sigjmp_buf recover;

void vex_trap(uint32_t code) {
    siglongjmp(recover, (int)(0x10000 | code));
}

static void on_signal(int sig) {
    siglongjmp(recover, 0x20000 | sig);
}

static unsigned char *in;
static size_t in_len, in_pos;

static uint32_t u32(void) {
    uint32_t v;
    memcpy(&v, in + in_pos, 4);
    in_pos += 4;
    return v;
}

static uint64_t u64(void) {
    uint64_t v;
    memcpy(&v, in + in_pos, 8);
    in_pos += 8;
    return v;
}

/* An outside function returning a narrow integer with its upper register bits dirty. */
__attribute__((noinline)) uint32_t vex_test_dirty_i8(uint32_t x) {
    uint32_t r;
    __asm__("lea -1(%1), %0\n\tor $0xabcd0000, %0" : "=r"(r) : "r"(x));
    return r;
}

static void *symbol(const char *name) {
    if (!strcmp(name, "vex_test_dirty_i8")) return (void *)vex_test_dirty_i8;
    if (!strcmp(name, "vex_trap")) return (void *)vex_trap;
    if (!strcmp(name, "fma")) return (void *)(double (*)(double, double, double))fma;
    if (!strcmp(name, "fmaf")) return (void *)(float (*)(float, float, float))fmaf;
    /* the C symbols of Cranelift's named libcalls (dev.vex.ir.Libcall) */
    if (!strcmp(name, "ceilf")) return (void *)(float (*)(float))ceilf;
    if (!strcmp(name, "ceil")) return (void *)(double (*)(double))ceil;
    if (!strcmp(name, "floorf")) return (void *)(float (*)(float))floorf;
    if (!strcmp(name, "floor")) return (void *)(double (*)(double))floor;
    if (!strcmp(name, "truncf")) return (void *)(float (*)(float))truncf;
    if (!strcmp(name, "trunc")) return (void *)(double (*)(double))trunc;
    if (!strcmp(name, "nearbyintf")) return (void *)(float (*)(float))nearbyintf;
    if (!strcmp(name, "nearbyint")) return (void *)(double (*)(double))nearbyint;
    if (!strcmp(name, "memcpy")) return (void *)memcpy;
    if (!strcmp(name, "memset")) return (void *)memset;
    if (!strcmp(name, "memmove")) return (void *)memmove;
    if (!strcmp(name, "memcmp")) return (void *)memcmp;
    fprintf(stderr, "unknown symbol %s\n", name);
    exit(3);
}

int main(int argc, char **argv) {
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror("input"); return 2; }
    fseek(f, 0, SEEK_END);
    in_len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    in = malloc(in_len);
    if (fread(in, 1, in_len, f) != in_len) { perror("read"); return 2; }
    fclose(f);

    uint32_t size = u32();
    size_t stubs = (size + 15) & ~(size_t)15;
    size_t total = stubs + 64 * 16 + 16;
    unsigned char *mem = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memcpy(mem, in + in_pos, size);
    in_pos += size;
    uint64_t tp;
    __asm__("mov %%fs:0, %0" : "=r"(tp));
    unsigned char *got = mem + stubs + 64 * 16;
    int64_t tpoff = (int64_t)((uint64_t)(uintptr_t)&vex_stack_limit - tp);
    memcpy(got, &tpoff, 8);
    int nstubs = 0;
    char names[64][32];
    uint32_t nrel = u32();
    for (uint32_t r = 0; r < nrel; r++) {
        uint32_t off = u32();
        uint32_t kind = u32();
        int64_t addend = (int64_t)u64();
        uint32_t len = u32();
        char name[32] = {0};
        memcpy(name, in + in_pos, len < 31 ? len : 31);
        in_pos += len;
        uint64_t target;
        if (kind == 2) { /* ABS64: func_addr of an outside function */
            uint64_t abs = (uint64_t)(uintptr_t)symbol(name) + (uint64_t)addend;
            memcpy(mem + off, &abs, 8);
            continue;
        }
        if (kind == 1) {
            target = (uint64_t)(uintptr_t)got;
        } else {
            int s;
            for (s = 0; s < nstubs && strcmp(names[s], name); s++) {}
            if (s == nstubs) {
                strcpy(names[nstubs++], name);
                unsigned char *stub = mem + stubs + 16 * s;
                uint64_t addr = (uint64_t)(uintptr_t)symbol(name);
                stub[0] = 0xff; stub[1] = 0x25; memset(stub + 2, 0, 4);
                memcpy(stub + 6, &addr, 8);
            }
            target = (uint64_t)(uintptr_t)(mem + stubs + 16 * s);
        }
        int64_t value = (int64_t)(target + addend - (uint64_t)(uintptr_t)(mem + off));
        int32_t v32 = (int32_t)value;
        memcpy(mem + off, &v32, 4);
    }
    mprotect(mem, total, PROT_READ | PROT_EXEC);

    static char altstack[1 << 16];
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack};
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_ONSTACK | SA_NODEFER;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGTRAP, &sa, NULL);

    struct rlimit rl;
    uint64_t here = (uint64_t)(uintptr_t)&rl;
    uint64_t room = 6u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < (8u << 20)) {
        room = rl.rlim_cur - (1u << 20);
    }
    vex_stack_limit = here - room;

    uint32_t ncalls = u32();
    uint64_t args[256], results[256];
    for (uint32_t c = 0; c < ncalls; c++) {
        uint32_t entry = u32();
        uint32_t nargs = u32();
        for (uint32_t i = 0; i < nargs; i++) args[i] = u64();
        uint32_t nres = u32();
        memset(results, 0, sizeof results);
        int why = sigsetjmp(recover, 1);
        if (why == 0) {
            ((void (*)(const uint64_t *, uint64_t *))(mem + entry))(args, results);
            printf("R");
            for (uint32_t i = 0; i < nres; i++) printf(" %llx", (unsigned long long)results[i]);
            printf("\n");
        } else if (why & 0x10000) {
            printf("T %d\n", why & 0xffff);
        } else {
            printf("S %d\n", why & 0xffff);
        }
    }
    fflush(stdout);
    return 0;
}
