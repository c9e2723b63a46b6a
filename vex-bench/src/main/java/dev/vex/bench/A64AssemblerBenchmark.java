package dev.vex.bench;

import static dev.vex.aarch64.asm.Reg.*;

import dev.vex.aarch64.asm.A64Assembler;
import dev.vex.aarch64.asm.Cond;
import dev.vex.aarch64.asm.Extend;
import dev.vex.aarch64.asm.Mem;
import dev.vex.aarch64.asm.Shift;
import dev.vex.aarch64.asm.VReg;
import dev.vex.code.CodeBuffer;
import dev.vex.code.Label;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding throughput of the A64 assembler, in instructions per second: the same shape of mix as
 * {@link X64AssemblerBenchmark} (a prologue and epilogue with STP/LDP, loads and stores through
 * sp, a field and an indexed element, add/sub with registers and immediates, logical immediates,
 * compares with forward and backward conditional branches, CBZ/TBNZ, a call, a multiply and a
 * divide, conditional select, integer-float conversion and scalar FP), emitted into a reused
 * buffer.
 *
 * <p>Run: {@code java -cp "vex-bench/target/classes:<module classes>:vex-bench/target/lib/*"
 * org.openjdk.jmh.Main A64AssemblerBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class A64AssemblerBenchmark {
    /** Instructions per repetition of the block in {@link #emitBlock}. */
    private static final int BLOCK = 40;
    private static final int REPEATS = 25;
    private static final int INSTRUCTIONS = BLOCK * REPEATS;

    private static final Mem PUSH = Mem.preIndex(SP, -32);
    private static final Mem POP = Mem.postIndex(SP, 32);
    private static final Mem SLOT0 = Mem.at(SP, 16);
    private static final Mem SLOT1 = Mem.at(SP, 24);
    private static final Mem FIELD = Mem.at(X0, 16);
    private static final Mem ELEMENT = Mem.index(X1, X2, Extend.UXTX, true);
    private static final Mem FRAME = Mem.at(X29, -8);
    private static final Mem BYTE = Mem.at(X0, 1);
    private static final Mem FAR = Mem.at(X20, 0x1000);

    private CodeBuffer buf;
    private A64Assembler asm;
    private Label top;
    private Label exit;
    private Label callee;

    @Setup
    public void setup() {
        buf = new CodeBuffer(1 << 16);
        asm = new A64Assembler(buf);
        top = new Label();
        exit = new Label();
        callee = new Label();
    }

    @Benchmark
    @OperationsPerInvocation(INSTRUCTIONS)
    public int encodeMix() {
        buf.reset();
        top.reset();
        exit.reset();
        callee.reset();
        A64Assembler a = asm;
        a.bind(callee).bind(top);
        for (int i = 0; i < REPEATS; i++) {
            emitBlock(a, i);
        }
        a.bind(exit);
        return buf.position();
    }

    private void emitBlock(A64Assembler a, int i) {
        a.stp(FP, LR, PUSH).mov(FP, SP)
            .ldr(X3, FIELD).ldr(X4, SLOT0).add(X3, X3, X4).add(X3, X3, 8).str(X3, SLOT1)
            .cmp(X3, i).bcond(Cond.GE, exit)
            .add(X5, X1, X2, Shift.LSL, 3).ldr(X6, ELEMENT).mul(X6, X6, X7).sub(X6, X6, 1000)
            .and(W6, W6, 0xFF).cbnz(X6, top)
            .ldrb(W8, BYTE).sxtw(X9, W2).lsl(X9, X9, 3).eor(W10, W10, W10).cset(W10, Cond.LT)
            .csel(X11, X3, X5, Cond.EQ).str(X12, FRAME).ldr(X12, FAR).add(X2, X2, 1).cmp(X2, X5)
            .bcond(Cond.LO, top).mov(X0, X19).bl(callee).sdiv(X13, X3, X4).tbnz(W13, 31, exit)
            .ldr(VReg.D0, SLOT0).fadd(VReg.D0, VReg.D0, VReg.D1).fmul(VReg.D0, VReg.D0, VReg.D2).scvtf(VReg.D2, X3)
            .fcmp(VReg.D0, VReg.D2).bcond(Cond.GT, exit).fcvtzs(X3, VReg.D0).str(VReg.D0, SLOT1)
            .ldp(FP, LR, POP).ret();
    }
}
