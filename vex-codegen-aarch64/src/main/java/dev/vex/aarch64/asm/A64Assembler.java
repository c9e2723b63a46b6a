package dev.vex.aarch64.asm;

import dev.vex.code.CodeBuffer;
import dev.vex.code.Label;
import java.util.Set;

/**
 * The A64 assembler: typed operands in, 32-bit instruction words out, into a {@link CodeBuffer}.
 *
 * <p>Every instruction is a row of the encoding table (the family enums: {@link AddSub},
 * {@link Logical}, {@link LoadStore}, ...) or-ed with its operand fields ({@link Field}); the
 * same rows drive the disassembler and the encoding matrix. The layers, each one family group:
 * {@link ArithmeticInstructions} (add/sub, logic, moves and constants), {@link BitInstructions}
 * (bitfields, shifts, select, divide, multiply), {@link BranchInstructions} (branches,
 * addresses, barriers), {@link LoadStoreInstructions} (every load and store, atomics) and
 * {@link FloatingPointInstructions}.
 *
 * <p>Misuse (an out-of-range or unencodable immediate, mixed widths, sp where the zero register
 * is meant) throws {@link A64EncodingException} with the mnemonic; nothing is emitted then.
 * Emitting allocates nothing once the buffer is large enough.
 *
 * <p>Coverage rules the encoding matrix follows: registers 0, 1, 15, 16, 29, 30 and 31 (both
 * sp and the zero register where the field allows them), both widths; immediates at 0, 1 and
 * the limits of each field, with and without LSL #12; every shift and extension; every
 * addressing mode with the smallest and largest offsets; every condition.
 */
public final class A64Assembler extends FloatingPointInstructions {
    public A64Assembler(CodeBuffer buf) {
        this(buf, allFeatures());
    }

    public A64Assembler(CodeBuffer buf, Set<Feature> features) {
        super(buf, features);
    }

    /** Binds {@code label} here. */
    public A64Assembler bind(Label label) {
        buf.bind(label);
        return this;
    }
}
