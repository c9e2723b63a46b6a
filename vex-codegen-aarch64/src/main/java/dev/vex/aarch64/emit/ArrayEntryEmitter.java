package dev.vex.aarch64.emit;

import static dev.vex.aarch64.asm.Reg.SP;
import static dev.vex.aarch64.asm.Reg.X0;
import static dev.vex.aarch64.asm.Reg.X1;
import static dev.vex.aarch64.asm.Reg.X16;
import static dev.vex.aarch64.asm.Reg.X19;
import static dev.vex.aarch64.asm.Reg.X20;
import static dev.vex.aarch64.asm.Reg.X29;
import static dev.vex.aarch64.asm.Reg.X30;
import static dev.vex.aarch64.asm.Reg.X8;

import dev.vex.aarch64.abi.A64MachineSpec;
import dev.vex.aarch64.abi.Aapcs64Layout;
import dev.vex.aarch64.asm.A64Assembler;
import dev.vex.aarch64.asm.Mem;
import dev.vex.aarch64.asm.Reg;
import dev.vex.aarch64.asm.VReg;
import dev.vex.backend.BackendException;
import dev.vex.code.Label;
import dev.vex.ir.Signature;

/**
 * The array-call entry of a function, {@code void entry(const uint64_t *args, uint64_t *results)}:
 * loads one canonical 64-bit slot per parameter into its register or stack slot, passes a return
 * area in x8 when the function needs one, calls the function, and stores every result as a
 * canonical slot (a float as the bits of its D register). Keeps args and results in x20 and x19,
 * saved beside the frame record.
 */
public final class ArrayEntryEmitter {
    private ArrayEntryEmitter() {
    }

    public static void emit(A64Assembler asm, String symbol, Signature sig, Label function) {
        Aapcs64Layout abi = Aapcs64Layout.of(sig);
        int area = (abi.stackArgBytes() + abi.returnAreaBytes() + 15) & -16;
        if (area >= 4096) {
            throw new BackendException(symbol, "the array entry's argument area of " + area + " bytes is too big");
        }
        asm.buffer().defineSymbol(symbol);
        asm.stp(X29, X30, Mem.preIndex(SP, -32));
        asm.mov(X29, SP);
        asm.stp(X19, X20, Mem.at(SP, 16));
        asm.mov(X19, X1);
        asm.mov(X20, X0);
        if (area > 0) {
            asm.sub(SP, SP, area);
        }
        for (int i = 0; i < sig.params().size(); i++) {
            int loc = abi.param(i);
            if (Aapcs64Layout.isStack(loc)) {
                asm.ldr(X16, Mem.at(X20, 8L * i));
                asm.str(X16, Mem.at(SP, Aapcs64Layout.stackOffset(loc)));
            } else if (loc >= A64MachineSpec.V0) {
                asm.ldr(VReg.d(loc - A64MachineSpec.V0), Mem.at(X20, 8L * i));
            } else {
                asm.ldr(Reg.x(loc), Mem.at(X20, 8L * i));
            }
        }
        if (abi.hasReturnArea()) {
            asm.add(X8, SP, abi.stackArgBytes());
        }
        asm.bl(function);
        for (int i = 0; i < sig.returns().size(); i++) {
            int loc = abi.result(i);
            if (Aapcs64Layout.isStack(loc)) {
                asm.ldr(X16, Mem.at(SP, abi.stackArgBytes() + Aapcs64Layout.stackOffset(loc)));
                asm.str(X16, Mem.at(X19, 8L * i));
            } else if (loc >= A64MachineSpec.V0) {
                // An S register's write cleared the D register's upper half: the slot is canonical.
                asm.str(VReg.d(loc - A64MachineSpec.V0), Mem.at(X19, 8L * i));
            } else {
                asm.str(Reg.x(loc), Mem.at(X19, 8L * i));
            }
        }
        asm.mov(SP, X29);
        asm.ldp(X19, X20, Mem.at(SP, 16));
        asm.ldp(X29, X30, Mem.postIndex(SP, 32));
        asm.ret();
    }
}
