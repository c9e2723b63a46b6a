/*
 * vex_net.h: the TCP builtins beyond vex_runtime.h's first set (docs/BUILTINS.md): socket
 * options, the peer's address, and a listen that takes options.  Same conventions: handles from
 * listen/accept/connect, IPv4 addresses in host order, failures as -errno.  (Kept apart while
 * vex_runtime.h is being reworked for the handle table; it belongs there once that lands.)
 */
#ifndef VEX_NET_H
#define VEX_NET_H

#include "vex_runtime.h"

#ifdef __cplusplus
extern "C" {
#endif

/* %vex_tcp_set_option(sock, option, value) -> 0 | -errno.  value 0 = off, anything else = on;
 * an unknown option is -EINVAL. */
#define VEX_TCP_NODELAY 1
#define VEX_SO_REUSEADDR 2
#define VEX_SO_REUSEPORT 3
#define VEX_SO_KEEPALIVE 4
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

#ifdef __cplusplus
}
#endif
#endif
