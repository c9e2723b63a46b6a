package dev.vex.runtime.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.vex.exec.Outcome;
import dev.vex.interp.Interpreter;
import dev.vex.ir.Module;
import dev.vex.ir.VariableFunctions;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.Vex;
import org.junit.jupiter.api.Test;

/** Functions built from variables (SSA construction in the builder), natively on x64 against the interpreter. */
class VariableFunctionsNativeTest {

    private static void agree(Interpreter interp, NativeModule nm, String fn, long... args) {
        Outcome o = interp.run(fn, args);
        long[] expected = assertInstanceOf(Outcome.Returned.class, o, () -> fn + ": " + o).values();
        assertArrayEquals(expected, nm.function(fn).invokeBits(args), fn);
    }

    @Test
    void loopsAndBranchesBuiltFromVariablesRunNativelyAsOnTheInterpreter() {
        Module m = VariableFunctions.module();
        Interpreter interp = new Interpreter(m);
        try (NativeModule nm = Vex.compile(m)) {
            for (long n : new long[] {0, 1, 10, 1000, 77777}) {
                agree(interp, nm, "sum", n);
            }
            for (int[] nm2 : new int[][] {{0, 0}, {1, 1}, {3, 4}, {5, 9}, {10, 2}, {31, 17}}) {
                agree(interp, nm, "nested", nm2[0], nm2[1]);
                assertEquals(VariableFunctions.nestedInJava(nm2[0], nm2[1]),
                        (int) nm.function("nested").invokeLong(nm2[0], nm2[1]));
            }
            for (long k = -1; k <= 6; k++) {
                agree(interp, nm, "pick", k & 0xFFFF_FFFFL, 5);
                agree(interp, nm, "pick", k & 0xFFFF_FFFFL, -8);
            }
        }
    }
}
