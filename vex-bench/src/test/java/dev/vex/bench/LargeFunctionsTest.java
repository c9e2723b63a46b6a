package dev.vex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.text.ClifReader;
import dev.vex.verify.Verifier;
import org.junit.jupiter.api.Test;

/** The generated compile workload reads, verifies and has the instruction count the benchmark divides by. */
class LargeFunctionsTest {
    @Test
    void workloadIsValidIrOfTheAdvertisedSize() {
        Module m = ClifReader.readModule(LargeFunctions.module(LargeFunctionCompileBenchmark.FUNCTIONS,
                LargeFunctionCompileBenchmark.BODY), "large.clif");
        Verifier.check(m);
        assertEquals(LargeFunctionCompileBenchmark.FUNCTIONS, m.functions().size());
        int n = 0;
        for (Function f : m.functions()) n += f.instructionCount();
        assertEquals(LargeFunctionCompileBenchmark.INSTRUCTIONS, n);
    }
}
