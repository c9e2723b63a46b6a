package dev.vex.runtime.jit;

import static dev.vex.x64.asm.Gpr.*;
import static dev.vex.x64.asm.Mem.mem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.exec.Engine;
import dev.vex.compile.Target;
import dev.vex.exec.LoadedModule;
import dev.vex.exec.Outcome;
import dev.vex.filetest.FileTestRunner;
import dev.vex.filetest.TestReport;
import dev.vex.ir.TrapCode;
import dev.vex.text.ClifReader;
import dev.vex.x64.asm.X64Assembler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The x64 engine as the run-test runner drives it, with hand-written code standing in for the compiler. */
class NativeEngineTest {
    static final Map<String, Consumer<X64Assembler>> BODIES = Map.of(
            "add", a -> a.lea(RAX, mem(RDI, RSI, 1, 0)).ret(),
            "divz", a -> a.mov(EDI, TrapCode.INTEGER_DIVISION_BY_ZERO.number()).call("vex_trap"),
            "calls_divz", a -> a.sub(RSP, 8).call("divz").add(RSP, 8).ret());

    static final String FILE = """
            test run
            target aarch64
            target x86_64

            function %add(i64, i64) -> i64 {
            block0(v0: i64, v1: i64):
                v2 = iadd v0, v1
                return v2
            }
            ; run: %add(40, 2) == 42
            ; run: %add(-1, 1) == 0
            ; run: %add(1, 1) == 3

            function %divz(i64) -> i64 {
            block0(v0: i64):
                trap int_divz
            }
            ; run: %divz(1) == 0

            function %calls_divz(i64) -> i64 {
                fn0 = %divz(i64) -> i64
            block0(v0: i64):
                v1 = call fn0(v0)
                return v1
            }
            ; run: %calls_divz(1) == 0

            function %unsupported(i64) -> i64 {
            block0(v0: i64):
                return v0
            }
            ; run: %unsupported(1) == 1

            async function %later(i64) -> i64 {
            block0(v0: i64):
                return v0
            }
            ; run: %later(1) == 1
            """;

    static NativeEngine engine(HandTarget target) {
        return new NativeEngine("x64", "x86_64", () -> target);
    }

    @Test
    void runLinesPassFailAndNameTrapsAndUncompilableFunctions() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TestReport report = new TestReport(out, false);
        new FileTestRunner(List.of(engine(new HandTarget(BODIES))), report).runText(FILE, "engine.clif");
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(2, report.passed(), text);
        assertEquals(5, report.failed(), text);
        assertTrue(text.contains("%add(1, 1) == 3"), text);
        assertTrue(text.contains("trapped with int_divz in %divz"), text);
        assertTrue(text.contains("%calls_divz(1) == 0: trapped with int_divz in %divz"), text);
        assertTrue(text.contains("cannot compile %unsupported: function unsupported: no hand-written code"), text);
        // The hand-written target compiles no async functions (HandTarget refuses them), so %later fails alone.
        assertTrue(text.contains("cannot compile %later: function later: the x64 target does not compile async"), text);
    }

    @Test
    void oneUncompilableFunctionLeavesTheOthersRunnable() {
        HandTarget target = new HandTarget(BODIES);
        var module = ClifReader.readTestFile(FILE, "engine.clif").module();
        try (LoadedModule loaded = engine(target).load(module)) {
            // The whole module and %later are refused before the hand target compiles anything (it
            // has no async support), then each sync function is compiled alone.
            assertEquals(4, target.compilations());
            assertEquals(new Outcome.Returned(new long[] {5}), loaded.invoke("add", new long[] {2, 3}));
            assertEquals(new Outcome.Trapped(TrapCode.INTEGER_DIVISION_BY_ZERO, "divz"),
                    loaded.invoke("calls_divz", new long[] {0}));
            assertTrue(loaded.invoke("unsupported", new long[] {1}) instanceof Outcome.Failed);
            assertTrue(loaded.invoke("nope", new long[] {}) instanceof Outcome.Failed);
            // Wrong argument count from the runner: a failure, not an exception.
            Outcome bad = loaded.invoke("add", new long[] {1});
            assertTrue(bad instanceof Outcome.Failed f && f.reason().contains("%add takes 2 arguments"), bad.toString());
        }
    }

    @Test
    void aModuleItCompilesWholeIsCompiledOnce() {
        HandTarget target = new HandTarget(BODIES);
        String text = FILE.substring(0, FILE.indexOf("function %unsupported"));
        try (LoadedModule loaded = engine(target).load(ClifReader.readTestFile(text, "t.clif").module())) {
            assertEquals(1, target.compilations());
            assertEquals(new Outcome.Returned(new long[] {-1L}), loaded.invoke("add", new long[] {-3, 2}));
        }
    }

    @Test
    void filesThatDoNotNameX86_64AreSkipped() {
        NativeEngine e = engine(new HandTarget(BODIES));
        assertNull(e.skipReason(List.of("aarch64", "x86_64")));
        assertTrue(e.skipReason(List.of("aarch64", "s390x")).contains("targets only aarch64, s390x"));
        assertNotNull(e.skipReason(List.of()));
        // Cranelift runs a `test run` file that names no target on the host; `test interpret` is not that.
        assertEquals(Targets.hostName() != null && Targets.hostName().equals("x64"),
                e.skipReason(List.of(), List.of("run")) == null);
        assertNotNull(e.skipReason(List.of(), List.of("interpret")));
    }

    @Test
    void withoutTheCompilerEveryFileIsSkippedWithTheReason() {
        NativeEngine e = new NativeEngine("x64", "x86_64", () -> {
            throw new JitException("the x64 compiler is not in this build of Vex");
        });
        assertEquals("the x64 compiler is not in this build of Vex", e.skipReason(List.of("x86_64")));
        assertThrows(JitException.class, () -> e.load(ClifReader.readTestFile(FILE, "t.clif").module()));
    }

    @Test
    void theTargetIsFoundByServiceLoaderAndBecomesAnEngine() {
        Target x64 = dev.vex.compile.Targets.find("x64");
        assertNotNull(x64, "vex-codegen-x64 registers its Target with ServiceLoader");
        assertEquals("x86_64", x64.clifIsaName());
        Engine engine = NativeEngine.of(x64, 3);
        assertEquals("x64", engine.name());
        // Runs x86_64 files on an x86-64 machine, says why not elsewhere.
        String reason = engine.skipReason(List.of("x86_64"));
        assertEquals("x64".equals(Targets.hostName()), reason == null, String.valueOf(reason));
        assertThrows(IllegalArgumentException.class, () -> NativeEngine.of(x64, 0));
    }
}
