package dev.vex.aarch64.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.ir.Signature;
import dev.vex.ir.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Argument and result assignment under AAPCS64: registers per class, then the stack or x8's area. */
class Aapcs64LayoutTest {
    private static final int V0 = A64MachineSpec.V0;

    @Test
    void mixedArgumentsCountEachClassOnItsOwn() {
        Aapcs64Layout l = Aapcs64Layout.of(Signature.of(List.of(Type.I64, Type.F64, Type.I32, Type.F32, Type.I8), List.of(Type.I32)));
        assertEquals(0, l.param(0));
        assertEquals(V0, l.param(1));
        assertEquals(1, l.param(2));
        assertEquals(V0 + 1, l.param(3));
        assertEquals(2, l.param(4));
        assertEquals(0, l.result(0));
        assertFalse(l.hasReturnArea());
        assertEquals(0, l.stackArgBytes());
    }

    @Test
    void theNinthOfAClassGoesOnTheStack() {
        List<Type> params = new ArrayList<>(Collections.nCopies(10, Type.I64));
        params.addAll(Collections.nCopies(9, Type.F64));
        params.add(Type.I32);
        Aapcs64Layout l = Aapcs64Layout.of(Signature.of(params, List.of()));
        for (int i = 0; i < 8; i++) {
            assertEquals(i, l.param(i));
            assertEquals(V0 + i, l.param(10 + i));
        }
        // Stack slots in parameter order, 8 bytes each: i64 #8, i64 #9, f64 #8, i32.
        assertEquals(0, Aapcs64Layout.stackOffset(l.param(8)));
        assertEquals(8, Aapcs64Layout.stackOffset(l.param(9)));
        assertEquals(16, Aapcs64Layout.stackOffset(l.param(18)));
        assertEquals(24, Aapcs64Layout.stackOffset(l.param(19)));
        assertTrue(Aapcs64Layout.isStack(l.param(19)));
        assertEquals(32, l.stackArgBytes());
        assertEquals(32, l.stackArgBytesAligned());
        Aapcs64Layout odd = Aapcs64Layout.of(Signature.of(Collections.nCopies(9, Type.I64), List.of()));
        assertEquals(8, odd.stackArgBytes());
        assertEquals(16, odd.stackArgBytesAligned(), "sp stays 16-byte aligned");
    }

    @Test
    void resultsBeyondEightPerClassGoToTheAreaInX8() {
        List<Type> returns = new ArrayList<>(Collections.nCopies(9, Type.I64));
        returns.add(Type.F32);
        returns.add(Type.I8);
        Aapcs64Layout l = Aapcs64Layout.of(Signature.of(List.of(Type.I64), returns));
        for (int i = 0; i < 8; i++) {
            assertEquals(i, l.result(i));
        }
        assertEquals(0, Aapcs64Layout.stackOffset(l.result(8)));
        assertEquals(V0, l.result(9));
        assertEquals(8, Aapcs64Layout.stackOffset(l.result(10)));
        assertTrue(l.hasReturnArea());
        assertEquals(16, l.returnAreaBytes());
        assertEquals(8, Aapcs64Layout.returnAreaRegister());
        assertEquals(0, l.param(0), "the area's address takes no argument register");
    }
}
