package dev.vex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.sun.jna.Pointer;
import dev.vex.analysis.RuntimeBuiltin;
import org.junit.jupiter.api.Test;

/**
 * The builtin table (vex-core's {@link RuntimeBuiltin}, which the verifier and the interpreter
 * follow) against the C runtime: every async builtin is a leaf future whose descriptor has the
 * table's parameter and result counts and whose resume function is the descriptor's; every sync
 * one is an exported function.
 */
class BuiltinTableTest {
    @Test
    void everyBuiltinExistsInTheRuntimeWithTheTablesShape() {
        for (RuntimeBuiltin b : RuntimeBuiltin.values()) {
            if (b.isAsync()) {
                FutureDescriptor d = FutureDescriptor.builtin(b.symbol());
                assertEquals(b.paramCount(), d.paramCount(), b + ": parameters");
                assertEquals(b.resultCount(), d.resultCount(), b + ": results");
                assertEquals(Pointer.nativeValue(FutureDescriptor.runtimeFunction(b.symbol())),
                        Pointer.nativeValue(d.resume()), b + ": resume function");
            } else {
                assertNotNull(FutureDescriptor.runtimeFunction(b.symbol()), b.toString());
            }
        }
    }
}
