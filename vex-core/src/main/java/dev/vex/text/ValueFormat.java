package dev.vex.text;

import dev.vex.ir.IeeeFormat;
import dev.vex.ir.Type;
import java.util.List;

/** Writes canonical bit patterns the way run lines write them: signed decimal, or hex floats. */
public final class ValueFormat {
    private ValueFormat() {
    }

    /** One value as a run line writes it: decimal integers, floats in CLIF's notation. */
    public static String of(Type type, long bits) {
        return switch (type) {
            case F32 -> IeeeFormat.f32((int) bits);
            case F64 -> IeeeFormat.f64(bits);
            default -> Long.toString(signExtend(bits, type.bits()));
        };
    }

    /** Several values, comma-separated, each per its type. */
    public static String list(List<Type> types, long[] values) {
        if (values.length == 1) {
            return of(types.get(0), values[0]);
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(i < types.size() ? of(types.get(i), values[i]) : Long.toString(values[i]));
        }
        return sb.append(']').toString();
    }

    private static long signExtend(long bits, int width) {
        return width == 64 ? bits : (bits << (64 - width)) >> (64 - width);
    }
}
