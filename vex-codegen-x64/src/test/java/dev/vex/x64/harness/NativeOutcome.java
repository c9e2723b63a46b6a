package dev.vex.x64.harness;

import dev.vex.exec.Outcome;
import dev.vex.exec.ResultEquality;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;
import java.util.List;

/** What one native call did: returned values, a trap (by number), a signal, or nothing (crash). */
public record NativeOutcome(long[] values, int trap, int signal) {
    static NativeOutcome parse(String line) {
        String[] parts = line.trim().split(" ");
        switch (parts[0]) {
            case "R" -> {
                long[] v = new long[parts.length - 1];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Long.parseUnsignedLong(parts[i + 1], 16);
                }
                return new NativeOutcome(v, 0, 0);
            }
            case "T" -> {
                return new NativeOutcome(null, Integer.parseInt(parts[1]), 0);
            }
            default -> {
                return new NativeOutcome(null, 0, Integer.parseInt(parts[1]));
            }
        }
    }

    static NativeOutcome crashed() {
        return new NativeOutcome(null, 0, -1);
    }

    /** Whether this is exactly the interpreter's outcome: the same bits, or the same trap code. */
    public boolean matches(Outcome expected) {
        return matches(expected, List.of(), false);
    }

    /**
     * As {@link #matches(Outcome)}; with {@code anyNaN}, a result of {@code returns} that is a NaN
     * on both sides matches whatever its bits ({@link ResultEquality}).
     */
    public boolean matches(Outcome expected, List<Type> returns, boolean anyNaN) {
        if (expected instanceof Outcome.Returned r) {
            return values != null && ResultEquality.same(returns, r.values(), values, anyNaN);
        }
        if (expected instanceof Outcome.Trapped t) {
            return values == null && signal == 0 && trap == t.code().number();
        }
        return false;
    }

    @Override
    public String toString() {
        if (values != null) {
            StringBuilder sb = new StringBuilder("returned");
            for (long v : values) {
                sb.append(" 0x").append(Long.toHexString(v));
            }
            return sb.toString();
        }
        if (trap != 0) {
            return "trapped " + TrapCode.fromNumber(trap);
        }
        return signal < 0 ? "crashed (no output)" : "died with signal " + signal;
    }
}
