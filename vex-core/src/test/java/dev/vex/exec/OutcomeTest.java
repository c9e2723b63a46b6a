package dev.vex.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vex.ir.TrapCode;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void returnedComparesByContent() {
        assertEquals(new Outcome.Returned(new long[] {1, 2}), new Outcome.Returned(new long[] {1, 2}));
        assertEquals(new Outcome.Returned(new long[] {1, 2}).hashCode(), new Outcome.Returned(new long[] {1, 2}).hashCode());
        assertNotEquals(new Outcome.Returned(new long[] {1, 2}), new Outcome.Returned(new long[] {2, 1}));
        assertNotEquals(new Outcome.Returned(new long[] {}), new Outcome.Failed("x"));
        assertEquals("Returned[7, -1]", new Outcome.Returned(new long[] {7, -1}).toString());
    }

    @Test
    void returnedKeepsItsOwnCopy() {
        long[] values = {5};
        Outcome.Returned r = new Outcome.Returned(values);
        values[0] = 6;
        r.values()[0] = 7;
        assertEquals(5, r.values()[0]);
    }

    @Test
    void trappedComparesCodeAndFunction() {
        assertEquals(new Outcome.Trapped(TrapCode.user(3), "f"), new Outcome.Trapped(TrapCode.fromText("user3"), "f"));
        assertNotEquals(new Outcome.Trapped(TrapCode.user(3), "f"), new Outcome.Trapped(TrapCode.user(3), "g"));
        assertThrows(NullPointerException.class, () -> new Outcome.Trapped(null, "f"));
    }
}
