package dev.vex.verify;

import static dev.vex.analysis.AsyncSamples.sig;
import static dev.vex.ir.Type.I32;
import static dev.vex.ir.Type.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.ir.AbiParam;
import dev.vex.ir.Block;
import dev.vex.ir.FuncRef;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import dev.vex.ir.ParamFlag;
import dev.vex.ir.SigRef;
import dev.vex.ir.Signature;
import dev.vex.ir.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Declarations against definitions and builtins, and the async rules of call-like instructions. */
class CalleeRulesTest {

    private static final Signature I64_TO_I64 = sig(List.of(I64), List.of(I64));

    /** Emits the body of %f before its return. */
    private interface Body {
        void emit(FunctionBuilder b, Value x);
    }

    /** A module with a sync %sync_g and an async %async_g, both (i64) -> i64, then %f made by {@code body}. */
    private static Module module(boolean callerAsync, Body body) {
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder s = mb.function("sync_g", I64_TO_I64);
        Block s0 = s.createEntryBlock();
        s.switchToBlock(s0);
        s.return_(s0.param(0));
        FunctionBuilder a = mb.asyncFunction("async_g", I64_TO_I64);
        Block a0 = a.createEntryBlock();
        a.switchToBlock(a0);
        a.return_(a0.param(0));
        FunctionBuilder f = callerAsync ? mb.asyncFunction("f", I64_TO_I64) : mb.function("f", I64_TO_I64);
        Block f0 = f.createEntryBlock();
        f.switchToBlock(f0);
        body.emit(f, f0.param(0));
        f.return_(f0.param(0));
        return mb.build();
    }

    @Test
    void callOfSyncAndAwaitOfAsyncAreFine() {
        Verify.assertClean(module(true, (b, x) -> {
            b.call(b.importFunction("sync_g", I64_TO_I64), x);
            b.await_(b.importAsyncFunction("async_g", I64_TO_I64), x);
            b.awaitBoxed(b.importAsyncFunction("async_g", I64_TO_I64), x);
            b.spawn(b.importAsyncFunction("async_g", I64_TO_I64), x);
        }));
        Verify.assertClean(module(false, (b, x) -> b.spawn(b.importAsyncFunction("async_g", I64_TO_I64), x)));
    }

    @Test
    void callOfAnAsyncCallee() {
        VerifierError e = Verify.assertOneError(module(false,
                (b, x) -> b.call(b.importAsyncFunction("async_g", I64_TO_I64), x)), Rule.ASYNC, "async");
        assertEquals("v1 = call fn0(v0)", e.instruction());
    }

    @Test
    void awaitInASyncFunction() {
        Verify.assertOneError(module(false, (b, x) -> b.await_(b.importAsyncFunction("async_g", I64_TO_I64), x)),
                Rule.ASYNC, "await in the sync function %f", "only an async function may await");
        Verify.assertOneError(module(false, (b, x) -> b.awaitBoxed(b.importAsyncFunction("async_g", I64_TO_I64), x)),
                Rule.ASYNC, "await_boxed in the sync function %f");
    }

    @Test
    void awaitOfASyncCallee() {
        Verify.assertOneError(module(true, (b, x) -> b.await_(b.importFunction("sync_g", I64_TO_I64), x)),
                Rule.ASYNC, "await of the sync function %sync_g", "use call");
    }

    @Test
    void spawnNeedsAnAsyncCallee() {
        VerifierError e = Verify.assertOneError(module(true, (b, x) -> b.spawn(b.importFunction("sync_g", I64_TO_I64), x)),
                Rule.ASYNC, "spawn of the sync function %sync_g", "%vex_join");
        assertEquals("v1 = spawn fn0(v0)", e.instruction());
    }

    @Test
    void funcAddrOfEitherKindIsAValue() {
        Verify.assertClean(module(false, (b, x) -> b.funcAddr(I64, b.importFunction("sync_g", I64_TO_I64))));
        Verify.assertClean(module(false, (b, x) -> b.funcAddr(I64, b.importAsyncFunction("async_g", I64_TO_I64))));
    }

    @Test
    void awaitIndirectOnlyInAsyncFunctions() {
        Verify.assertClean(module(true, (b, x) -> {
            Value f = b.funcAddr(I64, b.importAsyncFunction("async_g", I64_TO_I64));
            b.awaitIndirect(b.importSignature(I64_TO_I64), f, List.of(x));
        }));
        VerifierError e = Verify.assertOneError(module(false, (b, x) -> {
            Value f = b.funcAddr(I64, b.importAsyncFunction("async_g", I64_TO_I64));
            b.awaitIndirect(b.importSignature(I64_TO_I64), f, List.of(x));
        }), Rule.ASYNC, "await_indirect in the sync function", "only an async function may await");
        assertTrue(e.instruction().contains("await_indirect sig"), e::toString);
    }

    @Test
    void spawnIndirectYieldsAHandleAndPassesItsSignature() {
        Verify.assertClean(module(false, (b, x) -> {
            Value f = b.funcAddr(I64, b.importAsyncFunction("async_g", I64_TO_I64));
            b.spawnIndirect(b.importSignature(I64_TO_I64), f, List.of(x));
        }));
    }

    @Test
    void callIndirectAgainstItsSignature() {
        Verify.assertClean(module(false, (b, x) -> {
            Value addr = b.funcAddr(I64, b.importFunction("sync_g", I64_TO_I64));
            SigRef s = b.importSignature(I64_TO_I64);
            b.callIndirect(s, addr, List.of(x));
        }));
    }

    @Test
    void declarationMustMatchTheDefinition() {
        VerifierError e = Verify.assertOneError(module(false,
                (b, x) -> b.call(b.importFunction("sync_g", sig(List.of(I32), List.of(I64))), b.ireduce(I32, x))),
                Rule.CALL, "fn0 = %sync_g(i32) -> i64 does not match the definition of %sync_g(i64) -> i64");
        assertNull(e.block());
        Verify.assertOneError(module(false, (b, x) -> b.call(b.importFunction("sync_g", sig(List.of(I64), List.of())), x)),
                Rule.CALL, "does not match");
        Signature borrowing = new Signature(List.of(AbiParam.of(I64, ParamFlag.BORROW)), List.of(AbiParam.of(I64)), null);
        Verify.assertOneError(module(false, (b, x) -> b.call(b.importFunction("sync_g", borrowing), x)),
                Rule.CALL, "(i64 borrow) -> i64 does not match");
    }

    @Test
    void declarationMustMatchTheKind() {
        Verify.assertOneError(module(true, (b, x) -> b.call(b.importFunction("async_g", I64_TO_I64), x)),
                Rule.ASYNC, "declares %async_g sync, but it is an async function");
        Verify.assertOneError(module(true, (b, x) -> b.await_(b.importAsyncFunction("sync_g", I64_TO_I64), x)),
                Rule.ASYNC, "declares %sync_g async, but it is a sync function");
    }

    @Test
    void externalCalleesAreTakenOnTrust() {
        Verify.assertClean(module(false, (b, x) -> b.call(b.importFunction("memcpy", sig(List.of(I64, I64, I64), List.of())), x, x, x)));
    }

    @Test
    void builtinsHaveTheirSignatureAndKind() {
        Verify.assertClean(module(true, (b, x) -> {
            b.await_(b.importAsyncFunction("vex_yield", sig(List.of(), List.of())));
            Value ch = b.call(b.importFunction("vex_chan_new", I64_TO_I64), x).result();
            b.await_(b.importAsyncFunction("vex_chan_recv", sig(List.of(I64), List.of(I64, I64))), ch);
            b.call(b.importFunction("vex_free", sig(List.of(I64), List.of())), b.call(b.importFunction("vex_alloc", I64_TO_I64), x).result());
        }));
        VerifierError e = Verify.assertOneError(module(true,
                (b, x) -> b.await_(b.importAsyncFunction("vex_sleep", sig(List.of(), List.of())))),
                Rule.BUILTIN, "fn0 = async %vex_sleep()", "it is async %vex_sleep(i64)");
        assertNull(e.instruction());
        Verify.assertOneError(module(false, (b, x) -> b.call(b.importFunction("vex_join", I64_TO_I64), x)),
                Rule.BUILTIN, "it is async %vex_join(i64) -> i64");
        Verify.assertOneError(module(true, (b, x) -> b.await_(b.importAsyncFunction("vex_alloc", I64_TO_I64), x)),
                Rule.BUILTIN, "it is %vex_alloc(i64) -> i64");
        Verify.assertOneError(module(false, (b, x) -> b.call(b.importFunction("vex_chan_new", sig(List.of(I32), List.of(I64))),
                b.ireduce(I32, x))), Rule.BUILTIN, "%vex_chan_new(i32) -> i64");
    }

    @Test
    void ioBuiltinsHaveTheirSignatureAndKind() {
        Signature rw = sig(List.of(I64, I64, I64), List.of(I64));
        Verify.assertClean(module(true, (b, x) -> {
            Value s = b.await_(b.importAsyncFunction("vex_tcp_connect", sig(List.of(I64, I64), List.of(I64))), x, x).result();
            b.await_(b.importAsyncFunction("vex_tcp_read", rw), s, x, x);
            b.await_(b.importAsyncFunction("vex_tcp_write", rw), s, x, x);
            b.call(b.importFunction("vex_tcp_shutdown", I64_TO_I64), s);
            b.await_(b.importAsyncFunction("vex_tcp_close", I64_TO_I64), s);
        }));
        Verify.assertOneError(module(true, (b, x) -> b.await_(b.importAsyncFunction("vex_tcp_read",
                sig(List.of(I64, I64), List.of(I64))), x, x)),
                Rule.BUILTIN, "fn0 = async %vex_tcp_read(i64, i64) -> i64",
                "it is async %vex_tcp_read(i64, i64, i64) -> i64");
        Verify.assertOneError(module(true, (b, x) -> b.await_(b.importAsyncFunction("vex_tcp_write",
                sig(List.of(I64, I64, I64), List.of())), x, x, x)),
                Rule.BUILTIN, "it is async %vex_tcp_write(i64, i64, i64) -> i64");
        Verify.assertOneError(module(false, (b, x) -> b.call(b.importFunction("vex_tcp_close", I64_TO_I64), x)),
                Rule.BUILTIN, "it is async %vex_tcp_close(i64) -> i64");
        Verify.assertOneError(module(true, (b, x) -> b.await_(b.importAsyncFunction("vex_tcp_local_port", I64_TO_I64), x)),
                Rule.BUILTIN, "it is %vex_tcp_local_port(i64) -> i64");
        Verify.assertOneError(module(true, (b, x) -> b.await_(b.importAsyncFunction("vex_join_status", I64_TO_I64), x)),
                Rule.BUILTIN, "it is async %vex_join_status(i64) -> i64, i64");
    }

    @Test
    void aModuleFunctionShadowsABuiltinName() {
        ModuleBuilder mb = new ModuleBuilder();
        FunctionBuilder own = mb.function("vex_yield", sig(List.of(I64), List.of(I64)));
        Block o = own.createEntryBlock();
        own.switchToBlock(o);
        own.return_(o.param(0));
        FunctionBuilder f = mb.function("f", I64_TO_I64);
        FuncRef r = f.importFunction("vex_yield", I64_TO_I64);
        Block f0 = f.createEntryBlock();
        f.switchToBlock(f0);
        f.return_(f.call(r, f0.param(0)).result());
        Verify.assertClean(mb.build());
    }
}
