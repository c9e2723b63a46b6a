package dev.vex.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The table against ASYNC-IR.md's and vex_runtime.h's, row by row as the documents write them. */
class RuntimeBuiltinTest {
    @Test
    void tableMatchesTheDesign() {
        assertEquals("async %vex_yield()", RuntimeBuiltin.YIELD.toString());
        assertEquals("async %vex_sleep(i64)", RuntimeBuiltin.SLEEP.toString());
        assertEquals("async %vex_join(i64) -> i64", RuntimeBuiltin.JOIN.toString());
        assertEquals("%vex_detach(i64)", RuntimeBuiltin.DETACH.toString());
        assertEquals("%vex_chan_new(i64) -> i64", RuntimeBuiltin.CHAN_NEW.toString());
        assertEquals("async %vex_chan_send(i64, i64) -> i64", RuntimeBuiltin.CHAN_SEND.toString());
        assertEquals("async %vex_chan_recv(i64) -> i64, i64", RuntimeBuiltin.CHAN_RECV.toString());
        assertEquals("%vex_chan_close(i64)", RuntimeBuiltin.CHAN_CLOSE.toString());
        assertEquals("%vex_alloc(i64) -> i64", RuntimeBuiltin.ALLOC.toString());
        assertEquals("%vex_free(i64)", RuntimeBuiltin.FREE.toString());
        assertEquals("async %vex_join_status(i64) -> i64, i64", RuntimeBuiltin.JOIN_STATUS.toString());
        assertEquals("async %vex_tcp_listen(i64, i64) -> i64", RuntimeBuiltin.TCP_LISTEN.toString());
        assertEquals("async %vex_tcp_accept(i64) -> i64", RuntimeBuiltin.TCP_ACCEPT.toString());
        assertEquals("async %vex_tcp_connect(i64, i64) -> i64", RuntimeBuiltin.TCP_CONNECT.toString());
        assertEquals("async %vex_tcp_read(i64, i64, i64) -> i64", RuntimeBuiltin.TCP_READ.toString());
        assertEquals("async %vex_tcp_write(i64, i64, i64) -> i64", RuntimeBuiltin.TCP_WRITE.toString());
        assertEquals("async %vex_tcp_close(i64) -> i64", RuntimeBuiltin.TCP_CLOSE.toString());
        assertEquals("%vex_tcp_local_port(i64) -> i64", RuntimeBuiltin.TCP_LOCAL_PORT.toString());
        assertEquals("%vex_tcp_shutdown(i64) -> i64", RuntimeBuiltin.TCP_SHUTDOWN.toString());
        assertEquals("async %vex_tcp_listen_with(i64, i64, i64) -> i64", RuntimeBuiltin.TCP_LISTEN_WITH.toString());
        assertEquals("%vex_tcp_set_option(i64, i64, i64) -> i64", RuntimeBuiltin.TCP_SET_OPTION.toString());
        assertEquals("%vex_tcp_peer_addr(i64) -> i64", RuntimeBuiltin.TCP_PEER_ADDR.toString());
        assertEquals("%vex_tcp_peer_port(i64) -> i64", RuntimeBuiltin.TCP_PEER_PORT.toString());
        assertEquals("%vex_udp_bind(i64, i64) -> i64", RuntimeBuiltin.UDP_BIND.toString());
        assertEquals("async %vex_udp_send_to(i64, i64, i64, i64, i64) -> i64", RuntimeBuiltin.UDP_SEND_TO.toString());
        assertEquals("async %vex_udp_recv_from(i64, i64, i64) -> i64, i64, i64", RuntimeBuiltin.UDP_RECV_FROM.toString());
        assertEquals("%vex_udp_close(i64) -> i64", RuntimeBuiltin.UDP_CLOSE.toString());
        assertEquals("%vex_cancel(i64)", RuntimeBuiltin.CANCEL.toString());
        assertEquals("async %vex_select(i64, i64, i64) -> i64, i64, i64", RuntimeBuiltin.SELECT.toString());
        assertEquals("%vex_scope_new() -> i64", RuntimeBuiltin.SCOPE_NEW.toString());
        assertEquals("%vex_scope_add(i64, i64) -> i64", RuntimeBuiltin.SCOPE_ADD.toString());
        assertEquals("%vex_scope_cancel(i64) -> i64", RuntimeBuiltin.SCOPE_CANCEL.toString());
        assertEquals("async %vex_scope_join(i64) -> i64, i64", RuntimeBuiltin.SCOPE_JOIN.toString());
        assertEquals(34, RuntimeBuiltin.values().length);
    }

    @Test
    void lookupByName() {
        assertSame(RuntimeBuiltin.CHAN_RECV, RuntimeBuiltin.named("vex_chan_recv"));
        assertTrue(RuntimeBuiltin.named("vex_join").isAsync());
        assertFalse(RuntimeBuiltin.named("vex_alloc").isAsync());
        assertNull(RuntimeBuiltin.named("%vex_join"));
        assertNull(RuntimeBuiltin.named("malloc"));
    }
}
