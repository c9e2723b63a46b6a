package dev.vex.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Vex against asmjit in the same run ({@link AsmjitPeer}): the large-function compile rate over
 * asmjit's x86::Compiler on the same functions, and the x64 assembler's rate over asmjit's
 * x86::Assembler on the same mix. Ratios above 1 mean Vex is faster.
 */
final class AsmjitFigures {
    private AsmjitFigures() {
    }

    /** Both ratios, from the JMH medians and the peer's medians (instructions per second). */
    static List<Figure> figures(JmhRuns jmh, double compilerRate, double assemblerRate) {
        List<Figure> fs = new ArrayList<>();
        double vexCompile = jmh.median("LargeFunctionCompileBenchmark.endToEnd");
        fs.add(new Figure("compile_vs_asmjit_ratio", "compile throughput, large functions: Vex / asmjit x86::Compiler",
                vexCompile / compilerRate, "×", 1.0, false,
                "Vex " + Numbers.format(vexCompile / 1e6) + " M IR instr/s from CLIF text (read, verify, compile); asmjit "
                        + Numbers.format(compilerRate / 1e6) + " M IR instr/s from the same functions in memory"
                        + " (virtual registers, register allocation, encoding), g++ -O2, Debian libasmjit-dev"));
        double vexAsm = jmh.median("X64AssemblerBenchmark.encodeMix");
        fs.add(new Figure("assembler_vs_asmjit_ratio", "x64 assembler: Vex / asmjit x86::Assembler, same mix",
                vexAsm / assemblerRate, "×", 1.0, false,
                "Vex " + Numbers.format(vexAsm / 1e6) + " M instr/s, asmjit " + Numbers.format(assemblerRate / 1e6)
                        + " M instr/s (X64AssemblerBenchmark's 41-instruction block, 25 times a pass)"));
        return fs;
    }
}
