package dev.vex.bench;

import static dev.vex.x64.asm.Gpr.*;
import static dev.vex.x64.asm.Mem.mem;
import static dev.vex.x64.asm.Xmm.*;

import dev.vex.code.CodeBuffer;
import dev.vex.code.Label;
import dev.vex.x64.asm.Cond;
import dev.vex.x64.asm.CpuFeatures;
import dev.vex.x64.asm.Mem;
import dev.vex.x64.asm.X64Assembler;
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
 * Encoding throughput of the x86-64 assembler, in instructions per second: a mix shaped like
 * compiled code (loads and stores through rsp and indexed addresses, ALU with registers and
 * immediates, compares and forward/backward conditional branches, lea, calls, integer-float
 * conversion and scalar SSE), emitted into a reused buffer.
 *
 * <p>Run: {@code java -cp "vex-bench/target/classes:<deps>" org.openjdk.jmh.Main X64AssemblerBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class X64AssemblerBenchmark {
    /** Instructions per repetition of the block in {@link #emitBlock}. */
    private static final int BLOCK = 41;
    private static final int REPEATS = 25;
    private static final int INSTRUCTIONS = BLOCK * REPEATS;

    private static final Mem SLOT0 = mem(RSP, 8);
    private static final Mem SLOT1 = mem(RSP, 0x80);
    private static final Mem FIELD = mem(RDI, 16);
    private static final Mem ELEMENT = mem(RSI, RCX, 8, 0);
    private static final Mem FRAME = mem(RBP, -24);
    private static final Mem FAR = mem(R12, R13, 4, 0x1000);

    private CodeBuffer buf;
    private X64Assembler asm;
    private Label top;
    private Label exit;
    private Label callee;

    @Setup
    public void setup() {
        buf = new CodeBuffer(1 << 16);
        asm = new X64Assembler(buf, CpuFeatures.all());
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
        X64Assembler a = asm;
        a.bind(callee).bind(top);
        for (int i = 0; i < REPEATS; i++) {
            emitBlock(a, i);
        }
        a.bind(exit);
        return buf.position();
    }

    private void emitBlock(X64Assembler a, int i) {
        a.push(RBP).mov(RBP, RSP).sub(RSP, 0x40)
            .mov(RAX, FIELD).mov(RCX, SLOT0).add(RAX, RCX).add(RAX, 8).mov(SLOT1, RAX)
            .cmp(RAX, i).jcc(Cond.GE, exit)
            .lea(RDX, ELEMENT).mov(R8, ELEMENT).imul(R8, R9).sub(R8, 1000).and(R8D, 0xFF)
            .test(R8, R8).jcc(Cond.NE, top)
            .movzx(EAX, SIL).movsxd(R10, ECX).shl(R10, 3).xor(EAX, EAX).setcc(Cond.L, AL)
            .cmov(Cond.E, RAX, RDX).mov(FRAME, R11).mov(R11, FAR).inc(RCX).cmp(RCX, RDX)
            .jcc(Cond.B, top).mov(RDI, RBX).call(callee)
            .movsd(XMM0, SLOT0).addsd(XMM0, XMM1).mulsd(XMM0, FIELD).cvtsi2sd(XMM2, RAX).ucomisd(XMM0, XMM2)
            .jcc(Cond.A, exit).cvttsd2si(RAX, XMM0).movsd(SLOT1, XMM0)
            .mov(RSP, RBP).pop(RBP).ret();
    }
}
