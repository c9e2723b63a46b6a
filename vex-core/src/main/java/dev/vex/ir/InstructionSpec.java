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

    public long immHigh() {
        return immHigh;
    }

    /** The operation of {@code atomic_rmw}. */
    public InstructionSpec atomicOp(AtomicRmwOp op) {
        this.atomicOp = op;
        return this;
    }

    public AtomicRmwOp atomicOp() {
        return atomicOp;
    }

    /** The controlling type; may be left null where it can be inferred from an operand. */
    public InstructionSpec type(Type type) {
        this.controllingType = type;
        return this;
    }

    public InstructionSpec operand(Value v) {
        operands.add(v);
        return this;
    }

    public InstructionSpec operands(List<Value> values) {
        operands.addAll(values);
        return this;
    }

    public InstructionSpec operands(Value... values) {
        return operands(List.of(values));
    }

    public InstructionSpec imm(long imm) {
        this.imm = imm;
        return this;
    }

    public InstructionSpec intCC(IntCC cc) {
        this.intCC = cc;
        return this;
    }

    public InstructionSpec floatCC(FloatCC cc) {
        this.floatCC = cc;
        return this;
    }

    public InstructionSpec memFlags(MemFlags flags) {
        this.memFlags = flags;
        return this;
    }

    public InstructionSpec offset(int offset) {
        this.offset = offset;
        return this;
    }

    public InstructionSpec stackSlot(StackSlot slot) {
        this.stackSlot = slot;
        return this;
    }

    public InstructionSpec funcRef(FuncRef ref) {
        this.funcRef = ref;
        return this;
    }

    public InstructionSpec sigRef(SigRef ref) {
        this.sigRef = ref;
        return this;
    }

    public InstructionSpec trapCode(TrapCode code) {
        this.trapCode = code;
        return this;
    }

    public InstructionSpec destination(BlockCall call) {
        destinations.add(call);
        return this;
    }

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

    public Opcode opcode() {
        return opcode;
    }

    public Type controllingType() {
        return controllingType;
    }

    public List<Value> operands() {
        return operands;
    }

    public long imm() {
        return imm;
    }

    public IntCC intCC() {
        return intCC;
    }

    public FloatCC floatCC() {
        return floatCC;
    }

    public MemFlags memFlags() {
        return memFlags;
    }

    public int offset() {
        return offset;
    }

    public StackSlot stackSlot() {
        return stackSlot;
    }

    public FuncRef funcRef() {
        return funcRef;
    }

    public SigRef sigRef() {
        return sigRef;
    }

    public TrapCode trapCode() {
        return trapCode;
    }

    public List<BlockCall> destinations() {
        return destinations;
    }

    /** The requested result numbers, or null. */
    public int[] resultNumbers() {
        return resultNumbers == null ? null : resultNumbers.clone();
    }
}
