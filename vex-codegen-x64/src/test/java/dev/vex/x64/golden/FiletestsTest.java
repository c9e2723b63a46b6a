package dev.vex.x64.golden;

import dev.vex.backend.CompileOptions;
import dev.vex.backend.CompiledModule;
import dev.vex.backend.CpuFeatureSet;
import dev.vex.compile.CompileDriver;
import dev.vex.compile.StagePrinter;
import dev.vex.ir.Module;
import dev.vex.testing.GoldenFile;
import dev.vex.text.ClifReader;
import dev.vex.x64.X64Target;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compile filetests in the style of Cranelift's {@code filetests/isa/x64}: one file per opcode
 * family under {@code src/test/resources/filetests/x64}, each CLIF input followed by what the
 * x64 target makes of it through the core driver, as comments after {@code ; vcode and asm:}:
 * the machine instructions on virtual registers ({@code vex compile --emit vcode}), then the
 * listing ({@code --emit asm}). The CPU features are the baseline unless the file's first line is
 * {@code ; cpu: +f,+g}; NaN canonicalization is off unless the first line is
 * {@code ; nan-canonicalization: on}. {@code VEX_TEST_BLESS=1} rewrites the expected part; review the diff.
 */
class FiletestsTest {
    static final String MARKER = "; vcode and asm:";
    static final String CPU = "; cpu:";
    static final String CANONICAL_NANS = "; nan-canonicalization: on\n";

    @TestFactory
    Stream<DynamicTest> everyOpcodeFamily() {
        return GoldenFile.tests(Path.of("src", "test", "resources", "filetests", "x64"), ".clif", MARKER,
                FiletestsTest::compile);
    }

    static String compile(String input) {
        CpuFeatureSet cpu = CpuFeatureSet.baseline();
        if (input.startsWith(CPU)) {
            cpu = CpuFeatureSet.parse(input.substring(CPU.length(), input.indexOf('\n')).trim());
        }
        Module module = ClifReader.readModule(input, "filetest.clif");
        X64Target x64 = new X64Target();
        StagePrinter vcode = new StagePrinter(StagePrinter.Stage.VCODE, x64.machineSpec());
        CompiledModule compiled = CompileDriver.compile(x64, module,
                CompileOptions.AOT.withCpu(cpu).withListing(true)
                        .withNanCanonicalization(input.startsWith(CANONICAL_NANS)), vcode);
        return "vcode:\n" + vcode.text() + "\nasm:\n" + compiled.listing().strip() + "\n";
    }
}
