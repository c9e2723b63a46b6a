/* test_abi_constants.c: the numbers vex-core compiles with, against vex_runtime.h.
 *
 * vex-core never loads the runtime: the leaf futures' frames (dev.vex.compile.RuntimeLeafFrames)
 * and the layout of vex_future_desc (dev.vex.compile.FutureDescriptorLayout) are Java constants.
 * This file holds a copy of them; here each is checked against the header (the FRAME_SIZE
 * macros, offsetof, sizeof) and against the exported descriptor, and the Java test
 * AbiConstantsTest checks that this copy equals the Java constants. */
#include <stddef.h>
#include <string.h>

#include "test_util.h"
#include "vex_runtime.h"
#include "vex_net.h"
#include "vex_scope.h"
#include "vex_select.h"

/* FutureDescriptorLayout, field by field. */
#define JAVA_DESC_RESUME_OFFSET 0
#define JAVA_DESC_FRAME_SIZE_OFFSET 8
#define JAVA_DESC_FRAME_ALIGN_OFFSET 12
#define JAVA_DESC_NPARAMS_OFFSET 16
#define JAVA_DESC_NRESULTS_OFFSET 20
#define JAVA_DESC_NAME_OFFSET 24
#define JAVA_DESC_SIZE 32
#define JAVA_DESC_ALIGN 8

struct leaf {
    const char *name;
    const vex_future_desc *desc;
    uint32_t header_size; /* the VEX_*_FRAME_SIZE macro */
    uint32_t java_size;   /* RuntimeLeafFrames: size, align */
    uint32_t java_align;
};

/* One row per entry of RuntimeLeafFrames.FRAMES. */
static const struct leaf LEAVES[] = {
    {"vex_yield", &vex_yield_desc, VEX_YIELD_FRAME_SIZE, 8, 8},
    {"vex_sleep", &vex_sleep_desc, VEX_SLEEP_FRAME_SIZE, 80, 8},
    {"vex_join", &vex_join_desc, VEX_JOIN_FRAME_SIZE, 16, 8},
    {"vex_join_status", &vex_join_status_desc, VEX_JOIN_STATUS_FRAME_SIZE, 24, 8},
    {"vex_chan_send", &vex_chan_send_desc, VEX_CHAN_SEND_FRAME_SIZE, 64, 8},
    {"vex_chan_recv", &vex_chan_recv_desc, VEX_CHAN_RECV_FRAME_SIZE, 64, 8},
    {"vex_tcp_listen", &vex_tcp_listen_desc, VEX_TCP_FRAME_SIZE, 104, 8},
    {"vex_tcp_accept", &vex_tcp_accept_desc, VEX_TCP_FRAME_SIZE, 104, 8},
    {"vex_tcp_connect", &vex_tcp_connect_desc, VEX_TCP_FRAME_SIZE, 104, 8},
    {"vex_tcp_read", &vex_tcp_read_desc, VEX_TCP_FRAME_SIZE, 104, 8},
    {"vex_tcp_write", &vex_tcp_write_desc, VEX_TCP_FRAME_SIZE, 104, 8},
    {"vex_tcp_close", &vex_tcp_close_desc, VEX_TCP_FRAME_SIZE, 104, 8},
    {"vex_tcp_listen_with", &vex_tcp_listen_with_desc, VEX_TCP_FRAME_SIZE, 104, 8},
    {"vex_tcp_connect_with", &vex_tcp_connect_with_desc, VEX_TCP_FRAME_SIZE, 104, 8},
    {"vex_udp_send_to", &vex_udp_send_to_desc, VEX_UDP_FRAME_SIZE, 112, 8},
    {"vex_udp_recv_from", &vex_udp_recv_from_desc, VEX_UDP_FRAME_SIZE, 112, 8},
    {"vex_select", &vex_select_desc, VEX_SELECT_FRAME_SIZE, 136, 8},
    {"vex_scope_join", &vex_scope_join_desc, VEX_SCOPE_JOIN_FRAME_SIZE, 24, 8},
};

static void descriptor_layout_matches_the_header(void) {
    CHECK_EQ(offsetof(vex_future_desc, resume), JAVA_DESC_RESUME_OFFSET);
    CHECK_EQ(offsetof(vex_future_desc, frame_size), JAVA_DESC_FRAME_SIZE_OFFSET);
    CHECK_EQ(offsetof(vex_future_desc, frame_align), JAVA_DESC_FRAME_ALIGN_OFFSET);
    CHECK_EQ(offsetof(vex_future_desc, nparams), JAVA_DESC_NPARAMS_OFFSET);
    CHECK_EQ(offsetof(vex_future_desc, nresults), JAVA_DESC_NRESULTS_OFFSET);
    CHECK_EQ(offsetof(vex_future_desc, name), JAVA_DESC_NAME_OFFSET);
    CHECK_EQ(sizeof(vex_future_desc), JAVA_DESC_SIZE);
    CHECK_EQ(_Alignof(vex_future_desc), JAVA_DESC_ALIGN);
    CHECK_EQ(sizeof(((vex_future_desc *)0)->frame_size), 4);
}

static void leaf_frames_match_the_header_and_the_descriptors(void) {
    for (size_t i = 0; i < sizeof LEAVES / sizeof LEAVES[0]; i++) {
        const struct leaf *l = &LEAVES[i];
        CHECK_EQ(l->header_size, l->java_size);
        CHECK_EQ(l->desc->frame_size, l->java_size);
        CHECK_EQ(l->desc->frame_align, l->java_align);
        CHECK(strcmp(l->desc->name, l->name) == 0);
    }
}

int main(void) {
    RUN(descriptor_layout_matches_the_header);
    RUN(leaf_frames_match_the_header_and_the_descriptors);
    return 0;
}
