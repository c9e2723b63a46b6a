/* block.h: memory for tasks (header + frame) and heap frames, in 16-byte size classes.
 *
 * Blocks are carved from 64 KiB chunks, so a task costs exactly its header and frame rounded to
 * 16 bytes (no malloc header).  Each worker caches free blocks per class; a cache that grows past
 * CACHE_MAX hands half to the runtime's shared pool, and an empty cache refills from the pool
 * (a lock per CACHE_MAX/2 blocks), then from a new chunk.  Threads that are not this runtime's
 * workers use the pool directly.  Chunks go back to the system when the runtime is destroyed.
 * Sizes past the largest class, or alignments past 16, go to malloc. */
#ifndef VEX_BLOCK_H
#define VEX_BLOCK_H

#include <pthread.h>
#include <stdint.h>

#define BLOCK_CLASS_BYTES 16
#define BLOCK_CLASSES 48 /* blocks up to 768 bytes (64-byte header + 704-byte frame) */

typedef struct {
    void *head[BLOCK_CLASSES];
    uint32_t count[BLOCK_CLASSES];
} block_cache;

typedef struct {
    pthread_mutex_t lock;
    block_cache free;  /* guarded by lock */
    void *chunks;      /* guarded by lock; linked through their first word */
} block_pool;

struct vex_runtime;

void block_pool_init(block_pool *p);
/* Frees every chunk: all blocks must be dead. */
void block_pool_destroy(block_pool *p);
void *block_alloc(struct vex_runtime *rt, uint64_t size, uint64_t align);
void block_free(struct vex_runtime *rt, void *p, uint64_t size, uint64_t align);

#endif
