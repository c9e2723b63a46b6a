/* heap.c: %vex_alloc and %vex_free: zeroed heap memory for generated code. */
#include <stdlib.h>

#include "vex_runtime.h"

int64_t vex_alloc(int64_t size) {
    if (size < 0) return 0;
    return (int64_t)(uintptr_t)calloc(1, size == 0 ? 1 : (size_t)size);
}

void vex_free(int64_t ptr) { free((void *)(uintptr_t)ptr); }
