package dev.vex.runtime.jit;

import static dev.vex.x64.asm.Gpr.*;
import static dev.vex.x64.asm.Mem.mem;

import dev.vex.backend.CompiledFunction;
import dev.vex.backend.CompiledModule;
import dev.vex.code.CodeBuffer;
import dev.vex.code.FixupFormat;
import dev.vex.ir.Signature;
import dev.vex.ir.Type;
import dev.vex.x64.asm.CpuFeatures;
import dev.vex.x64.asm.Gpr;
import dev.vex.x64.asm.Mem;
import dev.vex.x64.asm.X64Assembler;
import dev.vex.x64.asm.Xmm;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds a {@link CompiledModule} by hand with the x64 assembler, the way the compiler will:
 * each function under its own symbol with the System V convention (integer results in rax, rdx;
 * float results in xmm0, xmm1), followed by its array entry {@code <name>$array}, which loads one
 * slot per parameter, calls the function and stores one canonical slot per result.
 */
final class HandModule {
    private static final Gpr[] INT_ARGS = {RDI, RSI, RDX, RCX, R8, R9};
    private static final Gpr[] INT_RESULTS = {RAX, RDX};

    private final CodeBuffer buf = new CodeBuffer();
    private final X64Assembler asm = new X64Assembler(buf, CpuFeatures.none());
    private final List<CompiledFunction> functions = new ArrayList<>();

    static Signature sig(List<Type> params, List<Type> results) {
        return Signature.of(params, results);
    }

    /** A function with a generated array entry. */
    HandModule function(String name, Signature sig, Consumer<X64Assembler> body) {
        int start = buf.position();
        asm.defineSymbol(name);
        body.accept(asm);
        int size = buf.position() - start;
        arrayEntry(name, sig);
        functions.add(new CompiledFunction(name, sig, false, name, start, size, name + "$array"));
        return this;
    }

    /** A function whose array entry is written by hand too ({@code entry} gets rdi = args, rsi = results). */
    HandModule function(String name, Signature sig, Consumer<X64Assembler> body, Consumer<X64Assembler> entry) {
        int start = buf.position();
        asm.defineSymbol(name);
        body.accept(asm);
        int size = buf.position() - start;
        asm.defineSymbol(name + "$array");
        entry.accept(asm);
        functions.add(new CompiledFunction(name, sig, false, name, start, size, name + "$array"));
        return this;
    }

    /**
     * The prologue's stack check as the compiler emits it: {@code mov r11, [rip + vex_stack_limit@gottpoff];
     * lea rax, [rsp - frame]; cmp rax, fs:[r11]; jb overflow}. Clobbers rax and r11.
     */
    static void stackCheck(X64Assembler a, int frame, dev.vex.code.Label overflow) {
        a.mov(R11, Mem.rip(0));
        CodeBuffer b = a.buffer();
        b.addRelocation(b.position() - 4, FixupFormat.TLS_IE_PC_REL32, RuntimeSymbols.STACK_LIMIT, -4);
        a.lea(RAX, mem(RSP, -frame));
        b.put1(0x64); // fs segment prefix
        a.cmp(RAX, mem(R11));
        a.jcc(dev.vex.x64.asm.Cond.B, overflow);
    }

    private void arrayEntry(String name, Signature sig) {
        asm.defineSymbol(name + "$array");
        asm.push(RBX).push(R12).sub(RSP, 8); // rsp 16-aligned at the call
        asm.mov(RBX, RSI).mov(R11, RDI);
        int ints = 0;
        int floats = 0;
        for (int i = 0; i < sig.params().size(); i++) {
            Type t = sig.paramType(i);
            if (t.isFloat()) {
                asm.movq(Xmm.of(floats++), mem(R11, 8 * i));
            } else {
                asm.mov(INT_ARGS[ints++], mem(R11, 8 * i));
            }
        }
        asm.call(name);
        ints = 0;
        floats = 0;
        for (int j = 0; j < sig.returns().size(); j++) {
            Type t = sig.returnType(j);
            if (t == Type.F64) {
                asm.movq(mem(RBX, 8 * j), Xmm.of(floats++));
            } else if (t == Type.F32) {
                asm.movd(ECX, Xmm.of(floats++)); // zero-extends into rcx
                asm.mov(mem(RBX, 8 * j), RCX);
            } else {
                Gpr r = INT_RESULTS[ints++];
                switch (t) {
                    case I8 -> asm.movzx(ECX, r.withBits(8));
                    case I16 -> asm.movzx(ECX, r.withBits(16));
                    case I32 -> asm.mov(ECX, r.withBits(32));
                    default -> asm.mov(RCX, r);
                }
                asm.mov(mem(RBX, 8 * j), RCX);
            }
        }
        asm.add(RSP, 8).pop(R12).pop(RBX).ret();
    }

    X64Assembler asm() {
        return asm;
    }

    CompiledModule build() {
        return new CompiledModule("x64", buf.finish(), buf.symbols(), buf.relocations(), functions, null);
    }
}
