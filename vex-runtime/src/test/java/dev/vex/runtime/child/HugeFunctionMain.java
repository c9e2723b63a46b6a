package dev.vex.runtime.child;

import dev.vex.exec.Outcome;
import dev.vex.interp.Interpreter;
import dev.vex.ir.Block;
import dev.vex.ir.FuncRef;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import dev.vex.ir.Signature;
import dev.vex.ir.Type;
import dev.vex.ir.Value;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.Vex;
import dev.vex.runtime.VexRuntime;
import dev.vex.verify.Verifier;
import java.util.List;

/**
 * Child-JVM main for {@link HugeFunctionTest}: builds one sync and one async function of N
 * blocks each (a chain of blocks passing an accumulator, the parameter live through all of
 * them, the async one awaiting {@code vex_yield} every 1,000 blocks), then verifies, compiles,
 * links and runs both natively and on the interpreter, and prints {@code ok SYNC ASYNC}.
 */
public final class HugeFunctionMain {
    private HugeFunctionMain() {
    }

    public static void main(String[] args) {
        int blocks = Integer.parseInt(args[0]);
        Module module = new ModuleBuilder().add(chain("huge", blocks, false)).add(chain("huge_async", blocks, true)).build();
        Verifier.check(module);
        if (blocks < 10) {
            System.out.println(module);
        }
        Outcome sync = new Interpreter(module).run("huge", new long[] {2});
        Outcome async = new Interpreter(module).run("huge_async", new long[] {2});
        long expected = 2L * blocks;
        check("interpreter, sync", sync, expected);
        check("interpreter, async", async, expected);
        try (NativeModule nm = Vex.compile(module); VexRuntime rt = VexRuntime.create(1)) {
            long nativeSync = nm.function("huge").invokeLong(2);
            Object nativeAsync = rt.blockOn(nm.function("huge_async"), 2L);
            if (nativeSync != expected || !Long.valueOf(expected).equals(nativeAsync)) {
                throw new AssertionError("native: " + nativeSync + ", " + nativeAsync + "; expected " + expected);
            }
            System.out.println("ok " + nativeSync + " " + nativeAsync);
        }
    }

    private static void check(String what, Outcome o, long expected) {
        if (!(o instanceof Outcome.Returned r) || r.values()[0] != expected) {
            throw new AssertionError(what + ": " + o + "; expected " + expected);
        }
    }

    /** {@code acc += p} in each of {@code blocks} blocks, from 0: returns {@code blocks * p}. */
    static dev.vex.ir.Function chain(String name, int blocks, boolean isAsync) {
        FunctionBuilder b = new FunctionBuilder(name, Signature.of(List.of(Type.I64), List.of(Type.I64)), isAsync);
        FuncRef yield = isAsync ? b.importAsyncFunction("vex_yield", Signature.of(List.of(), List.of())) : null;
        Block entry = b.createEntryBlock();
        Value p = entry.param(0);
        b.switchToBlock(entry);
        Block next = b.createBlock(Type.I64);
        b.jump(next, b.iconst(Type.I64, 0));
        for (int i = 1; i <= blocks; i++) {
            Block current = next;
            next = b.createBlock(Type.I64);
            b.switchToBlock(current);
            if (isAsync && i % 1000 == 0) {
                b.await_(yield);
            }
            b.jump(next, b.iadd(current.param(0), p));
        }
        b.switchToBlock(next);
        b.return_(next.param(0));
        return b.build();
    }
}
