package dev.vex.verify;

import static dev.vex.analysis.AsyncSamples.sig;
import static dev.vex.ir.Type.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.ir.Block;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierErrorTest {

    @Test
    void printsOneLineWithWhatIsKnown() {
        assertEquals("function %f, block3, inst \"v5 = iadd v1, v2\": [dominance] v2 is used before it is defined",
                new VerifierError("f", "block3", "v5 = iadd v1, v2", "dominance", "v2 is used before it is defined").toString());
        assertEquals("function %f, block3: [terminator] block3 is empty",
                new VerifierError("f", "block3", null, "terminator", "block3 is empty").toString());
        assertEquals("function %f: [entry] no", new VerifierError("f", null, null, "entry", "no").toString());
    }

    @Test
    void instructionTextComesFromThePrinterWithImmediatesAndBlocks() {
        FunctionBuilder b = new FunctionBuilder("g", sig(List.of(I64), List.of(I64)));
        Block e = b.createEntryBlock();
        Block next = b.createBlock(I64);
        Block dead = b.createBlock();
        b.switchToBlock(e);
        Value x = b.iaddImm(e.param(0), -7);
        b.brif(x, next, List.of(x), next, List.of(e.param(0)));
        b.switchToBlock(next);
        b.return_(next.param(0));
        b.switchToBlock(dead);
        b.iconst(I64, 42);
        List<VerifierError> errors = Verifier.verify(b.build());
        assertEquals(1, errors.size(), () -> Verify.lines(errors));
        assertEquals("v3 = iconst.i64 42", errors.get(0).instruction());
        assertEquals("block2", errors.get(0).block());
        assertTrue(errors.get(0).toString().startsWith("function %g, block2, inst \"v3 = iconst.i64 42\": [terminator]"));
    }

    @Test
    void errorsOfSeveralRulesInOneFunctionAreAllReported() {
        FunctionBuilder b = new FunctionBuilder("h", sig(List.of(I64), List.of(I64)));
        Block e = b.createEntryBlock();
        Block one = b.createBlock();
        Block two = b.createBlock();
        b.switchToBlock(e);
        b.brif(e.param(0), one, two);
        b.switchToBlock(one);
        Value a = b.iaddImm(e.param(0), 1);
        b.return_(a);
        b.switchToBlock(two);
        b.return_(a);
        b.createBlock();
        List<VerifierError> errors = Verifier.verify(b.build());
        assertEquals(List.of("terminator", "dominance"), errors.stream().map(VerifierError::rule).toList(),
                () -> Verify.lines(errors));
    }
}
