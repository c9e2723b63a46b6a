package dev.vex.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vex.exec.Outcome;
import dev.vex.ir.Module;
import dev.vex.ir.TrapCode;
import dev.vex.text.ClifReader;
import org.junit.jupiter.api.Test;

/** return_call replaces the frame: deep tail recursion runs in constant depth; plain calls do not. */
class TailCallTest {
    private static final String TEXT = """
            function %count(i64, i64) -> i64 tail {
                fn0 = %count(i64, i64) -> i64 tail
            block0(v0: i64, v1: i64):
                brif v0, block1, block2
            block1:
                v2 = iadd_imm v0, -1
                v3 = iadd_imm v1, 2
                return_call fn0(v2, v3)
            block2:
                return v1
            }

            function %deep(i64) -> i64 {
                fn0 = %deep(i64) -> i64
            block0(v0: i64):
                brif v0, block1, block2
            block1:
                v2 = iadd_imm v0, -1
                v3 = call fn0(v2)
                return v3
            block2:
                return v0
            }

            function %via_pointer(i64) -> i64 tail {
                sig0 = (i64, i64) -> i64 tail
                fn0 = %count sig0
            block0(v0: i64):
                v1 = func_addr.i64 fn0
                v2 = iconst.i64 100
                return_call_indirect sig0, v1(v0, v2)
            }
            """;

    @Test
    void tailRecursionRunsInConstantDepth() {
        Module m = ClifReader.readModule(TEXT, "t.clif");
        Interpreter interp = new Interpreter(m);
        assertEquals(new Outcome.Returned(new long[] {2_000_000}), interp.run("count", new long[] {1_000_000, 0}));
        assertEquals(new Outcome.Returned(new long[] {120}), interp.run("via_pointer", new long[] {10}));
        Outcome deep = interp.run("deep", new long[] {1_000_000});
        assertEquals(TrapCode.STACK_OVERFLOW, ((Outcome.Trapped) deep).code(), "plain recursion overflows: " + deep);
    }
}
