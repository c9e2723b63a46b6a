package dev.vex.verify;

import static dev.vex.analysis.AsyncSamples.sig;
import static dev.vex.ir.Type.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vex.ir.Block;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.InstructionSpec;
import dev.vex.ir.Opcode;
import dev.vex.ir.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class DominanceRuleTest {

    private static FunctionBuilder fn() {
        return new FunctionBuilder("f", sig(List.of(I64), List.of(I64)));
    }

    /** block0 branches to block1 or block2, both jump to block3; {@code leak} uses block1's value in block3. */
    private static dev.vex.ir.Function diamond(boolean leak, boolean viaArgument) {
        FunctionBuilder b = fn();
        Block b0 = b.createEntryBlock();
        Block b1 = b.createBlock();
        Block b2 = b.createBlock();
        Block b3 = b.createBlock(I64);
        b.switchToBlock(b0);
        Value a = b.iaddImm(b0.param(0), 1);
        b.brif(b0.param(0), b1, b2);
        b.switchToBlock(b1);
        Value left = b.iaddImm(a, 2);
        b.jump(b3, left);
        b.switchToBlock(b2);
        b.jump(b3, viaArgument && leak ? left : a);
        b.switchToBlock(b3);
        b.return_(leak && !viaArgument ? b.iadd(b3.param(0), left) : b.iadd(b3.param(0), a));
        return b.build();
    }

    @Test
    void valuesOfTheEntryAndOwnParametersDominate() {
        Verify.assertClean(diamond(false, false));
    }

    @Test
    void valueOfOneArmIsNotDefinedAtTheJoin() {
        VerifierError e = Verify.assertOneError(diamond(true, false), Rule.DOMINANCE,
                "v3 is defined in block1, which does not dominate block3");
        assertEquals("block3", e.block());
        assertEquals("v4 = iadd v1, v3", e.instruction());
    }

    @Test
    void branchArgumentIsUsedAtTheBranch() {
        VerifierError e = Verify.assertOneError(diamond(true, true), Rule.DOMINANCE,
                "v3 (an argument to block3) is defined in block1, which does not dominate block2");
        assertEquals("jump block3(v3)", e.instruction());
    }

    @Test
    void useBeforeDefinitionInTheSameBlock() {
        FunctionBuilder b = fn();
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        Value later = b.valueNumbered(10);
        Value sum = b.emit(new InstructionSpec(Opcode.IADD).type(I64).operands(later, e.param(0))).result();
        b.emit(new InstructionSpec(Opcode.ICONST).type(I64).imm(5).resultNumbers(10));
        b.return_(sum);
        VerifierError err = Verify.assertOneError(b.build(), Rule.DOMINANCE, "v10 is used before it is defined");
        assertEquals("v11 = iadd.i64 v10, v0", err.instruction(), "the printer writes the type: v10 comes later");
    }

    @Test
    void unreachableBlocksAreCheckedOnlyWithinThemselves() {
        FunctionBuilder b = fn();
        Block e = b.createEntryBlock();
        Block live = b.createBlock();
        Block dead = b.createBlock();
        b.switchToBlock(e);
        b.jump(live);
        b.switchToBlock(live);
        Value x = b.iaddImm(e.param(0), 1);
        b.return_(x);
        b.switchToBlock(dead);
        Value y = b.iadd(x, e.param(0));
        b.return_(y);
        Verify.assertClean(b.build());

        FunctionBuilder c = fn();
        Block ce = c.createEntryBlock();
        Block cdead = c.createBlock();
        c.switchToBlock(ce);
        c.return_(ce.param(0));
        c.switchToBlock(cdead);
        Value later = c.valueNumbered(20);
        Value z = c.emit(new InstructionSpec(Opcode.IADD).type(I64).operands(later, later)).result();
        c.emit(new InstructionSpec(Opcode.ICONST).type(I64).imm(1).resultNumbers(20));
        c.return_(z);
        Verify.assertOneError(c.build(), Rule.DOMINANCE, "v20 is used before it is defined");
    }

    @Test
    void reachableUseOfAnUnreachableDefinition() {
        FunctionBuilder b = fn();
        Block e = b.createEntryBlock();
        Block dead = b.createBlock();
        Block exit = b.createBlock();
        b.switchToBlock(dead);
        Value d = b.iaddImm(e.param(0), 3);
        b.jump(exit);
        b.switchToBlock(e);
        b.jump(exit);
        b.switchToBlock(exit);
        b.return_(d);
        Verify.assertOneError(b.build(), Rule.DOMINANCE, "defined in block1, which is unreachable");
    }

    @Test
    void loopCarriedValuesGoThroughParameters() {
        FunctionBuilder b = fn();
        Block e = b.createEntryBlock();
        Block head = b.createBlock(I64);
        Block body = b.createBlock();
        Block exit = b.createBlock();
        b.switchToBlock(e);
        b.jump(head, e.param(0));
        b.switchToBlock(head);
        b.brif(head.param(0), body, exit);
        b.switchToBlock(body);
        Value next = b.iaddImm(head.param(0), -1);
        b.jump(head, next);
        b.switchToBlock(exit);
        b.return_(next);
        Verify.assertOneError(b.build(), Rule.DOMINANCE, "v2 is defined in block2, which does not dominate block3");
    }
}
