/* Registering generated code with a debugger through GDB's JIT interface (gdbjit.c). */
#ifndef VEX_GDBJIT_H
#define VEX_GDBJIT_H

#include <stdint.h>

#include "vex_runtime.h"

/* What the GDB manual ("JIT Compilation Interface") specifies, with its names. */
typedef enum { JIT_NOACTION = 0, JIT_REGISTER_FN, JIT_UNREGISTER_FN } jit_actions_t;

struct jit_code_entry {
    struct jit_code_entry *next_entry;
    struct jit_code_entry *prev_entry;
    const char *symfile_addr;
    uint64_t symfile_size;
};

struct jit_descriptor {
    uint32_t version;
    uint32_t action_flag; /* a jit_actions_t */
    struct jit_code_entry *relevant_entry;
    struct jit_code_entry *first_entry;
};

/* The debugger sets a breakpoint here and reads the descriptor when it is hit. */
VEX_API void __jit_debug_register_code(void);
VEX_API extern struct jit_descriptor __jit_debug_descriptor;

/* Copies the in-memory object file (an ELF whose symbols name the code) and announces it to an
 * attached debugger; returns the entry to pass to vex_gdbjit_unregister, or NULL if out of memory.
 * Thread-safe. */
VEX_API void *vex_gdbjit_register(const void *symfile, uint64_t size);

/* Withdraws and frees an entry vex_gdbjit_register returned (before its code is unmapped). */
VEX_API void vex_gdbjit_unregister(void *entry);

#endif
