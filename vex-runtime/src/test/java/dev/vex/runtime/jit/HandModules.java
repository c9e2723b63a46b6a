package dev.vex.runtime.jit;

import static dev.vex.ir.Type.*;
import static dev.vex.runtime.jit.HandModule.sig;
import static dev.vex.x64.asm.Gpr.*;
import static dev.vex.x64.asm.Mem.mem;
import static dev.vex.x64.asm.Xmm.*;

import dev.vex.code.Label;
import java.util.List;

/** The hand-assembled functions the JIT tests run. */
final class HandModules {
    private HandModules() {
    }

    /** Adds, multi-value returns, no arguments, no results, and external calls. */
    static HandModule values() {
        HandModule m = new HandModule();
        m.function("add_i8", sig(List.of(I8, I8), List.of(I8)), a -> a.lea(EAX, mem(RDI, RSI, 1, 0)).ret());
        m.function("add_i16", sig(List.of(I16, I16), List.of(I16)), a -> a.lea(EAX, mem(RDI, RSI, 1, 0)).ret());
        m.function("add_i32", sig(List.of(I32, I32), List.of(I32)), a -> a.lea(EAX, mem(RDI, RSI, 1, 0)).ret());
        m.function("add_i64", sig(List.of(I64, I64), List.of(I64)), a -> a.lea(RAX, mem(RDI, RSI, 1, 0)).ret());
        m.function("add_f32", sig(List.of(F32, F32), List.of(F32)), a -> a.addss(XMM0, XMM1).ret());
        m.function("add_f64", sig(List.of(F64, F64), List.of(F64)), a -> a.addsd(XMM0, XMM1).ret());
        // (a + b, a - b)
        m.function("pair", sig(List.of(I64, I64), List.of(I64, I64)),
                a -> a.lea(RAX, mem(RDI, RSI, 1, 0)).mov(RDX, RDI).sub(RDX, RSI).ret());
        // (x: f64, n: i32) -> (2n: i32, x + x: f64)
        m.function("mixed", sig(List.of(F64, I32), List.of(I32, F64)),
                a -> a.lea(EAX, mem(RDI, RDI, 1, 0)).addsd(XMM0, XMM0).ret());
        // triple(x) -> (x + 1, x + 2, 3x) in rax, rdx, rcx: an internal convention that only its
        // hand-written array entry knows.
        m.function("triple", sig(List.of(I64), List.of(I64, I64, I64)),
                a -> a.lea(RAX, mem(RDI, 1)).lea(RDX, mem(RDI, 2)).lea(RCX, mem(RDI, RDI, 2, 0)).ret(),
                a -> a.push(RBX).mov(RBX, RSI).mov(RDI, mem(RDI, 0)).call("triple")
                        .mov(mem(RBX, 0), RAX).mov(mem(RBX, 8), RDX).mov(mem(RBX, 16), RCX).pop(RBX).ret());
        m.function("const42", sig(List.of(), List.of(I64)), a -> a.mov(EAX, 42).ret());
        m.function("nothing", sig(List.of(I64), List.of()), a -> a.ret());
        // fma(x, y, z) from libm through a call stub (rel32)
        m.function("fma_call", sig(List.of(F64, F64, F64), List.of(F64)),
                a -> a.sub(RSP, 8).call("fma").add(RSP, 8).ret());
        // fmaf through an absolute address (abs64)
        m.function("fmaf_abs", sig(List.of(F32, F32, F32), List.of(F32)),
                a -> a.sub(RSP, 8).movabs(RAX, "fmaf", 0).call(RAX).add(RSP, 8).ret());
        // vex_alloc from libvexrt, as a tail jump through its stub
        m.function("alloc", sig(List.of(I64), List.of(I64)), a -> a.jmp("vex_alloc"));
        return m;
    }

    /** Traps: a function that traps with its argument as the code, a caller of it, and unbounded recursion. */
    static HandModule traps() {
        HandModule m = new HandModule();
        // The call leaves rsp misaligned for vex_trap on purpose: a stack-check trap site does too.
        m.function("trap_with", sig(List.of(I32), List.of()), a -> a.mov(EDI, EDI).call("vex_trap"));
        m.function("calls_trap", sig(List.of(I32), List.of(I64)),
                a -> a.sub(RSP, 8).call("trap_with").add(RSP, 8).mov(EAX, 1).ret());
        // forever(n) = forever(n + 1) + 1, with a 64-byte frame and the prologue's stack check.
        m.function("forever", sig(List.of(I64), List.of(I64)), a -> {
            Label overflow = a.newLabel();
            HandModule.stackCheck(a, 64, overflow);
            a.push(RBP).mov(RBP, RSP).sub(RSP, 48);
            a.add(RDI, 1).call("forever").add(RAX, 1);
            a.mov(RSP, RBP).pop(RBP).ret();
            a.bind(overflow).mov(EDI, 1).call("vex_trap");
        });
        // depth(n): recurses n times with the same check, then returns n.
        m.function("depth", sig(List.of(I64), List.of(I64)), a -> {
            Label overflow = a.newLabel();
            Label base = a.newLabel();
            HandModule.stackCheck(a, 64, overflow);
            a.test(RDI, RDI).jcc(dev.vex.x64.asm.Cond.E, base);
            a.push(RBP).mov(RBP, RSP).sub(RSP, 48);
            a.sub(RDI, 1).call("depth").add(RAX, 1);
            a.mov(RSP, RBP).pop(RBP).ret();
            a.bind(base).xor(EAX, EAX).ret();
            a.bind(overflow).mov(EDI, 1).call("vex_trap");
        });
        return m;
    }
}
