package dev.vex.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.ir.Block;
import dev.vex.ir.FuncRef;
import dev.vex.ir.Function;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.FutureFrame;
import dev.vex.ir.IrBuildException;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import dev.vex.ir.Signature;
import dev.vex.ir.Type;
import dev.vex.ir.Value;
import dev.vex.text.ClifPrinter;
import dev.vex.text.ClifReader;
import dev.vex.text.ParseException;
import dev.vex.verify.Verifier;
import dev.vex.verify.VerifierError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A C future's frame stated on its declaration ({@code frame N align M}): read, printed and read
 * back; built; checked by the verifier; and used by the async lowering, ahead of any table.
 */
class StatedFutureFrameTest {
    static final String AWAITS_A_C_FUTURE = """
            async function %add_later(i64) -> i64 {
                fn0 = async %my_future(i64) -> i64, i64 frame 48 align 16
            block0(v0: i64):
                v1, v2 = await fn0(v0)
                v3 = iadd v1, v2
                return v3
            }
            """;

    @Test
    void theClauseReadsPrintsAndReadsBack() {
        Module m = ClifReader.readModule(AWAITS_A_C_FUTURE, "t.clif");
        FuncRef ref = m.function("add_later").funcRefs().get(0);
        assertEquals(new FutureFrame(48, 16), ref.frame());
        String printed = ClifPrinter.print(m);
        assertTrue(printed.contains("fn0 = async %my_future sig0 frame 48 align 16"), printed);
        Module again = ClifReader.readModule(printed, "printed.clif");
        assertEquals(new FutureFrame(48, 16), again.function("add_later").funcRefs().get(0).frame());
        assertEquals(printed, ClifPrinter.print(again));
    }

    @Test
    void theLoweringEmbedsTheStatedFrameAheadOfAnyTable() {
        Module m = ClifReader.readModule(AWAITS_A_C_FUTURE, "t.clif");
        Verifier.check(m);
        LoweredModule plain = AsyncLowering.lower(m, name -> null);
        assertEquals(new FrameSize(48, 16), plain.layout("add_later").calleeArea());
        assertEquals(16, plain.layout("add_later").align());
        LoweredModule overridden = AsyncLowering.lower(m, FrameSizes.of(Map.of("my_future", new FrameSize(4096, 64))));
        assertEquals(new FrameSize(48, 16), overridden.layout("add_later").calleeArea(), "the declaration wins");

        Module unstated = ClifReader.readModule(AWAITS_A_C_FUTURE.replace(" frame 48 align 16", ""), "t.clif");
        assertThrows(AsyncLoweringException.class, () -> AsyncLowering.lower(unstated, name -> null));
        LoweredModule fromTable = AsyncLowering.lower(unstated, FrameSizes.of(Map.of("my_future", new FrameSize(64, 8))));
        assertEquals(new FrameSize(64, 8), fromTable.layout("add_later").calleeArea());
    }

    @Test
    void theBuilderDeclaresAFuture() {
        Signature sig = Signature.of(List.of(Type.I64), List.of(Type.I64));
        FunctionBuilder b = new FunctionBuilder("f", sig, true);
        FuncRef fut = b.importFuture("my_future", sig, new FutureFrame(24, 8));
        Block entry = b.createBlock();
        Value x = b.appendBlockParam(entry, Type.I64);
        b.switchToBlock(entry);
        Value r = b.await_(fut, x).results().get(0);
        b.return_(r);
        Function f = b.build();
        Module m = new ModuleBuilder().add(f).build();
        Verifier.check(m);
        assertEquals(new FrameSize(24, 8), AsyncLowering.lower(m, name -> null).layout("f").calleeArea());
        assertThrows(IrBuildException.class, () -> new FunctionBuilder("g", Signature.of(List.of(), List.of()), true)
                .importFuture("x", Signature.of(List.of(), List.of()), null));
    }

    @Test
    void onlyAnAsyncDeclarationStatesAFrame() {
        ParseException e = assertThrows(ParseException.class, () -> ClifReader.readModule("""
                function %f() {
                    fn0 = %g() frame 8 align 8
                block0:
                    return
                }
                """, "t.clif"));
        assertTrue(e.getMessage().contains("t.clif:2:") && e.getMessage().contains("only an async callee"), e.getMessage());
        ParseException align = assertThrows(ParseException.class, () -> ClifReader.readModule(
                AWAITS_A_C_FUTURE.replace("align 16", "align 24"), "t.clif"));
        assertTrue(align.getMessage().contains("power of two"), align.getMessage());
    }

    @Test
    void theVerifierChecksTheNumbersAndTheirAgreement() {
        assertEquals(List.of(), errors(AWAITS_A_C_FUTURE));
        assertRule(AWAITS_A_C_FUTURE.replace("frame 48", "frame 16"), "at least 24 bytes");
        assertRule(AWAITS_A_C_FUTURE.replace("align 16", "align 4"), "power of two from 8 to 4096");
        assertRule(AWAITS_A_C_FUTURE.replace("align 16", "align 8192"), "power of two from 8 to 4096");
        assertRule(AWAITS_A_C_FUTURE.replace("frame 48", "frame 2147483647"), "at most 1073741824 bytes");
        assertRule("""
                async function %f() {
                    fn0 = async %vex_yield() frame 8 align 8
                block0:
                    await fn0()
                    return
                }
                """, "the runtime fixes the frame of its builtin %vex_yield");
        assertRule(AWAITS_A_C_FUTURE + """
                async function %my_future(i64) -> i64, i64 {
                block0(v0: i64):
                    return v0, v0
                }
                """, "is defined in this module");
        assertRule(AWAITS_A_C_FUTURE + AWAITS_A_C_FUTURE.replace("add_later", "again").replace("frame 48", "frame 56"),
                "another declaration of %my_future in the module states frame 48 align 16");
    }

    private static List<VerifierError> errors(String text) {
        return Verifier.verify(ClifReader.readModule(text, "t.clif"));
    }

    private static void assertRule(String text, String message) {
        List<VerifierError> errors = errors(text);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("frame", errors.get(0).rule());
        assertTrue(errors.get(0).toString().contains(message), errors.get(0).toString());
    }

    @Test
    void noStatedFrameMeansNone() {
        Module m = ClifReader.readModule(AWAITS_A_C_FUTURE.replace(" frame 48 align 16", ""), "t.clif");
        assertNull(m.function("add_later").funcRefs().get(0).frame());
    }
}
