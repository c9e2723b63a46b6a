package dev.vex.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.analysis.RandomFunctions;
import dev.vex.ir.Function;
import dev.vex.ir.ModuleBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Valid functions of every shape verify clean, alone and together in one module. */
class VerifierPropertyTest {

    @Test
    void randomWellFormedFunctionsVerifyClean() {
        int awaits = 0;
        for (long seed = 0; seed < 500; seed++) {
            Function f = RandomFunctions.generate("r" + seed, seed, seed % 3 == 0);
            List<VerifierError> errors = Verifier.verify(f);
            assertTrue(errors.isEmpty(), () -> Verify.lines(errors) + f);
            awaits += (int) f.instructions().stream().filter(i -> i.opcode().isSuspensionPoint()).count();
        }
        assertTrue(awaits > 100, "the async ones await: " + awaits);
    }

    @Test
    void aModuleOfThemVerifiesClean() {
        ModuleBuilder mb = new ModuleBuilder();
        for (long seed = 1000; seed < 1100; seed++) {
            mb.add(RandomFunctions.generate("r" + seed, seed, seed % 2 == 0));
        }
        Verifier.check(mb.build());
    }

    @Test
    void everyErrorIsReportedNotOnlyTheFirst() {
        ModuleBuilder mb = new ModuleBuilder();
        mb.add(RandomFunctions.generate("ok", 7, false));
        for (Function f : ConformanceErrorsTest.errorsClif().functions()) {
            mb.add(f);
        }
        List<VerifierError> errors = Verifier.verify(mb.build());
        assertEquals(3, errors.size(), () -> Verify.lines(errors));
    }
}
