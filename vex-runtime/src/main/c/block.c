/* block.c: size-class block allocation (see block.h). */
#include "block.h"

#include <stdlib.h>

#include "worker.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

enum {
    CHUNK_BYTES = 64 * 1024,
    CHUNK_HEAD = 16, /* the chunk list link, keeping blocks 16-byte aligned */
    CACHE_MAX = 1024,
};

static size_t class_bytes(int c) { return (size_t)(c + 1) * BLOCK_CLASS_BYTES; }

/* A free block holds the next link in its first word; the rest is poisoned under ASan. */
static void push(block_cache *k, int c, void *b) {
    *(void **)b = k->head[c];
    k->head[c] = b;
    k->count[c]++;
    POISON((char *)b + sizeof(void *), class_bytes(c) - sizeof(void *));
}

static void *pop(block_cache *k, int c) {
    void *b = k->head[c];
    if (!b) return NULL;
    k->head[c] = *(void **)b;
    k->count[c]--;
    UNPOISON(b, class_bytes(c));
    return b;
}

void block_pool_init(block_pool *p) {
    pthread_mutex_init(&p->lock, NULL);
    for (int c = 0; c < BLOCK_CLASSES; c++) {
        p->free.head[c] = NULL;
        p->free.count[c] = 0;
    }
    p->chunks = NULL;
}

void block_pool_destroy(block_pool *p) {
    while (p->chunks) {
        void *next = *(void **)p->chunks;
        UNPOISON(p->chunks, CHUNK_BYTES);
        free(p->chunks);
        p->chunks = next;
    }
    pthread_mutex_destroy(&p->lock);
}

/* Under p->lock: carves a new chunk into class c blocks onto the pool's free list. */
static int grow(block_pool *p, int c) {
    char *chunk = malloc(CHUNK_BYTES);
    if (!chunk) return 0;
    *(void **)chunk = p->chunks;
    p->chunks = chunk;
    size_t size = class_bytes(c);
    for (char *b = chunk + CHUNK_HEAD; b + size <= chunk + CHUNK_BYTES; b += size)
        push(&p->free, c, b);
    return 1;
}

/* Moves up to n blocks of class c from one cache to another. */
static void move(block_cache *from, block_cache *to, int c, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        void *b = pop(from, c);
        if (!b) return;
        push(to, c, b);
    }
}

static int class_of(uint64_t size, uint64_t align) {
    if (align > 16 || size > BLOCK_CLASSES * BLOCK_CLASS_BYTES || size == 0) return -1;
    return (int)((size + BLOCK_CLASS_BYTES - 1) / BLOCK_CLASS_BYTES) - 1;
}

void *block_alloc(struct vex_runtime *rt, uint64_t size, uint64_t align) {
    int c = class_of(size, align);
    if (c < 0) {
        if (align <= 16) return malloc(size);
        return aligned_alloc(align, (size + align - 1) / align * align);
    }
    vex_worker *w = vex_current_worker;
    if (w && w->rt == rt) {
        void *b = pop(&w->blocks, c);
        if (b) return b;
        pthread_mutex_lock(&rt->blocks.lock);
        if (rt->blocks.free.count[c] == 0) grow(&rt->blocks, c);
        move(&rt->blocks.free, &w->blocks, c, CACHE_MAX / 2);
        pthread_mutex_unlock(&rt->blocks.lock);
        return pop(&w->blocks, c);
    }
    pthread_mutex_lock(&rt->blocks.lock);
    if (rt->blocks.free.count[c] == 0) grow(&rt->blocks, c);
    void *b = pop(&rt->blocks.free, c);
    pthread_mutex_unlock(&rt->blocks.lock);
    return b;
}

void block_free(struct vex_runtime *rt, void *p, uint64_t size, uint64_t align) {
    int c = class_of(size, align);
    if (c < 0) {
        free(p);
        return;
    }
    vex_worker *w = vex_current_worker;
    if (w && w->rt == rt) {
        push(&w->blocks, c, p);
        if (w->blocks.count[c] > CACHE_MAX) {
            pthread_mutex_lock(&rt->blocks.lock);
            move(&w->blocks, &rt->blocks.free, c, CACHE_MAX / 2);
            pthread_mutex_unlock(&rt->blocks.lock);
        }
        return;
    }
    pthread_mutex_lock(&rt->blocks.lock);
    push(&rt->blocks.free, c, p);
    pthread_mutex_unlock(&rt->blocks.lock);
}
