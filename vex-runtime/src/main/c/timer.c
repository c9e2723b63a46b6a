/* timer.c: pairing heap of sleep nodes (see timer.h). */
#include "timer.h"

#include <stddef.h>

static int before(const timer_node *a, const timer_node *b) {
    return a->deadline < b->deadline || (a->deadline == b->deadline && a->seq < b->seq);
}

/* Melds two heap roots (either may be NULL) and returns the new root, whose prev and sibling
 * the caller sets. */
static timer_node *meld(timer_node *a, timer_node *b) {
    if (!a) return b;
    if (!b) return a;
    if (before(b, a)) {
        timer_node *t = a;
        a = b;
        b = t;
    }
    b->sibling = a->child;
    if (a->child) a->child->prev = b;
    b->prev = a;
    a->child = b;
    return a;
}

/* Two-pass pairing of a sibling list: meld pairs left to right, then fold right to left. */
static timer_node *merge_pairs(timer_node *first) {
    timer_node *pairs = NULL; /* melded pairs, in reverse order, chained through sibling */
    while (first) {
        timer_node *a = first, *b = first->sibling;
        first = b ? b->sibling : NULL;
        a->sibling = a->prev = NULL;
        if (b) b->sibling = b->prev = NULL;
        timer_node *m = meld(a, b);
        m->sibling = pairs;
        pairs = m;
    }
    timer_node *root = NULL;
    while (pairs) {
        timer_node *next = pairs->sibling;
        pairs->sibling = NULL;
        root = meld(root, pairs);
        pairs = next;
    }
    if (root) root->prev = root->sibling = NULL;
    return root;
}

static void publish_earliest(timer_heap *h) {
    atomic_store_explicit(&h->earliest, h->root ? h->root->deadline : INT64_MAX,
                          memory_order_relaxed);
}

void timer_heap_init(timer_heap *h) {
    atomic_init(&h->lock.held, 0);
    h->root = NULL;
    h->next_seq = 0;
    atomic_init(&h->earliest, INT64_MAX);
}

void timer_insert(timer_heap *h, timer_node *n) {
    n->child = n->sibling = n->prev = NULL;
    n->heap = h;
    atomic_store_explicit(&n->fired, 0, memory_order_relaxed);
    vex_spin_lock(&h->lock);
    n->seq = h->next_seq++;
    n->linked = 1;
    h->root = meld(h->root, n);
    h->root->prev = NULL;
    publish_earliest(h);
    vex_spin_unlock(&h->lock);
}

static void unlink_locked(timer_heap *h, timer_node *n) {
    if (n == h->root) {
        h->root = merge_pairs(n->child);
    } else {
        if (n->prev->child == n) n->prev->child = n->sibling;
        else n->prev->sibling = n->sibling;
        if (n->sibling) n->sibling->prev = n->prev;
        h->root = meld(h->root, merge_pairs(n->child));
        h->root->prev = NULL;
    }
    n->child = n->sibling = n->prev = NULL;
    n->linked = 0;
}

int timer_remove(timer_heap *h, timer_node *n) {
    vex_spin_lock(&h->lock);
    int was = (int)n->linked;
    if (was) {
        unlink_locked(h, n);
        publish_earliest(h);
    }
    vex_spin_unlock(&h->lock);
    return was;
}

timer_node *timer_expire(timer_heap *h, int64_t now) {
    timer_node *first = NULL, *last = NULL;
    vex_spin_lock(&h->lock);
    while (h->root && h->root->deadline <= now) {
        timer_node *n = h->root;
        unlink_locked(h, n);
        if (last) last->sibling = n;
        else first = n;
        last = n;
    }
    publish_earliest(h);
    vex_spin_unlock(&h->lock);
    return first;
}
