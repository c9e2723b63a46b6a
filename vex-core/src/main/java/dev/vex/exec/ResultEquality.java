package dev.vex.exec;

import dev.vex.ir.Type;
import java.util.List;

/**
 * Whether two engines' results agree. Bit for bit when the native code canonicalizes NaNs (see
 * {@code CompileOptions#nanCanonicalization}); without it a float result that is a NaN on both
 * sides agrees whatever its sign and payload, and every other value still matches bit for bit.
 */
public final class ResultEquality {
    private ResultEquality() {
    }

    /**
     * Whether {@code actual} agrees with {@code expected}, values of {@code types} in order.
     *
     * @param anyNaN any NaN equals any NaN (in {@code f32} and {@code f64} values)
     */
    public static boolean same(List<Type> types, long[] expected, long[] actual, boolean anyNaN) {
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]
                    && !(anyNaN && i < types.size() && isNaN(types.get(i), expected[i]) && isNaN(types.get(i), actual[i]))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code bits} of a value of type {@code t} is a float NaN. */
    public static boolean isNaN(Type t, long bits) {
        if (t == Type.F64) {
            return (bits & Long.MAX_VALUE) > 0x7ff0_0000_0000_0000L;
        }
        return t == Type.F32 && (bits & 0x7fff_ffffL) > 0x7f80_0000L;
    }
}
