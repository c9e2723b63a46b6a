package dev.vex.ir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One operation: an {@link Opcode}, its controlling type, value operands, results, and the
 * immediates its {@link InstructionFormat} carries. Instructions are made by
 * {@link FunctionBuilder}; their fields are read-only.
 *
 * <p>Operand layout by format, where it is not simply "the values in text order":
 * <ul>
 *   <li>{@code STORE}: {@code [value, address]};</li>
 *   <li>{@code CALL_INDIRECT}: {@code [callee, args...]};</li>
 *   <li>{@code BRIF}, {@code BRANCH_TABLE}: {@code [condition or index]}; the block arguments are
 *       in {@link #destinations()}, not among the operands.</li>
 * </ul>
 *
 * <p>Immediates: {@link #imm()} holds {@code imm64} and, for {@code f32const}/{@code f64const},
 * the IEEE bits; the other accessors return null (or 0) when the format has no such field.
 */
public final class Instruction {
    private final int id;
    private final Opcode opcode;
    private final Type controllingType;
    private Value[] operands;
    private final Value[] results;
    private final long imm;
    private final long immHigh;
    private final IntCC intCC;
    private final FloatCC floatCC;
    private final MemFlags memFlags;
    private final int offset;
    private final StackSlot stackSlot;
    private final FuncRef funcRef;
    private final SigRef sigRef;
    private final TrapCode trapCode;
    private final AtomicRmwOp atomicOp;
    private BlockCall[] destinations;
    private Block block;
    private int indexInBlock;
    // Read-only views of the arrays, made on first request (passes ask in their inner loops);
    // live views, so in-place changes show, and dropped when an array is replaced.
    private List<Value> operandsView;
    private List<Value> resultsView;
    private List<BlockCall> destinationsView;

    Instruction(int id, InstructionSpec spec, Type controllingType, Value[] operands, BlockCall[] destinations,
            Value[] results) {
        this.id = id;
        this.opcode = spec.opcode();
        this.controllingType = controllingType;
        this.operands = operands;
        this.results = results;
        this.imm = spec.imm();
        this.immHigh = spec.immHigh();
        this.intCC = spec.intCC();
        this.floatCC = spec.floatCC();
        this.memFlags = spec.memFlags();
        this.offset = spec.offset();
        this.stackSlot = spec.stackSlot();
        this.funcRef = spec.funcRef();
        this.sigRef = spec.sigRef();
        this.trapCode = spec.trapCode();
        this.atomicOp = spec.atomicOp();
        this.destinations = destinations;
    }

    /** Dense index within its function, from 0, in creation order. */
    public int id() {
        return id;
    }

    /** The opcode. */
    public Opcode opcode() {
        return opcode;
    }

    /** The opcode's format: which fields the instruction carries. */
    public InstructionFormat format() {
        return opcode.format();
    }

    /**
     * The type the opcode is instantiated at (T in {@code iadd.T}, {@code load.T},
     * {@code uextend.T}), whether written or inferred from the controlling operand; null for an
     * opcode that is not polymorphic ({@code jump}, {@code call}...).
     */
    public Type controllingType() {
        return controllingType;
    }

    /** The value operands, in the layout the class comment gives. */
    public List<Value> operands() {
        List<Value> view = operandsView;
        if (view == null) {
            view = operands.length == 0 ? List.of() : Collections.unmodifiableList(Arrays.asList(operands));
            operandsView = view;
        }
        return view;
    }

    /** The number of value operands. */
    public int operandCount() {
        return operands.length;
    }

    /** Value operand {@code i}. */
    public Value operand(int i) {
        return operands[i];
    }

    /** The results in order. */
    public List<Value> results() {
        List<Value> view = resultsView;
        if (view == null) {
            view = results.length == 0 ? List.of() : Collections.unmodifiableList(Arrays.asList(results));
            resultsView = view;
        }
        return view;
    }

    /** The number of results. */
    public int resultCount() {
        return results.length;
    }

    /** Result {@code i}. */
    public Value result(int i) {
        return results[i];
    }

    /** The only result; throws if there is not exactly one. */
    public Value result() {
        if (results.length != 1) {
            throw new IllegalStateException(opcode + " has " + results.length + " results, not one");
        }
        return results[0];
    }

    /**
     * The {@code imm64} immediate as written (so {@code iconst.i8 255} and {@code iconst.i8 -1}
     * keep their spellings; only the low bits of the controlling type count), or the IEEE bits of
     * a float constant.
     */
    public long imm() {
        return imm;
    }

    /** The high 64 bits of an {@code f128const}'s pattern; 0 for every other instruction. */
    public long immHigh() {
        return immHigh;
    }

    /** The bits of an {@code f32const} (low 32 bits of {@link #imm()}). */
    public int ieee32Bits() {
        return (int) imm;
    }

    /** The bits of an {@code f64const}. */
    public long ieee64Bits() {
        return imm;
    }

    /** The integer condition code, or null. */
    public IntCC intCC() {
        return intCC;
    }

    /** The float condition code, or null. */
    public FloatCC floatCC() {
        return floatCC;
    }

    /** The memory flags of a load, store or bitcast; null for other formats. */
    public MemFlags memFlags() {
        return memFlags;
    }

    /** The byte offset of a load, store or stack access. */
    public int offset() {
        return offset;
    }

    /** The stack slot a stack access names, or null. */
    public StackSlot stackSlot() {
        return stackSlot;
    }

    /** The callee of a call, await, spawn or func_addr, or null. */
    public FuncRef funcRef() {
        return funcRef;
    }

    /** The signature of an indirect call, or null. */
    public SigRef sigRef() {
        return sigRef;
    }

    /** The operation of {@code atomic_rmw}, else null. */
    public AtomicRmwOp atomicOp() {
        return atomicOp;
    }

    /** The trap code, or null. */
    public TrapCode trapCode() {
        return trapCode;
    }

    /**
     * The block calls of a branch, in order: {@code jump}: one; {@code brif}: then, else;
     * {@code br_table}: the default, then the table. Empty for other opcodes.
     */
    public List<BlockCall> destinations() {
        List<BlockCall> view = destinationsView;
        if (view == null) {
            view = destinations.length == 0 ? List.of() : Collections.unmodifiableList(Arrays.asList(destinations));
            destinationsView = view;
        }
        return view;
    }

    /** Branch destination {@code i}. */
    public BlockCall destination(int i) {
        return destinations[i];
    }

    /** The destination blocks in order, repeats included (see {@link #destinations()}). */
    public List<Block> successors() {
        List<Block> out = new ArrayList<>(destinations.length);
        for (BlockCall c : destinations) {
            out.add(c.block());
        }
        return out;
    }

    /** The block this instruction is in. */
    public Block block() {
        return block;
    }

    /** Position within its block, from 0. */
    public int indexInBlock() {
        return indexInBlock;
    }

    /** Whether the opcode ends a block. */
    public boolean isTerminator() {
        return opcode.isTerminator();
    }

    void setBlock(Block block, int index) {
        this.block = block;
        this.indexInBlock = index;
    }

    void replaceOperands(Value[] operands, BlockCall[] destinations) {
        this.operands = operands;
        this.destinations = destinations;
        operandsView = null;
        destinationsView = null;
    }

    Value[] operandArray() {
        return operands;
    }

    BlockCall[] destinationArray() {
        return destinations;
    }

    /** A short description for messages: {@code v3 = iadd v1, v2} without the immediates. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < results.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(results[i]);
        }
        if (results.length > 0) {
            sb.append(" = ");
        }
        sb.append(opcode);
        for (int i = 0; i < operands.length; i++) {
            sb.append(i == 0 ? " " : ", ").append(operands[i]);
        }
        for (BlockCall c : destinations) {
            sb.append(", ").append(c);
        }
        return sb.toString();
    }
}
