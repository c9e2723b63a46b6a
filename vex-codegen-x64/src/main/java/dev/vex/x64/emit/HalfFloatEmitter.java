package dev.vex.x64.emit;

import static dev.vex.x64.asm.Gpr.R11;

import dev.vex.x64.asm.Gpr;
import dev.vex.x64.asm.Mem;
import dev.vex.x64.asm.X64Assembler;
import dev.vex.x64.asm.Xmm;

/**
 * {@code f16} values as bits ({@code dev.vex.x64.isel.HalfFloats}): the low 16 bits of an xmm
 * register, moved through r11 with {@code movd}; the bits above them are undefined, as above a
 * float's, so whatever reads them out as an integer zero-extends them.
 */
final class HalfFloatEmitter {
    private static final Gpr R11D = R11.withBits(32);

    private final X64Assembler asm;

    HalfFloatEmitter(X64Assembler asm) {
        this.asm = asm;
    }

    /** {@code f16const}: the 16 bits into {@code d}. */
    void constant(Xmm d, long bits) {
        asm.mov(R11D, bits & 0xffff);
        asm.movd(d, R11D);
    }

    /** A 16-bit load into {@code d}. */
    void load(Xmm d, Mem m) {
        asm.movzx(R11D, m.withBits(16));
        asm.movd(d, R11D);
    }

    /** A 16-bit store of {@code s}. */
    void store(Mem m, Xmm s) {
        asm.movd(R11D, s);
        asm.mov(m.withBits(16), R11.withBits(16));
    }

    /** {@code s}'s 16 bits, zero-extended, into {@code d} (an i16 result, or r11 on its way to a slot). */
    void toInt(Gpr d, Xmm s) {
        asm.movd(d.withBits(32), s);
        asm.movzx(d.withBits(32), d.withBits(16));
    }

    /** A canonical i16 into {@code d} as f16 bits. */
    void fromInt(Xmm d, Gpr s) {
        asm.movd(d, s.withBits(32));
    }
}
