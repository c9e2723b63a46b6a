package dev.vex.ir;

import static dev.vex.ir.Type.F32;
import static dev.vex.ir.Type.F64;
import static dev.vex.ir.Type.I16;
import static dev.vex.ir.Type.I32;
import static dev.vex.ir.Type.I64;
import static dev.vex.ir.Type.I8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionBuilderTest {

    private static Signature sig(List<Type> params, List<Type> returns) {
        return Signature.of(params, returns);
    }

    /** max(x, y) with a diamond: entry branches to two blocks that jump to a join. */
    private static Function buildMax() {
        FunctionBuilder b = new FunctionBuilder("max", sig(List.of(I32, I32), List.of(I32)));
        Block entry = b.createEntryBlock();
        Block join = b.createBlock(I32);
        b.switchToBlock(entry);
        Value lt = b.icmp(IntCC.SLT, entry.param(0), entry.param(1));
        b.brif(lt, join, List.of(entry.param(1)), join, List.of(entry.param(0)));
        b.switchToBlock(join);
        b.return_(join.param(0));
        return b.build();
    }

    @Test
    void buildsNavigableFunction() {
        Function f = buildMax();
        assertEquals("max", f.name());
        assertFalse(f.isAsync());
        assertEquals(2, f.blockCount());
        Block entry = f.entryBlock();
        Block join = f.blocks().get(1);
        assertEquals(0, entry.number());
        assertEquals(1, join.number());
        assertEquals(List.of(I32, I32), entry.paramTypes());

        Instruction cmp = entry.instructions().get(0);
        assertEquals(Opcode.ICMP, cmp.opcode());
        assertEquals(I8, cmp.result().type(), "icmp yields i8");
        assertEquals(I32, cmp.controllingType());
        assertSame(entry, cmp.block());
        assertSame(cmp, cmp.result().definingInstruction());
        assertSame(entry, cmp.result().block());

        Instruction br = entry.terminator();
        assertEquals(Opcode.BRIF, br.opcode());
        assertEquals(List.of(join, join), br.successors());
        assertEquals(List.of(join, join), entry.successors());
        assertEquals(1, br.indexInBlock());
        assertSame(entry.param(1), br.destination(0).args().get(0));

        Value p = join.param(0);
        assertTrue(p.isBlockParam());
        assertSame(join, p.definingBlock());
        assertNull(p.definingInstruction());
        assertEquals(Opcode.RETURN, join.terminator().opcode());
        assertTrue(join.successors().isEmpty());
    }

    @Test
    void numbersValuesFreshAndIdsDensely() {
        Function f = buildMax();
        // v0, v1: entry params; v2: block1's param (created before the icmp); v3: the icmp.
        assertEquals(4, f.valueCount());
        for (int i = 0; i < f.valueCount(); i++) {
            assertEquals(i, f.values().get(i).id());
        }
        assertEquals("v2", f.blocks().get(1).param(0).toString());
        assertEquals("v3", f.entryBlock().instructions().get(0).result().toString());
        assertSame(f.values().get(3), f.valueNumbered(3));
        assertEquals(3, f.instructionCount());
    }

    @Test
    void printsAsClif() {
        String text = buildMax().toString();
        assertEquals("""
                function %max(i32, i32) -> i32 {
                block0(v0: i32, v1: i32):
                    v3 = icmp slt v0, v1
                    brif v3, block1(v1), block1(v0)

                block1(v2: i32):
                    return v2
                }
                """, text);
    }

    @Test
    void operandTypeMismatchNamesFunctionBlockAndOpcode() {
        FunctionBuilder b = new FunctionBuilder("bad", sig(List.of(I32, I64), List.of(I32)));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        IrBuildException ex = assertThrows(IrBuildException.class, () -> b.iadd(e.param(0), e.param(1)));
        assertEquals("function %bad, block0, iadd: needs i32, but operand v1 has type i64", ex.getMessage());
    }

    @Test
    void floatOpOnIntegersIsRejected() {
        FunctionBuilder b = new FunctionBuilder("f", sig(List.of(I32, I32), List.of()));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        IrBuildException ex = assertThrows(IrBuildException.class, () -> b.fadd(e.param(0), e.param(1)));
        assertTrue(ex.getMessage().contains("fadd: needs a float"), ex.getMessage());
    }

    @Test
    void immediateMustFit() {
        FunctionBuilder b = new FunctionBuilder("f", sig(List.of(), List.of()));
        b.switchToBlock(b.createEntryBlock());
        assertEquals(255, b.emit(new InstructionSpec(Opcode.ICONST).type(I8).imm(255)).imm());
        b.iconst(I8, -128);
        IrBuildException ex = assertThrows(IrBuildException.class, () -> b.iconst(I8, 256));
        assertTrue(ex.getMessage().contains("iconst: immediate 256 does not fit in i8"), ex.getMessage());
        assertThrows(IrBuildException.class, () -> b.iconst(I16, -32769));
        assertThrows(IrBuildException.class, () -> b.iconst(F32, 0));
    }

    @Test
    void resultTypesFollowCranelift() {
        FunctionBuilder b = new FunctionBuilder("types", sig(List.of(I32, I64, F32), List.of()));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        Value x = e.param(0);
        Value y = e.param(1);
        Value f = e.param(2);
        Instruction ov = b.multi(Opcode.SADD_OVERFLOW, x, x);
        assertEquals(List.of(I32, I8), ov.results().stream().map(Value::type).toList());
        Instruction cin = b.multi(Opcode.UADD_OVERFLOW_CIN, y, y, ov.result(1));
        assertEquals(List.of(I64, I8), cin.results().stream().map(Value::type).toList());
        assertEquals(I64, b.binary(Opcode.ICONCAT, x, x).type());
        Instruction split = b.multi(Opcode.ISPLIT, y);
        assertEquals(List.of(I32, I32), split.results().stream().map(Value::type).toList());
        assertEquals(I64, b.uextend(I64, x).type());
        assertEquals(I8, b.ireduce(I8, x).type());
        assertEquals(I32, b.bitcast(I32, f).type());
        assertEquals(F64, b.convert(Opcode.FPROMOTE, F64, f).type());
        assertEquals(I16, b.convert(Opcode.FCVT_TO_SINT_SAT, I16, f).type());
        assertEquals(I8, b.fcmp(FloatCC.UNO, f, f).type());
        assertEquals(I32, b.binary(Opcode.ISHL, x, y).type(), "shift amount may be any integer type");
        assertEquals(I64, b.select(x, y, y).type());
        assertEquals(I32, b.load(Opcode.ULOAD8, I32, MemFlags.NONE, y, 4).type());

        assertEquals(Type.I128, b.binary(Opcode.ICONCAT, y, y).type());
        IrBuildException wide = assertThrows(IrBuildException.class,
                () -> b.binary(Opcode.ICONCAT, b.binary(Opcode.ICONCAT, y, y), b.binary(Opcode.ICONCAT, y, y)));
        assertTrue(wide.getMessage().contains("i256"), wide.getMessage());
        IrBuildException narrow = assertThrows(IrBuildException.class, () -> b.uextend(I16, x));
        assertTrue(narrow.getMessage().contains("uextend: must widen"), narrow.getMessage());
        assertNull(narrow.unsupportedFeature());
        assertThrows(IrBuildException.class, () -> b.load(Opcode.ULOAD32, I32, MemFlags.NONE, y, 0));
        assertThrows(IrBuildException.class, () -> b.load(I32, MemFlags.NONE, f, 0));
        assertThrows(IrBuildException.class, () -> b.unary(Opcode.BSWAP, b.iconst(I8, 1)));
        IrBuildException suffix = assertThrows(IrBuildException.class,
                () -> b.emit(new InstructionSpec(Opcode.UEXTEND).operands(x)));
        assertTrue(suffix.getMessage().contains("needs its type written"), suffix.getMessage());
    }

    @Test
    void callsTakeTheirResultsFromTheSignature() {
        FunctionBuilder b = new FunctionBuilder("caller", sig(List.of(I64), List.of(I64)), true);
        FuncRef pair = b.importAsyncFunction("pair", sig(List.of(I64), List.of(I64, I32)));
        FuncRef sync = b.importFunction("one", sig(List.of(I64), List.of(I64)));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        Instruction aw = b.await_(pair, e.param(0));
        assertEquals(List.of(I64, I32), aw.results().stream().map(Value::type).toList());
        assertTrue(aw.opcode().isSuspensionPoint());
        assertEquals(I64, b.spawn(pair, e.param(0)).type(), "spawn yields an i64 handle");
        Value addr = b.funcAddr(I64, sync);
        SigRef s = b.importSignature(sig(List.of(I64), List.of(I64)));
        Instruction ci = b.callIndirect(s, addr, List.of(e.param(0)));
        assertEquals(I64, ci.result().type());
        IrBuildException ex = assertThrows(IrBuildException.class, () -> b.call(sync, aw.result(1)));
        assertTrue(ex.getMessage().contains("call: needs i64, but operand"), ex.getMessage());
        assertThrows(IrBuildException.class, () -> b.call(sync));
        b.return_(ci.result());
        Function f = b.build();
        assertTrue(f.isAsync());
        assertEquals(2, f.funcRefs().size());
        assertEquals(3, f.sigRefs().size(), "each import declares a signature, plus the explicit one");
        assertTrue(f.funcRefs().get(0).isAsync());
        assertEquals("pair", f.funcRefs().get(0).name());
    }

    @Test
    void returnMustMatchSignature() {
        FunctionBuilder b = new FunctionBuilder("r", sig(List.of(I32), List.of(I64)));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        IrBuildException ex = assertThrows(IrBuildException.class, () -> b.return_(e.param(0)));
        assertTrue(ex.getMessage().contains("return: needs i64, but operand v0 has type i32"), ex.getMessage());
        assertThrows(IrBuildException.class, () -> b.return_());
    }

    @Test
    void blockCallArityIsCheckedNowOrAtBuild() {
        FunctionBuilder b = new FunctionBuilder("j", sig(List.of(I32), List.of()));
        Block e = b.createEntryBlock();
        Block later = b.createBlock();
        b.switchToBlock(e);
        // later is not started, so its parameters may still come: checked at build().
        b.jump(later, e.param(0));
        b.switchToBlock(later);
        b.return_();
        IrBuildException ex = assertThrows(IrBuildException.class, b::build);
        assertEquals("function %j, block0, jump: passes 1 argument to block1, which has 0 parameters",
                ex.getMessage());
        assertSame(e.instructions().get(0), ex.instruction());

        FunctionBuilder c = new FunctionBuilder("k", sig(List.of(I32), List.of()));
        Block ce = c.createEntryBlock();
        Block target = c.createBlock(I64);
        c.switchToBlock(target);
        c.return_();
        c.switchToBlock(ce);
        IrBuildException now = assertThrows(IrBuildException.class, () -> c.jump(target, ce.param(0)));
        assertTrue(now.getMessage().contains("passes v0 of type i32 to block1's parameter v1 of type i64"),
                now.getMessage());
    }

    @Test
    void forwardReferencesAreResolvedAtBuild() {
        FunctionBuilder b = new FunctionBuilder("fwd", sig(List.of(I32), List.of(I32)));
        Block e = b.createBlockNumbered(0);
        Value p = b.appendBlockParam(e, I32, 0);
        Block b1 = b.createBlockNumbered(1);
        Block b2 = b.createBlockNumbered(2);
        b.switchToBlock(e);
        b.jump(b2);
        b.switchToBlock(b1);
        Value later = b.valueNumbered(7);
        assertNull(later.type());
        b.emit(new InstructionSpec(Opcode.IADD).operands(p, later).resultNumbers(8));
        b.return_(b.valueNumbered(8));
        b.switchToBlock(b2);
        b.emit(new InstructionSpec(Opcode.ICONST).type(I32).imm(3).resultNumbers(7));
        b.jump(b1);
        Function f = b.build();
        assertEquals(I32, f.valueNumbered(7).type());
        assertSame(f.valueNumbered(7), b1.instructions().get(0).operand(1));
    }

    @Test
    void forwardReferenceOfWrongTypeIsCaughtAtBuild() {
        FunctionBuilder b = new FunctionBuilder("fwd", sig(List.of(I32), List.of(I32)));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        b.emit(new InstructionSpec(Opcode.IADD).operands(e.param(0), b.valueNumbered(5)).resultNumbers(6));
        b.emit(new InstructionSpec(Opcode.ICONST).type(I64).imm(3).resultNumbers(5));
        b.return_(b.valueNumbered(6));
        IrBuildException ex = assertThrows(IrBuildException.class, b::build);
        assertEquals("function %fwd, block0, iadd: needs i32, but operand v5 has type i64", ex.getMessage());
    }

    @Test
    void controllingTypeCannotComeFromAnUndefinedValue() {
        FunctionBuilder b = new FunctionBuilder("fwd", sig(List.of(), List.of()));
        b.switchToBlock(b.createEntryBlock());
        Value v = b.valueNumbered(3);
        IrBuildException ex = assertThrows(IrBuildException.class, () -> b.iadd(v, v));
        assertTrue(ex.getMessage().contains("v3 is not defined yet; write iadd.T"), ex.getMessage());
    }

    @Test
    void undefinedAndTwiceDefinedValuesAreErrors() {
        FunctionBuilder b = new FunctionBuilder("u", sig(List.of(), List.of(I32)));
        b.switchToBlock(b.createEntryBlock());
        b.return_(b.valueNumbered(9));
        IrBuildException ex = assertThrows(IrBuildException.class, b::build);
        assertEquals("function %u: v9 is used but never defined", ex.getMessage());
        assertEquals(9, ex.valueNumber());

        FunctionBuilder c = new FunctionBuilder("d", sig(List.of(), List.of()));
        c.switchToBlock(c.createEntryBlock());
        c.emit(new InstructionSpec(Opcode.ICONST).type(I32).imm(1).resultNumbers(4));
        IrBuildException twice = assertThrows(IrBuildException.class,
                () -> c.emit(new InstructionSpec(Opcode.ICONST).type(I32).imm(1).resultNumbers(4)));
        assertEquals("function %d, block0, iconst: v4 is defined twice", twice.getMessage());
    }

    @Test
    void aliasesResolveToTheirTarget() {
        FunctionBuilder b = new FunctionBuilder("a", sig(List.of(I8), List.of(I8)));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        Value use = b.valueNumbered(2);
        b.alias(2, b.valueNumbered(1));
        b.alias(1, e.param(0));
        b.return_(use);
        Function f = b.build();
        assertSame(e.param(0), e.terminator().operand(0));
        assertNull(f.valueNumbered(2), "aliases leave no value behind");

        FunctionBuilder c = new FunctionBuilder("cycle", sig(List.of(), List.of(I8)));
        c.switchToBlock(c.createEntryBlock());
        c.alias(1, c.valueNumbered(2));
        IrBuildException cycle = assertThrows(IrBuildException.class, () -> c.alias(2, c.valueNumbered(1)));
        assertTrue(cycle.getMessage().contains("v2 -> v2 makes a cycle of aliases"), cycle.getMessage());
    }

    @Test
    void preambleChecksNumbers() {
        FunctionBuilder b = new FunctionBuilder("p", sig(List.of(), List.of()));
        StackSlot s = b.createStackSlot(16, 8);
        assertEquals(0, s.number());
        assertEquals(1, b.createStackSlot(4).number());
        assertThrows(IrBuildException.class, () -> b.declareStackSlot(0, 8, 0));
        assertThrows(IrBuildException.class, () -> b.createStackSlot(8, 3));
        SigRef sr = b.declareSignature(5, sig(List.of(I64), List.of()));
        assertThrows(IrBuildException.class, () -> b.declareSignature(5, sig(List.of(), List.of())));
        b.declareFunction(2, "callee", sr, true, false);
        assertThrows(IrBuildException.class, () -> b.declareFunction(2, "other", sr, false, false));
        assertEquals(6, b.importSignature(sig(List.of(), List.of())).number());
    }

    @Test
    void stackAndMemoryInstructions() {
        FunctionBuilder b = new FunctionBuilder("mem", sig(List.of(I64), List.of(I64)));
        StackSlot ss = b.createStackSlot(16);
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        b.stackStore(e.param(0), ss, 8);
        Value addr = b.stackAddr(I64, ss, 0);
        b.store(MemFlags.of(MemFlags.Flag.NOTRAP, MemFlags.Flag.ALIGNED), e.param(0), addr, 0);
        Value v = b.load(I64, MemFlags.of(MemFlags.Flag.NOTRAP), addr, 8);
        Value w = b.stackLoad(I64, ss, 8);
        b.return_(b.iadd(v, w));
        String text = b.build().toString();
        assertTrue(text.contains("    ss0 = explicit_slot 16\n"), text);
        assertTrue(text.contains("stack_store v0, ss0+8"), text);
        assertTrue(text.contains("store notrap aligned v0, v1"), text);
        assertTrue(text.contains("v2 = load.i64 notrap v1+8"), text);
    }

    @Test
    void builtFunctionIsClosed() {
        FunctionBuilder b = new FunctionBuilder("c", sig(List.of(), List.of()));
        b.switchToBlock(b.createEntryBlock());
        b.return_();
        Function f = b.build();
        assertSame(f, b.build());
        assertThrows(IrBuildException.class, b::createBlock);
        FunctionBuilder other = new FunctionBuilder("o", sig(List.of(), List.of()));
        IrBuildException ex = assertThrows(IrBuildException.class, () -> other.iconst(I32, 1));
        assertTrue(ex.getMessage().contains("no current block"), ex.getMessage());
    }

    @Test
    void valuesOfAnotherFunctionAreRejected() {
        Function f = buildMax();
        FunctionBuilder b = new FunctionBuilder("x", sig(List.of(I32, I32), List.of()));
        b.switchToBlock(b.createEntryBlock());
        Value foreign = f.entryBlock().param(0);
        b.iconst(I32, 0);
        b.iconst(I32, 0);
        IrBuildException ex = assertThrows(IrBuildException.class, () -> b.ineg(foreign));
        assertTrue(ex.getMessage().contains("belongs to another function"), ex.getMessage());
    }

    @Test
    void moduleBuilderKeepsOrderAndRejectsDuplicates() {
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder a = mb.function("a", sig(List.of(), List.of()));
        a.switchToBlock(a.createEntryBlock());
        a.return_();
        FunctionBuilder z = mb.asyncFunction("z", sig(List.of(), List.of()));
        z.switchToBlock(z.createEntryBlock());
        z.return_();
        assertThrows(IrBuildException.class, () -> mb.function("a", sig(List.of(), List.of())));
        Module m = mb.build();
        assertEquals(List.of("a", "z"), m.functions().stream().map(Function::name).toList());
        assertTrue(m.function("z").isAsync());
        assertNull(m.function("b"));
    }

    @Test
    void structuralEqualitySeesDifferences() {
        assertTrue(StructuralEquality.equal(buildMax(), buildMax()));
        FunctionBuilder b = new FunctionBuilder("max", sig(List.of(I32, I32), List.of(I32)));
        Block entry = b.createEntryBlock();
        Block join = b.createBlock(I32);
        b.switchToBlock(entry);
        Value lt = b.icmp(IntCC.SLE, entry.param(0), entry.param(1));
        b.brif(lt, join, List.of(entry.param(1)), join, List.of(entry.param(0)));
        b.switchToBlock(join);
        b.return_(join.param(0));
        String d = StructuralEquality.difference(buildMax(), b.build());
        assertTrue(d != null && d.contains("instructions differ"), String.valueOf(d));
    }
}
