package dev.vex.exec;

import dev.vex.ir.TrapCode;
import java.util.Arrays;
import java.util.Objects;

/**
 * What running a function produced: its results, or the trap that stopped it, or the reason the
 * engine gave up. Shared by the interpreter and the native engines.
 */
public sealed interface Outcome {

    /**
     * The function returned. {@code values} holds one canonical bit pattern per result: the low
     * bits of the result type with the upper bits zero; floats as their IEEE 754 bits.
     * Compares by content.
     */
    record Returned(long[] values) implements Outcome {
        /** Keeps a copy of {@code values}, the result bit patterns, one per result. */
        public Returned {
            values = Objects.requireNonNull(values, "values").clone();
        }

        /** A copy of the result bit patterns, one per result, each canonical for its type. */
        @Override
        public long[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Returned r && Arrays.equals(r.values, values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Returned" + Arrays.toString(values);
        }
    }

    /** A trap stopped the program: its code and the function whose instruction trapped. */
    record Trapped(TrapCode code, String function) implements Outcome {
        /** A trap with its code, in the named function. */
        public Trapped {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(function, "function");
        }
    }

    /**
     * The engine could not give a result: a deadlock (every task blocked and no timer pending),
     * the step limit, a call to a function that does not exist, an unsupported construct.
     */
    record Failed(String reason) implements Outcome {
        /** A failure that is neither a result nor a trap, with the reason. */
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
