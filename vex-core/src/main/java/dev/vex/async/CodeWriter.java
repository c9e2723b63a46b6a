package dev.vex.async;

import dev.vex.ir.Block;
import dev.vex.ir.BlockCall;
import dev.vex.ir.FuncRef;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Instruction;
import dev.vex.ir.InstructionSpec;
import dev.vex.ir.MemFlags;
import dev.vex.ir.Opcode;
import dev.vex.ir.SigRef;
import dev.vex.ir.Signature;
import dev.vex.ir.StackSlot;
import dev.vex.ir.Type;
import dev.vex.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a lowered function through a {@link FunctionBuilder}: copies of original instructions
 * keep their value numbers (so the lowered text reads like the original), and every value the
 * lowering adds is numbered after the highest original number. Callee and signature
 * declarations are made on first use, one per name.
 */
final class CodeWriter {
    /** Accesses to the frame's own slots: always in bounds and naturally aligned. */
    static final MemFlags FRAME = MemFlags.of(MemFlags.Flag.NOTRAP, MemFlags.Flag.ALIGNED);
    /** Accesses to a stack slot moved into the frame: in bounds, alignment unknown. */
    static final MemFlags SLOT = MemFlags.of(MemFlags.Flag.NOTRAP);

    final FunctionBuilder b;
    private int nextValue;
    private int nextBlock;
    private final Map<String, FuncRef> callees = new HashMap<>();
    private final Map<SigRef, SigRef> sigs = new HashMap<>();
    private final Map<StackSlot, StackSlot> slots = new HashMap<>();
    private StackSlot spawnArgs;
    private int spawnArgsSize;
    private SigRef resumeSig;

    /** Whether copies turn {@code func_addr} of an async callee into its descriptor's address (the lowering does). */
    private final boolean lowersFunctionValues;

    CodeWriter(FunctionBuilder b, int firstFreshValue, int firstFreshBlock) {
        this(b, firstFreshValue, firstFreshBlock, true);
    }

    /** A writer for a pass before the lowering ({@code lowersFunctionValues} false): copies stay as written. */
    CodeWriter(FunctionBuilder b, int firstFreshValue, int firstFreshBlock, boolean lowersFunctionValues) {
        this.b = b;
        this.nextValue = firstFreshValue;
        this.nextBlock = firstFreshBlock;
        this.lowersFunctionValues = lowersFunctionValues;
    }

    /** The value numbered like the original {@code v} (defined now or later). */
    Value orig(Value v) {
        return b.valueNumbered(v.number());
    }

    Block freshBlock() {
        return b.createBlockNumbered(nextBlock++);
    }

    Value freshParam(Block block, Type type) {
        return b.appendBlockParam(block, type, nextValue++);
    }

    /** Emits {@code spec} with fresh result numbers. */
    Instruction emit(InstructionSpec spec, int resultCount) {
        int[] numbers = new int[resultCount];
        for (int i = 0; i < resultCount; i++) {
            numbers[i] = nextValue++;
        }
        return b.emit(spec.resultNumbers(numbers));
    }

    Value one(InstructionSpec spec) {
        return emit(spec, 1).result();
    }

    Value iconst(long v) {
        return one(new InstructionSpec(Opcode.ICONST).type(Type.I64).imm(v));
    }

    Value iaddImm(Value x, long imm) {
        return one(new InstructionSpec(Opcode.IADD_IMM).operands(x).imm(imm));
    }

    Value load(Type type, MemFlags flags, Value addr, int offset) {
        return one(new InstructionSpec(Opcode.LOAD).type(type).memFlags(flags).operands(addr).offset(offset));
    }

    void store(MemFlags flags, Value value, Value addr, int offset) {
        b.emit(new InstructionSpec(Opcode.STORE).memFlags(flags).operands(value, addr).offset(offset));
    }

    Instruction call(FuncRef callee, List<Value> args) {
        return emit(new InstructionSpec(Opcode.CALL).funcRef(callee).operands(args),
                callee.signature().returns().size());
    }

    void jump(Block target, List<Value> args) {
        b.emit(new InstructionSpec(Opcode.JUMP).destination(new BlockCall(target, args)));
    }

    void ret(Value... values) {
        b.emit(new InstructionSpec(Opcode.RETURN).operands(values));
    }

    /** A value of {@code type} as the 64-bit word the async ABI passes: zero-extended; floats as bits. */
    Value toWord(Value v) {
        return switch (v.type()) {
            case I64 -> v;
            case I8, I16, I32 -> one(new InstructionSpec(Opcode.UEXTEND).type(Type.I64).operands(v));
            case F64 -> one(new InstructionSpec(Opcode.BITCAST).type(Type.I64).operands(v));
            case F32 -> toWord(one(new InstructionSpec(Opcode.BITCAST).type(Type.I32).operands(v)));
            case F16 -> toWord(one(new InstructionSpec(Opcode.BITCAST).type(Type.I16).operands(v)));
            case I128, F128 -> throw new IllegalArgumentException(
                    "a " + v.type() + " value does not fit the async ABI's 64-bit word: " + v);
        };
    }

    /** The inverse of {@link #toWord}; the result numbered {@code number} (or fresh when -1). */
    Value fromWord(Value word, Type type, int number) {
        if (type == Type.I64) {
            throw new IllegalArgumentException("an i64 word needs no conversion");
        }
        Value narrow = word;
        if (type != Type.F64) {
            Type to = type.asInt();
            InstructionSpec s = new InstructionSpec(Opcode.IREDUCE).type(to).operands(word);
            narrow = type.isInt() && number >= 0 ? b.emit(s.resultNumbers(number)).result() : one(s);
        }
        if (type.isFloat()) {
            InstructionSpec s = new InstructionSpec(Opcode.BITCAST).type(type).operands(narrow);
            return number >= 0 ? b.emit(s.resultNumbers(number)).result() : one(s);
        }
        return narrow;
    }

    /** The declaration of {@code name} in this function, made on first use. */
    FuncRef callee(String name, Signature sig, boolean colocated) {
        return callees.computeIfAbsent(name, n -> b.importFunction(n, sig, colocated, false));
    }

    /** An async callee {@code name}, declared here on first use. */
    FuncRef asyncCallee(String name, Signature sig) {
        return callees.computeIfAbsent(name, n -> b.importFunction(n, sig, false, true));
    }

    /** The original declaration {@code ref}, redeclared here (same name, signature and flags). */
    FuncRef callee(FuncRef ref) {
        return callees.computeIfAbsent(ref.name(), n -> b.importFunction(n, ref.signature(), ref.isColocated(),
                ref.isAsync()));
    }

    /** The original stack slot {@code slot}, redeclared here under its number. */
    StackSlot slot(StackSlot slot) {
        return slots.computeIfAbsent(slot, s -> b.declareStackSlot(s.number(), s.size(), s.align()));
    }

    SigRef signature(SigRef ref) {
        return sigs.computeIfAbsent(ref, r -> b.importSignature(r.signature()));
    }

    /** The signature of every resume function, declared here on first use (for {@code await_indirect}'s polls). */
    SigRef resumeSignature(Signature resume) {
        if (resumeSig == null) {
            resumeSig = b.importSignature(resume);
        }
        return resumeSig;
    }

    /**
     * What {@code func_addr} of {@code ref} refers to in the lowered module: for an async callee,
     * its descriptor {@code %f$desc} (the function value {@code await_indirect} and
     * {@code spawn_indirect} take); for a sync one, the callee itself.
     */
    FuncRef funcAddrTarget(FuncRef ref) {
        if (ref.isAsync()) {
            return callee(AsyncSymbols.descriptorName(ref.name()), Signature.of(List.of(), List.of()), false);
        }
        return callee(ref);
    }

    /**
     * {@code spawn fnN(args)} as the runtime's {@code vex_spawn(desc, args)}: the arguments go to
     * 64-bit slots of a stack slot of this function (read before vex_spawn returns), the
     * descriptor is {@code %f$desc}. The handle gets the original result's number.
     */
    void spawn(Instruction spawn, List<Value> args) {
        spawnCall(spawn, null, args);
    }

    /**
     * {@code spawn_indirect sigN, vF(args)}: {@code vex_spawn(vF, args)}, the function value being
     * the descriptor's address. {@code operands} are vF then the arguments.
     */
    void spawnIndirect(Instruction spawn, List<Value> operands) {
        spawnCall(spawn, operands.get(0), operands.subList(1, operands.size()));
    }

    /** {@code vex_spawn(desc, args)}; a null {@code descAddr} is the named callee's {@code %f$desc}. */
    private void spawnCall(Instruction spawn, Value descAddr, List<Value> args) {
        Value argsPtr;
        if (args.isEmpty()) {
            argsPtr = iconst(0);
        } else {
            if (spawnArgs == null) {
                spawnArgsSize = 8 * maxSpawnArgs(spawn);
                spawnArgs = b.createStackSlot(spawnArgsSize, 8);
            }
            argsPtr = one(new InstructionSpec(Opcode.STACK_ADDR).type(Type.I64).stackSlot(spawnArgs));
            for (int i = 0; i < args.size(); i++) {
                store(FRAME, args.get(i), argsPtr, 8 * i);
            }
        }
        if (descAddr == null) {
            FuncRef desc = callee(AsyncSymbols.descriptorName(spawn.funcRef().name()), Signature.of(List.of(), List.of()), false);
            descAddr = one(new InstructionSpec(Opcode.FUNC_ADDR).type(Type.I64).funcRef(desc));
        }
        FuncRef vexSpawn = callee(AsyncSymbols.SPAWN, Signature.of(List.of(Type.I64, Type.I64), List.of(Type.I64)), false);
        b.emit(new InstructionSpec(Opcode.CALL).funcRef(vexSpawn).operands(descAddr, argsPtr)
                .resultNumbers(spawn.result().number()));
    }

    /** The most arguments any spawn of the function passes: one stack slot serves them all. */
    private static int maxSpawnArgs(Instruction any) {
        int max = 0;
        for (Instruction i : any.block().function().instructions()) {
            if (i.opcode() == Opcode.SPAWN) {
                max = Math.max(max, i.operandCount());
            } else if (i.opcode() == Opcode.SPAWN_INDIRECT) {
                max = Math.max(max, i.operandCount() - 1);
            }
        }
        return max;
    }

    /**
     * A copy of {@code inst} with the given operands and destinations, its results numbered as the
     * original's; callee and signature references redeclared here.
     */
    void copy(Instruction inst, List<Value> operands, List<BlockCall> destinations) {
        InstructionSpec s = new InstructionSpec(inst.opcode()).type(inst.controllingType()).operands(operands)
                .imm(inst.imm()).intCC(inst.intCC()).floatCC(inst.floatCC()).memFlags(inst.memFlags())
                .offset(inst.offset()).stackSlot(inst.stackSlot() == null ? null : slot(inst.stackSlot())).trapCode(inst.trapCode())
                .destinations(destinations);
        if (inst.funcRef() != null) {
            s.funcRef(inst.opcode() == Opcode.FUNC_ADDR && lowersFunctionValues ? funcAddrTarget(inst.funcRef())
                    : callee(inst.funcRef()));
        }
        if (inst.sigRef() != null) {
            s.sigRef(signature(inst.sigRef()));
        }
        int[] numbers = new int[inst.resultCount()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = inst.result(i).number();
        }
        b.emit(s.resultNumbers(numbers));
    }

    static List<Value> list(Value... values) {
        return new ArrayList<>(List.of(values));
    }
}
