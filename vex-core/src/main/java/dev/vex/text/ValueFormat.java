package dev.vex.text;

import dev.vex.ir.IeeeFormat;
import java.math.BigInteger;
import dev.vex.ir.Type;
import java.util.List;

/** Writes canonical bit patterns the way run lines write them: signed decimal, or hex floats. */
public final class ValueFormat {
    private ValueFormat() {
    }

    /** One value as a run line writes it: decimal integers, floats in CLIF's notation. */
    public static String of(Type type, long bits) {
        return switch (type) {
            case F16 -> IeeeFormat.f16(bits);
            case F32 -> IeeeFormat.f32((int) bits);
            case F64 -> IeeeFormat.f64(bits);
            case I128, F128 -> of(type, bits, 0);
            default -> Long.toString(signExtend(bits, type.bits()));
        };
    }

    /** A value of a wide type given as its halves; any other type ignores {@code hi}. */
    public static String of(Type type, long lo, long hi) {
        return switch (type) {
            case I128 -> new BigInteger(Long.toString(hi)).shiftLeft(64)
                    .or(new BigInteger(Long.toUnsignedString(lo))).toString();
            case F128 -> IeeeFormat.f128(lo, hi);
            default -> of(type, lo);
        };
    }

    /** Values laid out as in a run line: one long per value, two for a wide type. */
    public static String list(List<Type> types, long[] values) {
        StringBuilder sb = new StringBuilder();
        int count = 0;
        int k = 0;
        for (int i = 0; k < values.length; i++, count++) {
            sb.append(count == 0 ? "" : ", ");
            Type t = i < types.size() ? types.get(i) : null;
            if (t == null) {
                sb.append(values[k++]);
            } else if (t.isWide() && k + 1 < values.length) {
                sb.append(of(t, values[k], values[k + 1]));
                k += 2;
            } else {
                sb.append(of(t, values[k++]));
            }
        }
        return count == 1 ? sb.toString() : "[" + sb + "]";
    }

    private static long signExtend(long bits, int width) {
        return width >= 64 ? bits : (bits << (64 - width)) >> (64 - width);
    }
}
