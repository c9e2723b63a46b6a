package dev.vex.interp;

import dev.vex.ir.FloatCC;
import dev.vex.ir.IntCC;
import dev.vex.ir.Opcode;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;

/**
 * One instruction, decoded once so that running it reads fields, not lists and maps: operands
 * and results are register numbers (value ids), memory accesses carry their width, signedness
 * and byte order, branches their {@link DecodedBranch}es, calls their {@link Callee}.
 * Fields that an instruction's {@link Kind} does not use are zero or null.
 */
final class DecodedInstruction {
    final Kind kind;
    final Opcode opcode;
    /** The type {@link ScalarEvaluator} calls the controlling type; for memory, the value type. */
    final Type type;
    /** The first operand's type (for conversions, and {@code select}'s condition). */
    final Type argType;
    final int[] args;
    final int[] results;
    final long imm;
    /** The high half of an {@code f128const}'s bits. */
    final long immHigh;
    final IntCC intCC;
    final FloatCC floatCC;
    final TrapCode trapCode;
    /** Bytes accessed by a load or store. */
    final int width;
    /** A narrow load sign-extends. */
    final boolean signExtend;
    final boolean bigEndian;
    final int offset;
    /** The stack slot's index in the function's slot list. */
    final int slot;
    /** Mask of the result type: a narrow load or an address is cut to it. */
    final long resultMask;
    final Callee callee;
    final DecodedBranch[] targets;
    /** The operation of an {@code atomic_rmw}. */
    final dev.vex.ir.AtomicRmwOp atomicOp;
    /** Why an {@link Kind#UNSUPPORTED} instruction cannot run. */
    final String message;

    private DecodedInstruction(Builder b) {
        this.kind = b.kind;
        this.opcode = b.opcode;
        this.type = b.type;
        this.argType = b.argType;
        this.args = b.args;
        this.results = b.results;
        this.imm = b.imm;
        this.immHigh = b.immHigh;
        this.intCC = b.intCC;
        this.floatCC = b.floatCC;
        this.trapCode = b.trapCode;
        this.width = b.width;
        this.signExtend = b.signExtend;
        this.bigEndian = b.bigEndian;
        this.offset = b.offset;
        this.slot = b.slot;
        this.resultMask = b.type == null ? -1L : b.type.mask();
        this.callee = b.callee;
        this.targets = b.targets;
        this.atomicOp = b.atomicOp;
        this.message = b.message;
    }

    static Builder of(Kind kind, Opcode opcode) {
        return new Builder(kind, opcode);
    }

    /** Collects the fields while {@link DecodedFunction} decodes. */
    static final class Builder {
        private final Kind kind;
        private final Opcode opcode;
        private Type type;
        private Type argType;
        private int[] args = new int[0];
        private int[] results = new int[0];
        private long imm;
        private long immHigh;
        private IntCC intCC;
        private FloatCC floatCC;
        private TrapCode trapCode;
        private int width;
        private boolean signExtend;
        private boolean bigEndian;
        private int offset;
        private int slot = -1;
        private Callee callee;
        private DecodedBranch[] targets = new DecodedBranch[0];
        private String message;
        private dev.vex.ir.AtomicRmwOp atomicOp;

        private Builder(Kind kind, Opcode opcode) {
            this.kind = kind;
            this.opcode = opcode;
        }

        Builder types(Type type, Type argType) {
            this.type = type;
            this.argType = argType;
            return this;
        }

        Builder args(int[] args) {
            this.args = args;
            return this;
        }

        Builder results(int[] results) {
            this.results = results;
            return this;
        }

        Builder imm(long imm) {
            this.imm = imm;
            return this;
        }

        Builder immHigh(long immHigh) {
            this.immHigh = immHigh;
            return this;
        }

        Builder conditions(IntCC intCC, FloatCC floatCC) {
            this.intCC = intCC;
            this.floatCC = floatCC;
            return this;
        }

        Builder trapCode(TrapCode code) {
            this.trapCode = code;
            return this;
        }

        Builder access(int width, boolean signExtend, boolean bigEndian, int offset) {
            this.width = width;
            this.signExtend = signExtend;
            this.bigEndian = bigEndian;
            this.offset = offset;
            return this;
        }

        Builder slot(int slot, int offset) {
            this.slot = slot;
            this.offset = offset;
            return this;
        }

        Builder callee(Callee callee) {
            this.callee = callee;
            return this;
        }

        Builder targets(DecodedBranch[] targets) {
            this.targets = targets;
            return this;
        }

        Builder atomicOp(dev.vex.ir.AtomicRmwOp op) {
            this.atomicOp = op;
            return this;
        }

        Builder message(String message) {
            this.message = message;
            return this;
        }

        DecodedInstruction build() {
            return new DecodedInstruction(this);
        }
    }
}
