package dev.vex.interp;

import static dev.vex.interp.Ir.args;
import static dev.vex.interp.Ir.assertFails;
import static dev.vex.interp.Ir.assertReturns;
import static dev.vex.interp.Ir.sigTo;
import static dev.vex.ir.Type.F64;
import static dev.vex.ir.Type.I32;
import static dev.vex.ir.Type.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.exec.Outcome;
import dev.vex.ir.Block;
import dev.vex.ir.FuncRef;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import dev.vex.ir.Opcode;
import dev.vex.ir.SigRef;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterpreterTrapTest {

    private static Module single(FunctionBuilder b) {
        return new ModuleBuilder().add(b.build()).build();
    }

    private static Outcome.Trapped trapped(TrapCode code, String fn) {
        return new Outcome.Trapped(code, fn);
    }

    @Test
    void unconditionalTrapWithUserCode() {
        FunctionBuilder b = new FunctionBuilder("boom", sigTo(I64));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        b.trap(TrapCode.user(7));
        assertEquals(trapped(TrapCode.user(7), "boom"), new Interpreter(single(b)).run("boom", args()));
    }

    @Test
    void conditionalTraps() {
        FunctionBuilder b = new FunctionBuilder("cond", sigTo(I64, I64, I64));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        b.trapz(e.param(0), TrapCode.UNREACHABLE);
        b.trapnz(e.param(1), TrapCode.user(1));
        b.return_(b.iadd(e.param(0), e.param(1)));
        Interpreter interp = new Interpreter(single(b));
        assertEquals(trapped(TrapCode.UNREACHABLE, "cond"), interp.run("cond", args(0, 0)));
        assertEquals(trapped(TrapCode.user(1), "cond"), interp.run("cond", args(5, 1)));
        assertReturns(interp, "cond", args(5, 0), 5);
    }

    @Test
    void divisionTraps() {
        FunctionBuilder b = new FunctionBuilder("div", sigTo(I32, I32, I32));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        b.return_(b.sdiv(e.param(0), e.param(1)));
        Interpreter interp = new Interpreter(single(b));
        assertEquals(trapped(TrapCode.INTEGER_DIVISION_BY_ZERO, "div"), interp.run("div", args(1, 0)));
        assertEquals(trapped(TrapCode.INTEGER_OVERFLOW, "div"), interp.run("div", args(Integer.MIN_VALUE, -1)));
        assertReturns(interp, "div", args(-7, 2), Integer.toUnsignedLong(-7 / 2));
    }

    @Test
    void floatToIntConversionTraps() {
        FunctionBuilder b = new FunctionBuilder("cvt", sigTo(I32, F64));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        b.return_(b.convert(Opcode.FCVT_TO_SINT, I32, e.param(0)));
        Interpreter interp = new Interpreter(single(b));
        assertEquals(trapped(TrapCode.BAD_CONVERSION_TO_INTEGER, "cvt"),
                interp.run("cvt", args(Double.doubleToRawLongBits(Double.NaN))));
        assertEquals(trapped(TrapCode.INTEGER_OVERFLOW, "cvt"), interp.run("cvt", args(Double.doubleToRawLongBits(3e9))));
        assertReturns(interp, "cvt", args(Double.doubleToRawLongBits(-2.75)), Integer.toUnsignedLong(-2));
    }

    @Test
    void uaddOverflowTrap() {
        FunctionBuilder b = new FunctionBuilder("add", sigTo(I32, I32, I32));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        b.return_(b.emit(new dev.vex.ir.InstructionSpec(Opcode.UADD_OVERFLOW_TRAP)
                .operands(e.param(0), e.param(1)).trapCode(TrapCode.user(3))).result());
        Interpreter interp = new Interpreter(single(b));
        assertEquals(trapped(TrapCode.user(3), "add"), interp.run("add", args(0xffff_fff0L, 0x10)));
        assertReturns(interp, "add", args(0xffff_fff0L, 0xf), 0xffff_ffffL);
    }

    /** A trap in a callee names the callee, not the function the run started in. */
    @Test
    void trapInCalleeNamesTheCallee() {
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder inner = mb.function("inner", sigTo(I64, I64));
        Block ie = inner.createEntryBlock();
        inner.switchToBlock(ie);
        inner.return_(inner.udiv(inner.iconst(I64, 10), ie.param(0)));
        FunctionBuilder outer = mb.function("outer", sigTo(I64, I64));
        FuncRef fn = outer.importFunction("inner", sigTo(I64, I64));
        Block oe = outer.createEntryBlock();
        outer.switchToBlock(oe);
        outer.return_(outer.call(fn, oe.param(0)).result());
        Interpreter interp = new Interpreter(mb.build());
        assertEquals(trapped(TrapCode.INTEGER_DIVISION_BY_ZERO, "inner"), interp.run("outer", args(0)));
        assertReturns(interp, "outer", args(3), 3);
    }

    /** Unbounded recursion hits the call-depth limit: stk_ovf; bounded recursion below it is fine. */
    @Test
    void callDepthOverflow() {
        FunctionBuilder b = new FunctionBuilder("down", sigTo(I64, I64));
        FuncRef self = b.importFunction("down", sigTo(I64, I64));
        Block e = b.createEntryBlock();
        Block rec = b.createBlock();
        Block done = b.createBlock();
        b.switchToBlock(e);
        b.brif(e.param(0), rec, done);
        b.switchToBlock(rec);
        Value r = b.call(self, b.iaddImm(e.param(0), -1)).result();
        b.return_(b.iaddImm(r, 1));
        b.switchToBlock(done);
        b.return_(b.iconst(I64, 0));
        Module m = single(b);
        Interpreter interp = new Interpreter(m, InterpreterOptions.DEFAULTS.withCallDepthLimit(100));
        assertReturns(interp, "down", args(99), 99); // 100 frames
        assertEquals(trapped(TrapCode.STACK_OVERFLOW, "down"), interp.run("down", args(100)));
        assertEquals(trapped(TrapCode.STACK_OVERFLOW, "down"), new Interpreter(m).run("down", args(-1)));
    }

    /** func_addr gives opaque, non-zero addresses that call_indirect maps back; i32 ones too. */
    @Test
    void funcAddrAndCallIndirect() {
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder dbl = mb.function("double", sigTo(I64, I64));
        Block de = dbl.createEntryBlock();
        dbl.switchToBlock(de);
        dbl.return_(dbl.iadd(de.param(0), de.param(0)));
        FunctionBuilder sq = mb.function("square", sigTo(I64, I64));
        Block se = sq.createEntryBlock();
        sq.switchToBlock(se);
        sq.return_(sq.imul(se.param(0), se.param(0)));

        // pick(which, x): which selects the callee by address; also returns the addresses.
        FunctionBuilder pick = mb.function("pick", Ir.sig(List.of(I64, I64), List.of(I64, I64, I64, I32)));
        FuncRef fd = pick.importFunction("double", sigTo(I64, I64));
        FuncRef fs = pick.importFunction("square", sigTo(I64, I64));
        SigRef sig = pick.importSignature(sigTo(I64, I64));
        Block pe = pick.createEntryBlock();
        pick.switchToBlock(pe);
        Value ad = pick.funcAddr(I64, fd);
        Value as = pick.funcAddr(I64, fs);
        Value as32 = pick.funcAddr(I32, fs);
        Value target = pick.select(pe.param(0), as, ad);
        Value r = pick.callIndirect(sig, target, List.of(pe.param(1))).result();
        pick.return_(r, ad, as, as32);
        Module m = mb.build();
        Interpreter interp = new Interpreter(m);
        Outcome.Returned sq7 = (Outcome.Returned) interp.run("pick", args(1, 7));
        Outcome.Returned dbl7 = (Outcome.Returned) interp.run("pick", args(0, 7));
        assertEquals(49, sq7.values()[0]);
        assertEquals(14, dbl7.values()[0]);
        long addrDouble = sq7.values()[1];
        long addrSquare = sq7.values()[2];
        assertNotEquals(0, addrDouble);
        assertNotEquals(0, addrSquare);
        assertNotEquals(addrDouble, addrSquare);
        assertEquals(addrSquare, sq7.values()[3], "an i32 function address is the same token");
        assertEquals(addrDouble, dbl7.values()[1], "addresses are stable across runs");
    }

    @Test
    void callIndirectToANonFunctionFails() {
        FunctionBuilder b = new FunctionBuilder("wild", sigTo(I64, I64));
        SigRef sig = b.importSignature(sigTo(I64, I64));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        b.return_(b.callIndirect(sig, e.param(0), List.of(e.param(0))).result());
        Outcome o = new Interpreter(single(b)).run("wild", args(0x1234));
        assertTrue(assertFails(o).reason().contains("call_indirect"), o.toString());
    }
}
