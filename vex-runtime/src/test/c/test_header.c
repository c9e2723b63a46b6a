/* test_header.c: sizes that are part of the ABI: the task header fits in 64 bytes, and every
 * leaf descriptor agrees with the frame-size constants of vex_runtime.h. */
#include "task.h"
#include "test_util.h"

static void task_header_is_at_most_64_bytes(void) {
    CHECK(sizeof(struct vex_task) <= 64);
    CHECK_EQ(TASK_HEADER_SIZE, 64);
}

static void check_desc(const vex_future_desc *d, vex_resume_fn fn, uint32_t size, uint32_t np,
                       uint32_t nr, const char *name) {
    CHECK(d->resume == fn);
    CHECK_EQ(d->frame_size, size);
    CHECK_EQ(d->frame_align, 8);
    CHECK_EQ(d->nparams, np);
    CHECK_EQ(d->nresults, nr);
    CHECK(strcmp(d->name, name) == 0);
    /* Every frame holds the state word, the parameters and results 1..n-1. */
    CHECK(d->frame_size >= 8 + 8 * np + 8 * (nr > 0 ? nr - 1 : 0));
}

static void leaf_descriptors_match_the_abi_constants(void) {
    check_desc(&vex_yield_desc, vex_yield, VEX_YIELD_FRAME_SIZE, 0, 0, "vex_yield");
    check_desc(&vex_sleep_desc, vex_sleep, VEX_SLEEP_FRAME_SIZE, 1, 0, "vex_sleep");
    check_desc(&vex_join_desc, vex_join, VEX_JOIN_FRAME_SIZE, 1, 1, "vex_join");
    check_desc(&vex_join_status_desc, vex_join_status, VEX_JOIN_STATUS_FRAME_SIZE, 1, 2,
               "vex_join_status");
    check_desc(&vex_chan_send_desc, vex_chan_send, VEX_CHAN_SEND_FRAME_SIZE, 2, 1,
               "vex_chan_send");
    check_desc(&vex_chan_recv_desc, vex_chan_recv, VEX_CHAN_RECV_FRAME_SIZE, 1, 2,
               "vex_chan_recv");
    check_desc(&vex_tcp_listen_desc, vex_tcp_listen, VEX_TCP_FRAME_SIZE, 2, 1, "vex_tcp_listen");
    check_desc(&vex_tcp_accept_desc, vex_tcp_accept, VEX_TCP_FRAME_SIZE, 1, 1, "vex_tcp_accept");
    check_desc(&vex_tcp_connect_desc, vex_tcp_connect, VEX_TCP_FRAME_SIZE, 2, 1,
               "vex_tcp_connect");
    check_desc(&vex_tcp_read_desc, vex_tcp_read, VEX_TCP_FRAME_SIZE, 3, 1, "vex_tcp_read");
    check_desc(&vex_tcp_write_desc, vex_tcp_write, VEX_TCP_FRAME_SIZE, 3, 1, "vex_tcp_write");
    check_desc(&vex_tcp_close_desc, vex_tcp_close, VEX_TCP_FRAME_SIZE, 1, 1, "vex_tcp_close");
}

static void sync_builtins_alloc_zeroed_memory(void) {
    int64_t p = vex_alloc(100);
    CHECK(p != 0);
    CHECK_EQ(p % 16, 0);
    for (int i = 0; i < 100; i++) CHECK_EQ(((unsigned char *)(uintptr_t)p)[i], 0);
    vex_free(p);
}

int main(void) {
    RUN(task_header_is_at_most_64_bytes);
    RUN(leaf_descriptors_match_the_abi_constants);
    RUN(sync_builtins_alloc_zeroed_memory);
    return 0;
}
