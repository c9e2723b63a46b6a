package dev.vex.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A basic block: typed parameters (the SSA form's phis), then instructions in order, the last of
 * which is its terminator in a well-formed function.
 *
 * <p>{@link #number()} is N in {@code blockN} as written; {@link #id()} is dense within the
 * function, for per-block arrays of {@link Function#blockCount()} entries.
 */
public final class Block {
    private final int id;
    private final int number;
    private boolean cold;
    private final List<Value> params = new ArrayList<>();
    private final List<Instruction> instructions = new ArrayList<>();
    private final List<Value> paramsView = Collections.unmodifiableList(params);
    private final List<Instruction> instructionsView = Collections.unmodifiableList(instructions);
    private Function function;

    Block(int id, int number) {
        this.id = id;
        this.number = number;
    }

    /** Dense index within its function, from 0, in creation order. */
    public int id() {
        return id;
    }

    /** N in {@code blockN}. */
    public int number() {
        return number;
    }

    /** Marked {@code cold}: rarely executed, to be laid out out of line. */
    public boolean isCold() {
        return cold;
    }

    /** The parameters in order, read-only. */
    public List<Value> params() {
        return paramsView;
    }

    /** Parameter {@code i}. */
    public Value param(int i) {
        return params.get(i);
    }

    /** The parameters' types in order. */
    public List<Type> paramTypes() {
        List<Type> types = new ArrayList<>(params.size());
        for (Value v : params) {
            types.add(v.type());
        }
        return types;
    }

    /** The instructions in order. */
    public List<Instruction> instructions() {
        return instructionsView;
    }

    /** Whether the block has no instructions yet. */
    public boolean isEmpty() {
        return instructions.isEmpty();
    }

    /** The last instruction if it is a terminator, else null. */
    public Instruction terminator() {
        if (instructions.isEmpty()) {
            return null;
        }
        Instruction last = instructions.get(instructions.size() - 1);
        return last.opcode().isTerminator() ? last : null;
    }

    /** The blocks the terminator may branch to, in order, repeats included; empty if none. */
    public List<Block> successors() {
        Instruction t = terminator();
        return t == null ? List.of() : t.successors();
    }

    /** The function this block belongs to. */
    public Function function() {
        return function;
    }

    void setFunction(Function function) {
        this.function = function;
    }

    void setCold(boolean cold) {
        this.cold = cold;
    }

    void addParam(Value v) {
        v.defineAsParam(this, params.size());
        params.add(v);
    }

    /** Removes parameter {@code index}; the later ones move down one place. */
    void removeParam(int index) {
        params.remove(index);
        for (int i = index; i < params.size(); i++) {
            params.get(i).defineAsParam(this, i);
        }
    }

    void append(Instruction inst) {
        inst.setBlock(this, instructions.size());
        instructions.add(inst);
    }

    /** {@code blockN}. */
    @Override
    public String toString() {
        return "block" + number;
    }
}
