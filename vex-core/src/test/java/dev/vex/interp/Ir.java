package dev.vex.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.vex.exec.Outcome;
import dev.vex.ir.FuncRef;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Module;
import dev.vex.ir.Signature;
import dev.vex.ir.Type;
import java.util.Arrays;
import java.util.List;

/** Short forms for building test functions and checking outcomes. */
final class Ir {
    private Ir() {}

    static Signature sig(List<Type> params, List<Type> returns) {
        return Signature.of(params, returns);
    }

    static Signature sig(Type... params) {
        return Signature.of(List.of(params), List.of());
    }

    static Signature sigTo(Type ret, Type... params) {
        return Signature.of(List.of(params), List.of(ret));
    }

    // The runtime builtins, declared as a function body would declare them.
    static FuncRef yieldFn(FunctionBuilder b) {
        return b.importAsyncFunction("vex_yield", sig());
    }

    static FuncRef sleepFn(FunctionBuilder b) {
        return b.importAsyncFunction("vex_sleep", sig(Type.I64));
    }

    static FuncRef joinFn(FunctionBuilder b) {
        return b.importAsyncFunction("vex_join", sigTo(Type.I64, Type.I64));
    }

    static FuncRef chanNewFn(FunctionBuilder b) {
        return b.importFunction("vex_chan_new", sigTo(Type.I64, Type.I64));
    }

    static FuncRef chanSendFn(FunctionBuilder b) {
        return b.importAsyncFunction("vex_chan_send", sigTo(Type.I64, Type.I64, Type.I64));
    }

    static FuncRef chanRecvFn(FunctionBuilder b) {
        return b.importAsyncFunction("vex_chan_recv", sig(List.of(Type.I64), List.of(Type.I64, Type.I64)));
    }

    static FuncRef chanCloseFn(FunctionBuilder b) {
        return b.importFunction("vex_chan_close", sig(Type.I64));
    }

    static FuncRef allocFn(FunctionBuilder b) {
        return b.importFunction("vex_alloc", sigTo(Type.I64, Type.I64));
    }

    static FuncRef freeFn(FunctionBuilder b) {
        return b.importFunction("vex_free", sig(Type.I64));
    }

    /** Runs {@code name} and expects it to return {@code expected}. */
    static void assertReturns(Module m, String name, long[] args, long... expected) {
        assertReturns(new Interpreter(m), name, args, expected);
    }

    static void assertReturns(Interpreter interp, String name, long[] args, long... expected) {
        Outcome o = interp.run(name, args);
        assertEquals(new Outcome.Returned(expected), o, () -> "%" + name + Arrays.toString(args));
    }

    static Outcome.Failed assertFails(Outcome o) {
        return assertInstanceOf(Outcome.Failed.class, o, () -> "expected a failure, got " + o);
    }

    static long[] args(long... values) {
        return values;
    }
}
