package dev.vex.ir;

/**
 * An SSA value: defined exactly once, as a result of an {@link Instruction} or as a parameter of
 * a {@link Block}, and of one {@link Type}.
 *
 * <p>{@link #number()} is N in {@code vN}: the number the text gave it, kept so that messages and
 * printing use the author's names; the builder numbers fresh values after the highest in use.
 * {@link #id()} is dense (0, 1, 2... in creation order within the function), for passes that keep
 * per-value facts in arrays of {@link Function#valueCount()} entries.
 *
 * <p>Values compare by identity.
 */
public final class Value {
    private int id;
    private final int number;
    private Type type;
    private Instruction instruction;
    private Block block;
    private int index;
    private Value aliasOf;

    Value(int id, int number, Type type) {
        this.id = id;
        this.number = number;
        this.type = type;
    }

    /** Dense index within its function, from 0 (-1 while only mentioned, not yet defined). */
    public int id() {
        return id;
    }

    /** N in {@code vN}. */
    public int number() {
        return number;
    }

    /** The type; null only while a value is mentioned but not yet defined. */
    public Type type() {
        return type;
    }

    /** Whether this is a block parameter (else it is an instruction result). */
    public boolean isBlockParam() {
        return block != null;
    }

    /** The instruction this value is a result of, or null for a block parameter. */
    public Instruction definingInstruction() {
        return instruction;
    }

    /** The block this value is a parameter of, or null for an instruction result. */
    public Block definingBlock() {
        return block;
    }

    /** The block the definition is in: the parameter's block or the instruction's block. */
    public Block block() {
        return block != null ? block : instruction == null ? null : instruction.block();
    }

    /** Position among the defining instruction's results or the block's parameters. */
    public int index() {
        return index;
    }

    boolean isDefined() {
        return instruction != null || block != null;
    }

    void setId(int id) {
        this.id = id;
    }

    Value aliasOf() {
        return aliasOf;
    }

    void setAliasOf(Value target) {
        this.aliasOf = target;
    }

    void setType(Type type) {
        this.type = type;
    }

    void defineAsResult(Instruction inst, int index) {
        this.instruction = inst;
        this.index = index;
    }

    void defineAsParam(Block block, int index) {
        this.block = block;
        this.index = index;
    }

    /** {@code vN}. */
    @Override
    public String toString() {
        return "v" + number;
    }
}
