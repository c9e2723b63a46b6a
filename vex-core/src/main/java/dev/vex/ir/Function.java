package dev.vex.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A function: name, sync or {@code async}, signature, a preamble of stack slots, signature and
 * function references, and its blocks in layout order; the first block is the entry, whose
 * parameters are the function's parameters.
 *
 * <p>Made by {@link FunctionBuilder}. Values, blocks and instructions carry dense ids
 * ({@link Value#id()}, {@link Block#id()}, {@link Instruction#id()}) below {@link #valueCount()},
 * {@link #blockCount()} and {@link #instructionCount()}, so passes can keep their facts in arrays.
 */
public final class Function {
    private final String name;
    private final boolean isAsync;
    private final Signature signature;
    final List<StackSlot> stackSlots = new ArrayList<>();
    final List<SigRef> sigRefs = new ArrayList<>();
    final List<GlobalValue> globalValues = new ArrayList<>();
    final List<FuncRef> funcRefs = new ArrayList<>();
    final List<Block> blocks = new ArrayList<>();
    final List<Value> values = new ArrayList<>();
    final List<Instruction> instructions = new ArrayList<>();
    // Read-only views made once: passes ask for these in their inner loops.
    private final List<StackSlot> stackSlotsView = Collections.unmodifiableList(stackSlots);
    private final List<SigRef> sigRefsView = Collections.unmodifiableList(sigRefs);
    private final List<GlobalValue> globalValuesView = Collections.unmodifiableList(globalValues);
    private final List<FuncRef> funcRefsView = Collections.unmodifiableList(funcRefs);
    private final List<Block> blocksView = Collections.unmodifiableList(blocks);
    private final List<Value> valuesView = Collections.unmodifiableList(values);
    private final List<Instruction> instructionsView = Collections.unmodifiableList(instructions);
    private final Map<Integer, Value> valuesByNumber = new HashMap<>();
    private final Map<Integer, Block> blocksByNumber = new HashMap<>();

    Function(String name, boolean isAsync, Signature signature) {
        this.name = name;
        this.isAsync = isAsync;
        this.signature = signature;
    }

    /** The name without the {@code %}. */
    public String name() {
        return name;
    }

    /** Whether the function is {@code async}. */
    public boolean isAsync() {
        return isAsync;
    }

    /** The signature. */
    public Signature signature() {
        return signature;
    }

    /** Stack slots in declaration order. */
    public List<StackSlot> stackSlots() {
        return stackSlotsView;
    }

    /** The global value declarations, in declaration order. */
    public List<GlobalValue> globalValues() {
        return globalValuesView;
    }

    /** The global value {@code gvN}, or null. */
    public GlobalValue globalValueNumbered(int number) {
        for (GlobalValue g : globalValues) {
            if (g.number() == number) {
                return g;
            }
        }
        return null;
    }

    /** Signature references in declaration order (those implied by callee declarations included). */
    public List<SigRef> sigRefs() {
        return sigRefsView;
    }

    /** Function references in declaration order. */
    public List<FuncRef> funcRefs() {
        return funcRefsView;
    }

    /** The blocks in layout order. */
    public List<Block> blocks() {
        return blocksView;
    }

    /** The first block in layout order, or null for a function with no body. */
    public Block entryBlock() {
        return blocks.isEmpty() ? null : blocks.get(0);
    }

    /** Every value, indexed by {@link Value#id()}. */
    public List<Value> values() {
        return valuesView;
    }

    /** Every instruction, indexed by {@link Instruction#id()} (creation order, not layout order). */
    public List<Instruction> instructions() {
        return instructionsView;
    }

    /** The number of values; every {@link Value#id()} is below it. */
    public int valueCount() {
        return values.size();
    }

    /** The number of blocks; every {@link Block#id()} is below it. */
    public int blockCount() {
        return blocks.size();
    }

    /** The number of instructions; every {@link Instruction#id()} is below it. */
    public int instructionCount() {
        return instructions.size();
    }

    /** The value {@code vN}, or null. */
    public Value valueNumbered(int number) {
        return valuesByNumber.get(number);
    }

    /** The block {@code blockN}, or null. */
    public Block blockNumbered(int number) {
        return blocksByNumber.get(number);
    }

    /** The stack slot {@code ssN}, or null. */
    public StackSlot stackSlotNumbered(int number) {
        for (StackSlot s : stackSlots) {
            if (s.number() == number) {
                return s;
            }
        }
        return null;
    }

    /** The signature reference {@code sigN}, or null. */
    public SigRef sigRefNumbered(int number) {
        for (SigRef s : sigRefs) {
            if (s.number() == number) {
                return s;
            }
        }
        return null;
    }

    /** The function reference {@code fnN}, or null. */
    public FuncRef funcRefNumbered(int number) {
        for (FuncRef f : funcRefs) {
            if (f.number() == number) {
                return f;
            }
        }
        return null;
    }

    void indexValue(Value v) {
        valuesByNumber.put(v.number(), v);
    }

    /** Drops the values {@code gone} accepts; the rest get dense ids again, in the same order. */
    void removeValues(java.util.function.Predicate<Value> gone) {
        int next = 0;
        for (int i = 0; i < values.size(); i++) {
            Value v = values.get(i);
            if (gone.test(v)) {
                valuesByNumber.remove(v.number(), v);
                continue;
            }
            v.setId(next);
            values.set(next++, v);
        }
        values.subList(next, values.size()).clear();
    }

    void indexBlock(Block b) {
        blocksByNumber.put(b.number(), b);
    }

    /** The function in CLIF text. */
    @Override
    public String toString() {
        return IrPrinter.print(this);
    }
}
