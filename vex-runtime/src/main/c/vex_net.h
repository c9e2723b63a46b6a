/*
 * vex_net.h: the socket builtins beyond vex_runtime.h's first set (docs/BUILTINS.md): TCP socket
 * options, the peer's address, a listen that takes options, and UDP.  Same conventions: handles from
 * listen/accept/connect (checked: a bad one is -EBADF), IPv4 addresses in host order, failures
 * as -errno.  (Kept apart while
 * vex_runtime.h is being reworked for the handle table; it belongs there once that lands.)
 */
#ifndef VEX_NET_H
#define VEX_NET_H

#include "vex_runtime.h"

#ifdef __cplusplus
extern "C" {
#endif

/* %vex_tcp_set_option(sock, option, value) -> 0 | -errno.  value 0 = off, anything else = on;
 * an unknown option is -EINVAL.  The timeouts take nanoseconds (0 = none, the default;
 * negative: -EINVAL): an accept, read or recv_from (RECV), a write or send_to (SEND) that has
 * waited that long since it first parked returns -ETIMEDOUT; the socket stays usable. */
#define VEX_TCP_NODELAY 1
#define VEX_SO_REUSEADDR 2
#define VEX_SO_REUSEPORT 3
#define VEX_SO_KEEPALIVE 4
#define VEX_SO_RECV_TIMEOUT 5
#define VEX_SO_SEND_TIMEOUT 6
VEX_API int64_t vex_tcp_set_option(int64_t sock, int64_t option, int64_t value);

/* The connected peer's IPv4 address (host order) and port, or -errno (-ENOTCONN on a listener). */
VEX_API int64_t vex_tcp_peer_addr(int64_t sock);
VEX_API int64_t vex_tcp_peer_port(int64_t sock);

/* %vex_tcp_listen_with(ipv4, port, flags) -> sock | -errno: vex_tcp_listen with flags set
 * before the bind; VEX_LISTEN_REUSEPORT lets several listeners share the port (the kernel
 * spreads connections over them).  Any other bit is -EINVAL. */
#define VEX_LISTEN_REUSEPORT 1
VEX_API vex_poll vex_tcp_listen_with(void *frame, vex_task *task);
VEX_API extern const vex_future_desc vex_tcp_listen_with_desc;

/* %vex_tcp_connect_with(ipv4, port, timeout_ns) -> sock | -errno: vex_tcp_connect that gives
 * up with -ETIMEDOUT once it has waited timeout_ns (0 = no limit; negative: -EINVAL). */
VEX_API vex_poll vex_tcp_connect_with(void *frame, vex_task *task);
VEX_API extern const vex_future_desc vex_tcp_connect_with_desc;

/* ---- UDP (udp.c) ---------------------------------------------------------------------------
 * %vex_udp_bind(ipv4, port) -> sock | -errno                      sync; port 0 picks a free one
 * %vex_udp_send_to(sock, buf, len, ipv4, port) -> n | -errno     async: one datagram
 * %vex_udp_recv_from(sock, buf, len) -> n | -errno, ipv4, port    async: one datagram, cut to
 *     len bytes (the rest is dropped); the sender's address and port in result slots 1 and 2
 *     (frame offsets 32 and 40), both 0 on an error
 * %vex_udp_close(sock) -> 0 | -errno                              sync
 * %vex_tcp_local_port works on a UDP socket too. */
#define VEX_UDP_FRAME_SIZE 112 /* every vex_udp_* leaf: state, five slots, the timeout's timer node */
VEX_API int64_t vex_udp_bind(int64_t addr, int64_t port);
VEX_API int64_t vex_udp_close(int64_t sock);
VEX_API vex_poll vex_udp_send_to(void *frame, vex_task *task);
VEX_API vex_poll vex_udp_recv_from(void *frame, vex_task *task);
VEX_API extern const vex_future_desc vex_udp_send_to_desc, vex_udp_recv_from_desc;

#ifdef __cplusplus
}
#endif
#endif
