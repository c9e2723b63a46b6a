package dev.vex.ir;

import static dev.vex.ir.Type.I32;
import static dev.vex.ir.Type.I64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.exec.Outcome;
import dev.vex.interp.Interpreter;
import dev.vex.text.ClifReader;
import dev.vex.verify.Verifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SSA construction from variables: placed parameters, trivial ones removed, results on the interpreter. */
class SsaVariablesTest {

    private static long run(Function f, long... args) {
        Module m = new ModuleBuilder().add(f).build();
        assertEquals(List.of(), Verifier.verify(m), () -> f.toString());
        Outcome o = new Interpreter(m).run(f.name(), args);
        return assertInstanceOf(Outcome.Returned.class, o, () -> o + "\n" + f).values()[0];
    }

    /** The text form reads back into the same function: the placed arguments are real. */
    private static void readsBack(Function f) {
        Module m = ClifReader.readModule(f.toString(), "ssa.clif");
        assertTrue(StructuralEquality.equal(f, m.functions().get(0)), () -> f.toString());
    }

    @Test
    void loopCarriedVariablesBecomeHeaderParametersAndAnUnchangedOneDoesNot() {
        Function f = VariableFunctions.sum();
        Block header = f.blocks().get(1), body = f.blocks().get(2), exit = f.blocks().get(3);

        assertEquals(2, header.params().size(), f::toString); // i and sum; step's parameter was trivial
        assertEquals(0, body.params().size());
        assertEquals(0, exit.params().size());
        for (Instruction inst : f.instructions()) {
            for (BlockCall c : inst.destinations()) {
                assertEquals(c.block().params().size(), c.args().size(), inst::toString);
            }
        }
        for (int k = 0; k < f.valueCount(); k++) {
            assertEquals(k, f.values().get(k).id(), "ids stay dense after removal");
        }
        assertEquals(0L, run(f, 0));
        assertEquals(45L, run(f, 10));
        assertEquals(4950L, run(f, 100));
        readsBack(f);
    }

    @Test
    void nestedLoopsAndOneArmedBranchesMatchJava() {
        Function f = VariableFunctions.nested();
        for (int[] nm : new int[][] {{0, 0}, {1, 1}, {3, 4}, {5, 9}, {10, 2}, {2, 17}}) {
            assertEquals(VariableFunctions.nestedInJava(nm[0], nm[1]), (int) run(f, nm[0], nm[1]), () -> nm[0] + "," + nm[1]);
        }
        Block join = f.blocks().get(6);
        assertEquals(1, join.params().size(), "only acc differs between the arms");
        readsBack(f);
    }

    @Test
    void brifToOneBlockTwiceAndBrTableEdgesGetArguments() {
        Function f = VariableFunctions.pick();
        Block entry = f.entryBlock(), c1 = f.blocks().get(2), join = f.blocks().get(3);
        Instruction table = entry.terminator();
        assertEquals(5, table.destinations().size());
        for (BlockCall c : table.destinations()) {
            assertEquals(c.block() == join ? 1 : 0, c.args().size(), table::toString);
        }
        for (BlockCall edge : c1.terminator().destinations()) {
            assertEquals(1, edge.args().size(), "each brif edge passes r");
        }
        assertEquals(51L, run(f, 0, 5));   // c0: 5*10, +1
        assertEquals(1006L, run(f, 1, 5)); // c1: 5+1000, +1
        assertEquals(6L, run(f, 2, 5));    // straight to join
        assertEquals(51L, run(f, 3, 5));   // c0 again
        assertEquals(6L, run(f, 9, 5));    // default
        readsBack(f);
    }

    @Test
    void anUnchangedVariableAcrossNestedLoopsNeedsNoParameterAnywhere() {
        FunctionBuilder b = new FunctionBuilder("keep", Signature.of(List.of(I64), List.of(I64)));
        Variable k = b.declareVariable(I64);
        Variable i = b.declareVariable(I64);
        Block entry = b.createEntryBlock();
        Block outer = b.createBlock();
        Block inner = b.createBlock();
        Block latch = b.createBlock();
        Block exit = b.createBlock();
        b.switchToBlock(entry);
        b.sealBlock(entry);
        b.defineVariable(k, entry.param(0));
        b.defineVariable(i, b.iconst(I64, 0));
        b.jump(outer);
        b.switchToBlock(outer);
        b.jump(inner);
        b.switchToBlock(inner);
        b.sealBlock(inner); // only outer branches to it
        b.defineVariable(i, b.iaddImm(b.useVariable(i), 1));
        b.brif(b.icmp(IntCC.SLT, b.useVariable(i), b.iconst(I64, 3)), latch, exit);
        b.switchToBlock(latch);
        b.sealBlock(latch);
        b.jump(outer);
        b.sealBlock(outer);
        b.switchToBlock(exit);
        b.sealBlock(exit);
        b.return_(b.iadd(b.useVariable(k), b.useVariable(i)));
        Function f = b.build();
        assertEquals(1, outer.params().size(), "i only: k is the same on both edges");
        assertEquals(13L, run(f, 10));
    }

    @Test
    void aTrivialParameterUsedByAnotherIsRemovedAndTheOtherToo() {
        // Two nested loop headers, unsealed while the variable is read in both; it never changes.
        FunctionBuilder b = new FunctionBuilder("chain", Signature.of(List.of(I64), List.of(I64)));
        Variable x = b.declareVariable(I64);
        Variable n = b.declareVariable(I64);
        Block entry = b.createEntryBlock();
        Block h1 = b.createBlock();
        Block h2 = b.createBlock();
        Block b2 = b.createBlock();
        Block l1 = b.createBlock();
        Block exit = b.createBlock();
        b.switchToBlock(entry);
        b.defineVariable(x, b.iconst(I64, 5));
        b.defineVariable(n, entry.param(0));
        b.jump(h1);
        b.switchToBlock(h1);
        b.jump(h2);
        b.switchToBlock(h2);
        Value xs = b.useVariable(x); // placeholder in h2, whose operand will be h1's placeholder
        b.defineVariable(n, b.iaddImm(b.useVariable(n), -1));
        b.brif(b.icmp(IntCC.SGT, b.useVariable(n), b.iconst(I64, 0)), b2, l1);
        b.switchToBlock(b2);
        b.defineVariable(x, b.useVariable(x));
        b.jump(h2);
        b.switchToBlock(l1);
        b.brif(b.icmp(IntCC.SGT, b.useVariable(n), b.iconst(I64, -3)), h1, exit);
        b.switchToBlock(exit);
        b.return_(b.iadd(b.useVariable(x), xs));
        b.sealAllBlocks();
        Function f = b.build();
        assertEquals(1, h1.params().size(), f::toString); // n only
        assertEquals(1, h2.params().size(), f::toString);
        assertEquals(10L, run(f, 3));
        readsBack(f);
    }

    @Test
    void longChainsOfBlocksDoNotExhaustTheJavaStack() {
        // 10,000 diamonds in a row; the variable is read only after the last one.
        int diamonds = 10_000; // a recursive look-up would need ~30,000 frames
        FunctionBuilder b = new FunctionBuilder("long", Signature.of(List.of(I64), List.of(I64)));
        Variable v = b.declareVariable(I64);
        Variable c = b.declareVariable(I64);
        Block entry = b.createEntryBlock();
        b.switchToBlock(entry);
        b.sealBlock(entry);
        b.defineVariable(v, entry.param(0));
        b.defineVariable(c, b.iconst(I64, 0));
        for (int d = 0; d < diamonds; d++) {
            Block left = b.createBlock();
            Block right = b.createBlock();
            Block join = b.createBlock();
            b.brif(entry.param(0), left, right);
            b.sealBlock(left);
            b.sealBlock(right);
            b.switchToBlock(left);
            if (d % 1000 == 0) {
                b.defineVariable(c, b.iaddImm(b.useVariable(c), 1));
            }
            b.jump(join);
            b.switchToBlock(right);
            b.jump(join);
            b.sealBlock(join);
            b.switchToBlock(join);
        }
        b.return_(b.iadd(b.useVariable(v), b.useVariable(c)));
        Function f = b.build();
        assertEquals(0, f.entryBlock().successors().get(0).params().size());
        assertEquals(7L + 10, run(f, 7));
    }

    @Test
    void misuseIsAnErrorNamingTheFunctionBlockAndVariable() {
        FunctionBuilder b = new FunctionBuilder("bad", Signature.of(List.of(I64), List.of(I64)));
        Variable x = b.declareVariable(I64);
        Block entry = b.createEntryBlock();
        Block next = b.createBlock();
        b.switchToBlock(entry);
        b.sealBlock(entry);
        IrBuildException undefined = assertThrows(IrBuildException.class, () -> b.useVariable(x));
        assertEquals("function %bad, block0, var0 (i64) is used in block0 but not defined on every path to it "
                + "from the entry block", undefined.getMessage());
        IrBuildException type = assertThrows(IrBuildException.class,
                () -> b.defineVariable(x, b.iconst(I32, 1)));
        assertTrue(type.getMessage().contains("var0 is i64, but v"), type.getMessage());
        Variable other = new FunctionBuilder("o", Signature.of(List.of(), List.of())).declareVariable(I64);
        assertTrue(assertThrows(IrBuildException.class, () -> b.useVariable(other)).getMessage()
                .contains("var0 belongs to another function"));
        b.defineVariable(x, entry.param(0));
        b.jump(next);
        b.sealBlock(next);
        IrBuildException sealed = assertThrows(IrBuildException.class, () -> b.jump(next));
        assertTrue(sealed.getMessage().contains("jump: branches to block1, which is sealed"), sealed.getMessage());
        Block loose = b.createBlock();
        b.switchToBlock(next);
        b.return_(b.useVariable(x));
        IrBuildException unsealed = assertThrows(IrBuildException.class, b::build);
        assertEquals("function %bad, block2, block2 is not sealed; call sealBlock when its predecessors are all "
                + "known, or sealAllBlocks", unsealed.getMessage());
        b.sealBlock(loose);
        b.switchToBlock(loose);
        b.return_(b.useVariable(x)); // unreachable: a parameter with no operands
        Function f = b.build();
        assertEquals(1, loose.params().size());
        assertEquals(9L, run(f, 9));
    }

    @Test
    void aUseBeforeDefinitionOnSomePathIsFoundWhenTheLoopHeaderIsSealed() {
        FunctionBuilder b = new FunctionBuilder("late", Signature.of(List.of(I64), List.of(I64)));
        Variable x = b.declareVariable(I64);
        Block entry = b.createEntryBlock();
        Block header = b.createBlock();
        b.switchToBlock(entry);
        b.jump(header);
        b.switchToBlock(header);
        b.defineVariable(x, b.iaddImm(b.useVariable(x), 1)); // placeholder: header not sealed
        b.brif(entry.param(0), header, header);
        IrBuildException e = assertThrows(IrBuildException.class, b::sealAllBlocks);
        assertTrue(e.getMessage().contains("var0 (i64) is used in block0 but not defined on every path"), e.getMessage());
    }

    @Test
    void ownParametersComeFirstAndTheirArgumentsStayInFront() {
        FunctionBuilder b = new FunctionBuilder("own", Signature.of(List.of(I64), List.of(I64)));
        Variable x = b.declareVariable(I64);
        Block entry = b.createEntryBlock();
        Block join = b.createBlock(I64);
        Block a = b.createBlock();
        b.switchToBlock(entry);
        b.defineVariable(x, b.iconst(I64, 100));
        b.brif(entry.param(0), join, List.of(entry.param(0)), a, List.of());
        b.switchToBlock(a);
        b.defineVariable(x, b.iconst(I64, 200));
        b.jump(join, b.iconst(I64, 1));
        b.switchToBlock(join);
        b.sealAllBlocks();
        Value xs = b.useVariable(x);
        assertSame(join, xs.definingBlock());
        assertThrows(IrBuildException.class, () -> b.appendBlockParam(join, I64));
        b.return_(b.iadd(join.param(0), xs));
        Function f = b.build();
        assertEquals(2, join.params().size());
        assertEquals(105L, run(f, 5));
        assertEquals(201L, run(f, 0));
    }
}
