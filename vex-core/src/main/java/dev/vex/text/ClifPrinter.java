package dev.vex.text;

import dev.vex.ir.Function;
import dev.vex.ir.IrPrinter;
import dev.vex.ir.Module;

/**
 * Prints functions and modules as CLIF that {@link ClifReader} reads back to structurally
 * identical IR (see {@link dev.vex.ir.StructuralEquality}): numbers of values, blocks, slots and
 * references are kept, floats are exact hex floats as Cranelift writes them, flags and calling
 * conventions are kept. The writing itself is {@link IrPrinter}'s, which lives with the IR so that
 * {@code toString()} can use it.
 */
public final class ClifPrinter {
    private ClifPrinter() {
    }

    /** {@code function} as CLIF text. */
    public static String print(Function function) {
        return IrPrinter.print(function);
    }

    /** Every function of the module, in order, separated by blank lines. */
    public static String print(Module module) {
        StringBuilder sb = new StringBuilder();
        for (Function f : module.functions()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            IrPrinter.print(f, sb);
        }
        return sb.toString();
    }
}
