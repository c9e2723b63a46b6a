package dev.vex.x64.asm;

import dev.vex.code.CodeBuffer;

/**
 * The root of the {@link X64Assembler} layers: the buffer, the allowed CPU features and the
 * encoder every layer emits through.
 */
public abstract sealed class AssemblerCore permits ArithmeticMnemonics {
    final CodeBuffer buf;
    final CpuFeatures features;
    final Encoder enc;

    AssemblerCore(CodeBuffer buf, CpuFeatures features) {
        this.buf = buf;
        this.features = features;
        this.enc = new Encoder(buf, features);
    }

    /** The assembler itself, typed for fluent chaining (the hierarchy is sealed, so this is exact). */
    final X64Assembler self() {
        return (X64Assembler) this;
    }

    /** The buffer this assembler writes. */
    public CodeBuffer buffer() {
        return buf;
    }

    /** The optional instructions this assembler may emit. */
    public CpuFeatures features() {
        return features;
    }

    /** The offset of the next instruction. */
    public int position() {
        return buf.position();
    }
}
