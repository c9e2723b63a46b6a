package dev.vex.aarch64.asm;

import dev.vex.code.CodeBuffer;
import java.util.EnumSet;
import java.util.Set;

/**
 * The root of the {@link A64Assembler} layers: the buffer, the features the assembler may use,
 * and the operand checks every layer shares. Each instruction is one 32-bit word, its row's
 * fixed bits or-ed with the operand fields.
 */
public abstract sealed class AssemblerCore permits ArithmeticInstructions {
    final CodeBuffer buf;
    private final boolean lse;

    AssemblerCore(CodeBuffer buf, Set<Feature> features) {
        this.buf = buf;
        this.lse = features.contains(Feature.LSE);
    }

    /** Every feature: the base architecture and LSE. */
    public static Set<Feature> allFeatures() {
        return EnumSet.allOf(Feature.class);
    }

    /** The assembler itself, typed for fluent chaining (the hierarchy is sealed, so this is exact). */
    final A64Assembler self() {
        return (A64Assembler) this;
    }

    /** The buffer this assembler writes. */
    public CodeBuffer buffer() {
        return buf;
    }

    /** The offset of the next instruction. */
    public int position() {
        return buf.position();
    }

    /** Appends one instruction word. */
    final A64Assembler emit(int word) {
        buf.put4(word);
        return self();
    }

    final void requireFeature(Encoding e) {
        if (e.feature() == Feature.LSE && !lse) {
            throw new A64EncodingException(e.mnemonic() + " needs the LSE atomics (ARMv8.1), which this assembler may not use");
        }
    }

    // ---- operand checks ------------------------------------------------------------------------

    static int sf(Reg r) {
        return r.is64() ? Field.SF.mask : 0;
    }

    static void sameWidth(String mnemonic, Reg a, Reg b) {
        if (a.is64() != b.is64()) {
            throw new A64EncodingException(mnemonic + ": registers of different widths, " + a + " and " + b);
        }
    }

    static void sameWidth(String mnemonic, Reg a, Reg b, Reg c) {
        sameWidth(mnemonic, a, b);
        sameWidth(mnemonic, a, c);
    }

    /** A field where 31 means the zero register: sp is not allowed. */
    static int zr(String mnemonic, Reg r) {
        if (r.isSp()) {
            throw new A64EncodingException(mnemonic + ": " + r + " is not allowed here (register 31 is the zero register in this field)");
        }
        return r.number();
    }

    /** A field where 31 means sp: the zero register is not allowed. */
    static int sp(String mnemonic, Reg r) {
        if (r.isZr()) {
            throw new A64EncodingException(mnemonic + ": " + r + " is not allowed here (register 31 is sp in this field)");
        }
        return r.number();
    }

    static void requireX(String mnemonic, Reg r) {
        if (!r.is64()) {
            throw new A64EncodingException(mnemonic + ": " + r + " must be an X register");
        }
    }

    static void requireW(String mnemonic, Reg r) {
        if (r.is64()) {
            throw new A64EncodingException(mnemonic + ": " + r + " must be a W register");
        }
    }

    static void checkRange(String mnemonic, String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new A64EncodingException(mnemonic + ": " + what + " " + value + " is outside [" + min + ", " + max + "]");
        }
    }
}
