package example;

import static dev.vex.ir.Type.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Callback;
import dev.vex.ir.Block;
import dev.vex.ir.Function;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.IntCC;
import dev.vex.ir.ModuleBuilder;
import dev.vex.ir.Signature;
import dev.vex.ir.Value;
import dev.vex.ir.Variable;
import dev.vex.runtime.HostSymbols;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.Vex;
import dev.vex.runtime.VexRuntime;
import dev.vex.runtime.jit.SlotBuffer;
import dev.vex.text.ClifReader;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a language implementation does with Vex, through the public API only. */
class ClientScenarioTest {
    /** (i64) -> i64 in Java, for generated code to call. */
    public interface LongUnary extends Callback {
        /** The operation. */
        long invoke(long a);
    }

    static final String CLIENT = """
            function %twice_sum(i64) -> i64 {
                fn0 = %sum(i64) -> i64
                fn1 = %java_twice(i64) -> i64
            block0(v0: i64):
                v1 = call fn0(v0)
                v2 = call fn1(v1)
                return v2
            }

            async function %await_java(i64) -> i64 {
                fn0 = async %vex_chan_recv(i64) -> i64, i64
            block0(v0: i64):
                v1, v2 = await fn0(v0)
                v3 = iadd_imm v2, 1
                return v3
            }
            """;

    /** {@code %sum(n) = 0 + 1 + ... + (n-1)}, from variables: the builder places the block parameters. */
    static Function sum() {
        FunctionBuilder b = new FunctionBuilder("sum", Signature.of(List.of(I64), List.of(I64)));
        Variable i = b.declareVariable(I64);
        Variable acc = b.declareVariable(I64);
        Block entry = b.createEntryBlock();
        Block header = b.createBlock();
        Block body = b.createBlock();
        Block exit = b.createBlock();
        b.switchToBlock(entry);
        b.defineVariable(i, b.iconst(I64, 0));
        b.defineVariable(acc, b.iconst(I64, 0));
        b.jump(header);
        b.switchToBlock(header);
        Value more = b.icmp(IntCC.SLT, b.useVariable(i), entry.param(0));
        b.brif(more, body, exit);
        b.switchToBlock(body);
        b.defineVariable(acc, b.iadd(b.useVariable(acc), b.useVariable(i)));
        b.defineVariable(i, b.iaddImm(b.useVariable(i), 1));
        b.jump(header);
        b.switchToBlock(exit);
        b.return_(b.useVariable(acc));
        b.sealAllBlocks();
        return b.build();
    }

    @Test
    void variablesCallbacksTwoModulesAndFuturesBothWays() throws Throwable {
        String expected = Runtime.version().feature() >= 22 ? "ffm" : "jni";
        assertEquals(expected, SlotBuffer.binding(), "the multi-release jar picks the binding for JDK " + Runtime.version());
        LongUnary twice = a -> 2 * a;
        try (NativeModule library = Vex.compile(new ModuleBuilder().add(sum()).build());
                NativeModule client = Vex.compile(ClifReader.readModule(CLIENT, "client.clif"),
                        new HostSymbols().exportsOf(library).javaCallback("java_twice", twice));
                VexRuntime rt = VexRuntime.create(1)) {
            assertEquals(45L, library.function("sum").invokeLong(10));
            assertEquals(90L, client.function("twice_sum").invokeLong(10), "across modules and through Java");
            MethodHandle h = client.function("twice_sum").handle();
            assertEquals(2L * 4950, (long) h.invokeExact(100L));

            CompletableFuture<Long> fromJava = new CompletableFuture<>();
            CompletableFuture<Object> back = rt.spawn(client.function("await_java"), rt.hostFuture(fromJava))
                    .toCompletableFuture();
            fromJava.complete(41L);
            assertEquals(42L, back.get(30, TimeUnit.SECONDS));
        }
        System.out.println("CLIENT OK on JDK " + Runtime.version().feature() + " (" + expected + ")");
    }
}
