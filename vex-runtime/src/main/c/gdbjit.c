/* GDB's JIT interface: a descriptor holding a doubly linked list of in-memory object files, and
 * a function the debugger breaks on. Each change of the list sets action_flag and
 * relevant_entry, then calls __jit_debug_register_code; GDB (attached or attaching later) reads
 * the list and loads each object's symbols. Without a debugger the call is an empty function. */
#include "gdbjit.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct jit_descriptor __jit_debug_descriptor = {1, JIT_NOACTION, NULL, NULL};

/* The list and the notification are serialised: GDB reads the descriptor at the breakpoint. */
static pthread_mutex_t gdbjit_lock = PTHREAD_MUTEX_INITIALIZER;

__attribute__((noinline, used)) void __jit_debug_register_code(void) {
    /* Not empty to the compiler: it must stay a real call the debugger can break on. */
    __asm__ volatile("" ::: "memory");
}

void *vex_gdbjit_register(const void *symfile, uint64_t size) {
    struct jit_code_entry *entry = malloc(sizeof *entry + size);
    if (entry == NULL) {
        return NULL;
    }
    char *copy = (char *)(entry + 1);
    memcpy(copy, symfile, size);
    entry->symfile_addr = copy;
    entry->symfile_size = size;
    entry->prev_entry = NULL;
    pthread_mutex_lock(&gdbjit_lock);
    entry->next_entry = __jit_debug_descriptor.first_entry;
    if (entry->next_entry != NULL) {
        entry->next_entry->prev_entry = entry;
    }
    __jit_debug_descriptor.first_entry = entry;
    __jit_debug_descriptor.relevant_entry = entry;
    __jit_debug_descriptor.action_flag = JIT_REGISTER_FN;
    __jit_debug_register_code();
    __jit_debug_descriptor.action_flag = JIT_NOACTION;
    pthread_mutex_unlock(&gdbjit_lock);
    return entry;
}

void vex_gdbjit_unregister(void *handle) {
    struct jit_code_entry *entry = handle;
    if (entry == NULL) {
        return;
    }
    pthread_mutex_lock(&gdbjit_lock);
    if (entry->prev_entry != NULL) {
        entry->prev_entry->next_entry = entry->next_entry;
    } else {
        __jit_debug_descriptor.first_entry = entry->next_entry;
    }
    if (entry->next_entry != NULL) {
        entry->next_entry->prev_entry = entry->prev_entry;
    }
    __jit_debug_descriptor.relevant_entry = entry;
    __jit_debug_descriptor.action_flag = JIT_UNREGISTER_FN;
    __jit_debug_register_code();
    __jit_debug_descriptor.action_flag = JIT_NOACTION;
    __jit_debug_descriptor.relevant_entry = NULL;
    pthread_mutex_unlock(&gdbjit_lock);
    free(entry);
}
