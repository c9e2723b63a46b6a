package dev.vex.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The table against ASYNC-IR.md's, row by row as the document writes them. */
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
        assertEquals(10, RuntimeBuiltin.values().length);
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
