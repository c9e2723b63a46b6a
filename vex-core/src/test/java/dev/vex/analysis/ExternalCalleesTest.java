package dev.vex.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vex.ir.Module;
import dev.vex.text.ClifReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalCalleesTest {
    @Test
    void onlyReferencesToNeitherModuleFunctionsNorBuiltinsAreUnresolved() {
        Module m = ClifReader.readModule("""
                function %helper(i64) -> i64 {
                block0(v0: i64):
                    return v0
                }

                async function %main(i64) -> i64 {
                    fn0 = %helper(i64) -> i64
                    fn1 = %exit(i32)
                    fn2 = async %vex_sleep(i64)
                    fn3 = %malloc(i64) -> i64
                    fn4 = %never_used()
                block0(v0: i64):
                    v1 = call fn0(v0)
                    await fn2(v1)
                    v2 = func_addr.i64 fn1
                    v3 = call fn3(v0)
                    v4 = call fn3(v3)
                    return v4
                }
                """, "t.clif");
        assertEquals(List.of("%main refers to %exit", "%main calls %malloc"), ExternalCallees.unresolved(m));
        assertEquals("%main refers to %exit, which is neither in the module nor a runtime builtin"
                + " (and 1 more such reference)", ExternalCallees.whyUnlinkable(m));
    }

    @Test
    void aModuleOfItsOwnFunctionsAndBuiltinsLinks() {
        Module m = ClifReader.readModule("""
                async function %main() {
                    fn0 = async %vex_yield()
                block0:
                    await fn0()
                    return
                }
                """, "t.clif");
        assertNull(ExternalCallees.whyUnlinkable(m));
    }
}
