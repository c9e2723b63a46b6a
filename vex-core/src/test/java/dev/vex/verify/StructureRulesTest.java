package dev.vex.verify;

import static dev.vex.analysis.AsyncSamples.sig;
import static dev.vex.ir.Type.I32;
import static dev.vex.ir.Type.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vex.ir.Block;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.TrapCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructureRulesTest {

    private static FunctionBuilder fn(List<dev.vex.ir.Type> params) {
        return new FunctionBuilder("f", sig(params, List.of(I64)));
    }

    @Test
    void entryBlockMustExist() {
        VerifierError e = Verify.assertOneError(fn(List.of()).build(), Rule.ENTRY, "no entry block");
        assertNull(e.block());
        assertNull(e.instruction());
        assertEquals("function %f: [entry] the function has no blocks, so no entry block", e.toString());
    }

    @Test
    void entryParamsMatchTheSignature() {
        FunctionBuilder good = fn(List.of(I64, I32));
        Block e = good.createEntryBlock();
        good.switchToBlock(e);
        good.return_(e.param(0));
        Verify.assertClean(good.build());

        FunctionBuilder fewer = fn(List.of(I64, I32));
        Block f0 = fewer.createBlock(I64);
        fewer.switchToBlock(f0);
        fewer.return_(f0.param(0));
        VerifierError err = Verify.assertOneError(fewer.build(), Rule.ENTRY, "has 1 parameter", "(i64, i32)", "has 2");
        assertEquals("block0", err.block());

        FunctionBuilder typed = fn(List.of(I64, I32));
        Block t0 = typed.createBlock(I64, I64);
        typed.switchToBlock(t0);
        typed.return_(t0.param(0));
        Verify.assertOneError(typed.build(), Rule.ENTRY, "v1 has type i64", "parameter 1 is i32");
    }

    @Test
    void blocksMayNotBeEmpty() {
        FunctionBuilder b = fn(List.of(I64));
        Block e = b.createEntryBlock();
        b.createBlock();
        b.switchToBlock(e);
        b.return_(e.param(0));
        VerifierError err = Verify.assertOneError(b.build(), Rule.TERMINATOR, "block1 is empty");
        assertEquals("block1", err.block());
        assertNull(err.instruction());
    }

    @Test
    void blocksEndInATerminator() {
        FunctionBuilder b = fn(List.of(I64));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        b.iaddImm(e.param(0), 1);
        VerifierError err = Verify.assertOneError(b.build(), Rule.TERMINATOR, "block0 does not end in a terminator");
        assertEquals("v1 = iadd_imm v0, 1", err.instruction());
    }

    @Test
    void noTerminatorBeforeTheEnd() {
        FunctionBuilder b = fn(List.of(I64));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        b.trap(TrapCode.UNREACHABLE);
        b.iaddImm(e.param(0), 1);
        b.return_(e.param(0));
        VerifierError err = Verify.assertOneError(b.build(), Rule.TERMINATOR, "before the end of block0",
                "2 instructions after it");
        assertEquals("trap unreachable", err.instruction());
    }

    @Test
    void unconditionalTrapIsATerminator() {
        FunctionBuilder b = fn(List.of(I64));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        b.trapz(e.param(0), TrapCode.UNREACHABLE);
        b.trap(TrapCode.UNREACHABLE);
        Verify.assertClean(b.build());
    }
}
