package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoder.LOCK;
import static dev.vex.x64.asm.Encoder.P66;
import static dev.vex.x64.asm.Encoder.W;
import static dev.vex.x64.asm.Encoding.NONE;
import static dev.vex.x64.asm.Encoding.REG;
import static dev.vex.x64.asm.Encoding.legacy;
import static dev.vex.x64.asm.Format.MR;
import static dev.vex.x64.asm.Format.ZO;
import static dev.vex.x64.asm.Operand.M16;
import static dev.vex.x64.asm.Operand.M32;
import static dev.vex.x64.asm.Operand.M64;
import static dev.vex.x64.asm.Operand.M8;
import static dev.vex.x64.asm.Operand.R16;
import static dev.vex.x64.asm.Operand.R32;
import static dev.vex.x64.asm.Operand.R64;
import static dev.vex.x64.asm.Operand.R8;

import java.util.List;

/**
 * The read-modify-write instructions atomics are made of: {@code lock xadd} and
 * {@code lock cmpxchg} on memory (F0 0F C0/C1 and F0 0F B0/B1, per width), and {@code mfence}
 * (0F AE F0). Only the locked memory forms are rows: without the lock prefix neither is atomic,
 * and nothing in Vex wants them on registers. ({@code xchg [mem], r}, implicitly locked, is a
 * {@link MoveInstructions} row.)
 */
final class AtomicInstructions {
    private static final Widths LOCK_XADD = new Widths(
        legacy("atomic", "lock xadd", MR, LOCK, 0x0FC0, REG, M8, R8),
        legacy("atomic", "lock xadd", MR, LOCK | P66, 0x0FC1, REG, M16, R16),
        legacy("atomic", "lock xadd", MR, LOCK, 0x0FC1, REG, M32, R32),
        legacy("atomic", "lock xadd", MR, LOCK | W, 0x0FC1, REG, M64, R64)
    );
    private static final Widths LOCK_CMPXCHG = new Widths(
        legacy("atomic", "lock cmpxchg", MR, LOCK, 0x0FB0, REG, M8, R8),
        legacy("atomic", "lock cmpxchg", MR, LOCK | P66, 0x0FB1, REG, M16, R16),
        legacy("atomic", "lock cmpxchg", MR, LOCK, 0x0FB1, REG, M32, R32),
        legacy("atomic", "lock cmpxchg", MR, LOCK | W, 0x0FB1, REG, M64, R64)
    );
    /** Three opcode bytes outside the 0F 38 / 0F 3A maps: 0F AE with the fixed ModRM F0. */
    private static final Encoding MFENCE = legacy("atomic", "mfence", ZO, 0, 0x0FAEF0, NONE);

    private AtomicInstructions() {
    }

    static List<Encoding> rows() {
        List<Encoding> all = Rows.concat(LOCK_XADD, LOCK_CMPXCHG);
        all.add(MFENCE);
        return all;
    }

    /** {@code lock xadd [mem], r}: [mem] += r, r = the old [mem]. */
    static void lockXadd(Encoder e, Mem m, Gpr r) {
        Encoder.memBits(m, r.bits);
        e.rm(LOCK_XADD.of(r.bits), r.rex, r.number, m);
    }

    /** {@code lock cmpxchg [mem], r}: if [mem] == rax/eax/ax/al then [mem] = r, else the accumulator = [mem]. */
    static void lockCmpxchg(Encoder e, Mem m, Gpr r) {
        Encoder.memBits(m, r.bits);
        e.rm(LOCK_CMPXCHG.of(r.bits), r.rex, r.number, m);
    }

    static void mfence(Encoder e) {
        e.op(MFENCE, 0);
    }
}
