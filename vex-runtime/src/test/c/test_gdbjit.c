/* test_gdbjit.c: the GDB JIT descriptor's list as entries come and go, from several threads. */
#include <pthread.h>

#include "gdbjit.h"
#include "test_util.h"

static int list_length(void) {
    int n = 0;
    struct jit_code_entry *prev = NULL;
    for (struct jit_code_entry *e = __jit_debug_descriptor.first_entry; e != NULL; e = e->next_entry) {
        CHECK(e->prev_entry == prev);
        prev = e;
        n++;
    }
    return n;
}

static void entries_are_copied_linked_and_unlinked(void) {
    const char a[] = "object a", b[] = "object bb", c[] = "c";
    void *ea = vex_gdbjit_register(a, sizeof a);
    void *eb = vex_gdbjit_register(b, sizeof b);
    void *ec = vex_gdbjit_register(c, sizeof c);
    CHECK_EQ(list_length(), 3);
    CHECK_EQ(__jit_debug_descriptor.version, 1);
    CHECK_EQ(__jit_debug_descriptor.action_flag, JIT_NOACTION);
    struct jit_code_entry *e = eb;
    CHECK(e->symfile_addr != b);
    CHECK_EQ(e->symfile_size, sizeof b);
    CHECK(memcmp(e->symfile_addr, b, sizeof b) == 0);
    vex_gdbjit_unregister(eb); /* the middle */
    CHECK_EQ(list_length(), 2);
    vex_gdbjit_unregister(ec); /* the head */
    CHECK_EQ(list_length(), 1);
    CHECK(__jit_debug_descriptor.first_entry == ea);
    vex_gdbjit_unregister(ea);
    CHECK_EQ(list_length(), 0);
    CHECK(__jit_debug_descriptor.first_entry == NULL);
    vex_gdbjit_unregister(NULL);
}

static void *churn(void *arg) {
    (void)arg;
    char object[64];
    memset(object, 7, sizeof object);
    for (int i = 0; i < SCALED(20000); i++) {
        void *e = vex_gdbjit_register(object, sizeof object);
        CHECK(e != NULL);
        vex_gdbjit_unregister(e);
    }
    return NULL;
}

static void threads_register_and_unregister_at_once(void) {
    pthread_t t[4];
    for (int i = 0; i < 4; i++) {
        CHECK(pthread_create(&t[i], NULL, churn, NULL) == 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
    }
    CHECK_EQ(list_length(), 0);
}

int main(void) {
    RUN(entries_are_copied_linked_and_unlinked);
    RUN(threads_register_and_unregister_at_once);
    return 0;
}
