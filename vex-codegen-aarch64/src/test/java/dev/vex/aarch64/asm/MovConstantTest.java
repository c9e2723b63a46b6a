package dev.vex.aarch64.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vex.code.CodeBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code mov} of any constant: the emitted MOVZ/MOVN/MOVK/ORR words, evaluated, give the value,
 * in the fewest instructions these four can do it in.
 */
class MovConstantTest {
    /** Runs MOVZ, MOVN, MOVK and ORR-immediate words on one register. */
    private static long evaluate(CodeBuffer buf, boolean x) {
        long reg = 0xDEAD_BEEF_DEAD_BEEFL;
        for (int at = 0; at < buf.position(); at += 4) {
            int w = buf.intAt(at);
            long imm16 = Field.IMM16.get(w);
            int shift = 16 * Field.HW.get(w);
            if (MoveWide.MOVZ.encoding().matches(w)) {
                reg = imm16 << shift;
            } else if (MoveWide.MOVN.encoding().matches(w)) {
                reg = ~(imm16 << shift);
            } else if (MoveWide.MOVK.encoding().matches(w)) {
                reg = (reg & ~(0xFFFFL << shift)) | imm16 << shift;
            } else if (Logical.ORR_IMM.encoding().matches(w) && Field.RN.get(w) == 31) {
                reg = BitmaskImmediate.decode(w >>> 10 & 0x1FFF, x);
            } else {
                throw new AssertionError("unexpected word " + Integer.toHexString(w));
            }
            if (!x) {
                reg &= 0xFFFF_FFFFL;
            }
        }
        return reg;
    }

    /** The fewest instructions: 1 for a bitmask; else the halfwords that differ from 0 (or from 0xffff). */
    private static int fewest(long v, boolean x) {
        int halves = x ? 4 : 2;
        int notZero = 0;
        int notOnes = 0;
        for (int i = 0; i < halves; i++) {
            long h = (v >>> (16 * i)) & 0xFFFF;
            notZero += h != 0 ? 1 : 0;
            notOnes += h != 0xFFFF ? 1 : 0;
        }
        int best = Math.max(1, Math.min(notZero, notOnes));
        return BitmaskImmediate.encode(v, x) != BitmaskImmediate.NONE ? 1 : best;
    }

    @Test
    void everyConstantLoadsInTheFewestInstructions() {
        Random r = new Random(7);
        CodeBuffer buf = new CodeBuffer();
        A64Assembler a = new A64Assembler(buf);
        long[] halves = {0, 0xFFFF, 0x1234, 0x8000, 1};
        for (int i = 0; i < 50_000; i++) {
            boolean x = i % 3 != 0;
            long v = 0;
            for (int h = 0; h < 4; h++) {
                long half = i % 2 == 0 ? halves[r.nextInt(halves.length)] : r.nextInt(0x10000);
                v |= half << (16 * h);
            }
            if (i % 7 == 0) {
                v = r.nextLong();
            }
            long expected = x ? v : v & 0xFFFF_FFFFL;
            buf.reset();
            int count = a.movConstant(x ? Reg.X5 : Reg.W5, v);
            assertEquals(count * 4, buf.position());
            assertEquals(expected, evaluate(buf, x), () -> Long.toHexString(expected));
            assertEquals(fewest(expected, x), count, () -> Long.toHexString(expected));
        }
    }
}
