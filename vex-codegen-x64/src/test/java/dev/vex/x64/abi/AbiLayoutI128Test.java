package dev.vex.x64.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.ir.Signature;
import dev.vex.ir.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where {@link AbiLayout} puts i128 halves: System V's {@code __int128} rules. */
class AbiLayoutI128Test {
    private static Signature sig(List<Type> params, List<Type> returns) {
        return Signature.of(params, returns);
    }

    @Test
    void anI128TakesTwoConsecutiveRegistersAndReturnsInRaxRdx() {
        AbiLayout l = AbiLayout.of(sig(List.of(Type.I64, Type.I128, Type.I32), List.of(Type.I128)));
        assertEquals(X64MachineSpec.RDI, l.param(0));
        assertEquals(AbiLayout.NO_HIGH, l.paramHigh(0));
        assertEquals(X64MachineSpec.RSI, l.param(1));
        assertEquals(X64MachineSpec.RDX, l.paramHigh(1));
        assertEquals(X64MachineSpec.RCX, l.param(2));
        assertEquals(X64MachineSpec.RAX, l.result(0));
        assertEquals(X64MachineSpec.RDX, l.resultHigh(0));
        assertFalse(l.hasReturnArea());
    }

    @Test
    void anI128WithOneRegisterLeftGoesToTheStackAndALaterIntegerStillTakesThatRegister() {
        AbiLayout m = AbiLayout.of(sig(List.of(Type.I64, Type.I64, Type.I64, Type.I64, Type.I64, Type.I128, Type.I64,
                Type.I128), List.of()));
        assertTrue(AbiLayout.isStack(m.param(5)));
        assertEquals(0, AbiLayout.stackOffset(m.param(5)));
        assertEquals(8, AbiLayout.stackOffset(m.paramHigh(5)));
        assertEquals(X64MachineSpec.R9, m.param(6), "the i64 after a spilled i128 takes the register left");
        assertEquals(16, AbiLayout.stackOffset(m.param(7)));
        assertEquals(24, AbiLayout.stackOffset(m.paramHigh(7)));
        assertEquals(32, m.stackArgBytes());
    }

    @Test
    void anI128ResultWithoutBothRegistersTakesTwoReturnAreaSlots() {
        AbiLayout l = AbiLayout.of(sig(List.of(Type.I128), List.of(Type.I64, Type.I128, Type.I64)));
        assertEquals(X64MachineSpec.RAX, l.result(0));
        assertEquals(-1 - 0, l.result(1));
        assertEquals(-1 - 8, l.resultHigh(1));
        assertEquals(X64MachineSpec.RDX, l.result(2));
        assertTrue(l.hasReturnArea());
        assertEquals(16, l.returnAreaBytes());
        // The hidden return-area pointer takes rdi, so the i128 parameter is in rsi:rdx.
        assertEquals(X64MachineSpec.RSI, l.param(0));
        assertEquals(X64MachineSpec.RDX, l.paramHigh(0));
    }

    @Test
    void aStackI128IsAlignedTo16Bytes() {
        AbiLayout l = AbiLayout.of(sig(List.of(Type.I64, Type.I64, Type.I64, Type.I64, Type.I64, Type.I64, Type.I64,
                Type.I128), List.of()));
        assertEquals(0, AbiLayout.stackOffset(l.param(6)));
        assertEquals(16, AbiLayout.stackOffset(l.param(7)));
        assertEquals(24, AbiLayout.stackOffset(l.paramHigh(7)));
        assertEquals(32, l.stackArgBytes());
    }
}
