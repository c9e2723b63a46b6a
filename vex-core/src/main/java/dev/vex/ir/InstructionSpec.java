package dev.vex.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything that describes an instruction before it is built: opcode, controlling type,
 * operands, immediates, destinations, and optionally the numbers its results should get. Filled
 * fluently and handed to {@link FunctionBuilder#emit(InstructionSpec)}, which checks it.
 *
 * <p>The convenience methods of {@link FunctionBuilder} ({@code iadd}, {@code load}...) fill one
 * of these for you; a reader or a pass that works opcode-generically fills it itself.
 */
public final class InstructionSpec {
    private final Opcode opcode;
    private Type controllingType;
    private final List<Value> operands = new ArrayList<>();
    private long imm;
    private long immHigh;
    private IntCC intCC;
    private FloatCC floatCC;
    private MemFlags memFlags;
    private int offset;
    private StackSlot stackSlot;
    private FuncRef funcRef;
    private SigRef sigRef;
    private TrapCode trapCode;
    private AtomicRmwOp atomicOp;
    private final List<BlockCall> destinations = new ArrayList<>();
    private int[] resultNumbers;

    /** A spec of {@code opcode} with no fields set yet. */
    public InstructionSpec(Opcode opcode) {
        if (opcode == null) {
            throw new IrBuildException("an instruction needs an opcode");
        }
        this.opcode = opcode;
        InstructionFormat f = opcode.format();
        if (f == InstructionFormat.LOAD || f == InstructionFormat.STORE || f == InstructionFormat.LOAD_NO_OFFSET
                || f == InstructionFormat.STORE_NO_OFFSET || f == InstructionFormat.ATOMIC_RMW
                || f == InstructionFormat.ATOMIC_CAS) {
            memFlags = MemFlags.NONE;
        }
    }

    /** A spec describing {@code inst}: same opcode, type, operands, immediates and destinations. */
    public static InstructionSpec copyOf(Instruction inst) {
        InstructionSpec s = new InstructionSpec(inst.opcode());
        s.controllingType = inst.controllingType();
        s.operands.addAll(inst.operands());
        s.imm = inst.imm();
        s.immHigh = inst.immHigh();
        s.intCC = inst.intCC();
        s.floatCC = inst.floatCC();
        s.memFlags = inst.memFlags();
        s.offset = inst.offset();
        s.stackSlot = inst.stackSlot();
        s.funcRef = inst.funcRef();
        s.sigRef = inst.sigRef();
        s.trapCode = inst.trapCode();
        s.atomicOp = inst.atomicOp();
        s.destinations.addAll(inst.destinations());
        return s;
    }

    /** The high 64 bits of an {@code f128const}'s pattern ({@link #imm(long)} holds the low ones). */
    public InstructionSpec immHigh(long immHigh) {
        this.immHigh = immHigh;
        return this;
    }

    /** The high 64 bits of an {@code f128const}'s pattern. */
    public long immHigh() {
        return immHigh;
    }

    /** The operation of {@code atomic_rmw}. */
    public InstructionSpec atomicOp(AtomicRmwOp op) {
        this.atomicOp = op;
        return this;
    }

    /** The operation of {@code atomic_rmw}, or null. */
    public AtomicRmwOp atomicOp() {
        return atomicOp;
    }

    /** The controlling type; may be left null where it can be inferred from an operand. */
    public InstructionSpec type(Type type) {
        this.controllingType = type;
        return this;
    }

    /** Appends one value operand. */
    public InstructionSpec operand(Value v) {
        operands.add(v);
        return this;
    }

    /** Appends value operands in order. */
    public InstructionSpec operands(List<Value> values) {
        operands.addAll(values);
        return this;
    }

    /** Appends value operands in order. */
    public InstructionSpec operands(Value... values) {
        return operands(List.of(values));
    }

    /** Sets the 64-bit immediate (or a float constant's IEEE bits). */
    public InstructionSpec imm(long imm) {
        this.imm = imm;
        return this;
    }

    /** Sets the integer condition code. */
    public InstructionSpec intCC(IntCC cc) {
        this.intCC = cc;
        return this;
    }

    /** Sets the float condition code. */
    public InstructionSpec floatCC(FloatCC cc) {
        this.floatCC = cc;
        return this;
    }

    /** Sets the memory flags of a load or store. */
    public InstructionSpec memFlags(MemFlags flags) {
        this.memFlags = flags;
        return this;
    }

    /** Sets the byte offset of a memory or stack access. */
    public InstructionSpec offset(int offset) {
        this.offset = offset;
        return this;
    }

    /** Sets the stack slot a stack access names. */
    public InstructionSpec stackSlot(StackSlot slot) {
        this.stackSlot = slot;
        return this;
    }

    /** Sets the callee of a call, await, spawn or func_addr. */
    public InstructionSpec funcRef(FuncRef ref) {
        this.funcRef = ref;
        return this;
    }

    /** Sets the signature of an indirect call. */
    public InstructionSpec sigRef(SigRef ref) {
        this.sigRef = ref;
        return this;
    }

    /** Sets the trap code of a trapping instruction. */
    public InstructionSpec trapCode(TrapCode code) {
        this.trapCode = code;
        return this;
    }

    /** Appends a branch destination with its arguments. */
    public InstructionSpec destination(BlockCall call) {
        destinations.add(call);
        return this;
    }

    /** Appends branch destinations in order. */
    public InstructionSpec destinations(List<BlockCall> calls) {
        destinations.addAll(calls);
        return this;
    }

    /**
     * The numbers N of {@code vN} the results should have, one per result; values already
     * mentioned with {@link FunctionBuilder#valueNumbered(int)} are defined by them. Without this
     * the builder numbers the results itself.
     */
    public InstructionSpec resultNumbers(int... numbers) {
        this.resultNumbers = numbers.clone();
        return this;
    }

    /** The opcode. */
    public Opcode opcode() {
        return opcode;
    }

    /** The written controlling type, or null if it is inferred. */
    public Type controllingType() {
        return controllingType;
    }

    /** The value operands so far. */
    public List<Value> operands() {
        return operands;
    }

    /** The 64-bit immediate, 0 if unset. */
    public long imm() {
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

    /** The memory flags, or null. */
    public MemFlags memFlags() {
        return memFlags;
    }

    /** The byte offset, 0 if unset. */
    public int offset() {
        return offset;
    }

    /** The stack slot, or null. */
    public StackSlot stackSlot() {
        return stackSlot;
    }

    /** The callee reference, or null. */
    public FuncRef funcRef() {
        return funcRef;
    }

    /** The signature reference, or null. */
    public SigRef sigRef() {
        return sigRef;
    }

    /** The trap code, or null. */
    public TrapCode trapCode() {
        return trapCode;
    }

    /** The branch destinations so far. */
    public List<BlockCall> destinations() {
        return destinations;
    }

    /** The requested result numbers, or null. */
    public int[] resultNumbers() {
        return resultNumbers == null ? null : resultNumbers.clone();
    }
}
