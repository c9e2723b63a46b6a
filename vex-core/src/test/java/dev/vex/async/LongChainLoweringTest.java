package dev.vex.async;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vex.exec.Outcome;
import dev.vex.interp.Interpreter;
import dev.vex.ir.Block;
import dev.vex.ir.FuncRef;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import dev.vex.ir.Signature;
import dev.vex.ir.Type;
import dev.vex.ir.Value;
import dev.vex.verify.Verifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A value saved across an await and used 100,000 blocks later: finding the definition that
 * reaches the use walks the chain of single-predecessor pieces in a loop, so the lowering does not
 * overflow the stack of an ordinary thread.
 */
class LongChainLoweringTest {
    @Test
    void aUseFarDownAChainOfBlocksAfterAnAwaitIsLowered() {
        int blocks = 100_000;
        FunctionBuilder b = new FunctionBuilder("f", Signature.of(List.of(Type.I64), List.of(Type.I64)), true);
        FuncRef yield = b.importAsyncFunction("vex_yield", Signature.of(List.of(), List.of()));
        Block entry = b.createEntryBlock();
        b.switchToBlock(entry);
        Value kept = b.iaddImm(entry.param(0), 7);
        b.await_(yield);
        Block next = b.createBlock();
        b.jump(next);
        for (int i = 0; i < blocks; i++) {
            Block current = next;
            next = b.createBlock();
            b.switchToBlock(current);
            b.jump(next);
        }
        b.switchToBlock(next);
        b.return_(b.iadd(kept, entry.param(0)));
        Module m = new ModuleBuilder().add(b.build()).build();
        Verifier.check(m);

        LoweredModule lowered = AsyncLowering.lower(m, PollingScheduler.RUNTIME_LEAVES);
        Outcome run = new Interpreter(m).run("f", new long[] {1});
        assertEquals(9L, ((Outcome.Returned) run).values()[0]);
        assertEquals(1, lowered.layout("f").awaits().size());
    }
}
