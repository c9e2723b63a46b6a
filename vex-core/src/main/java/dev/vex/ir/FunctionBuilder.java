package dev.vex.ir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds one {@link Function}, checking types as it goes.
 *
 * <pre>{@code
 * FunctionBuilder b = new FunctionBuilder("max", Signature.of(List.of(I32, I32), List.of(I32)));
 * Block entry = b.createEntryBlock();           // parameters from the signature
 * Block ret = b.createBlock(Type.I32);
 * b.switchToBlock(entry);
 * Value x = entry.param(0), y = entry.param(1);
 * Value lt = b.icmp(IntCC.SLT, x, y);
 * b.brif(lt, ret, List.of(y), ret, List.of(x));
 * b.switchToBlock(ret);
 * b.return_(ret.param(0));
 * Function f = b.build();
 * }</pre>
 *
 * <p>Blocks are laid out in the order they are created. Every instruction is appended to the
 * current block ({@link #switchToBlock}). A misuse (operand types that disagree with the opcode,
 * a block call of the wrong arity, an immediate that does not fit, a number defined twice) throws
 * {@link IrBuildException} naming the function, block and opcode.
 *
 * <p>The builder checks types, not structure: an instruction after a terminator, a block without
 * one, or a use that its definition does not dominate are left for the verifier to report.
 *
 * <p>Values may be used before they are defined, as text does: {@link #valueNumbered(int)} hands
 * out {@code vN}, and a later result or parameter numbered N defines it. Checks that need its
 * type wait until {@link #build()}, which also checks every block call against the final
 * parameters of its block.
 *
 * <p>A front end may also leave SSA form to the builder, as cranelift-frontend does: it declares
 * {@link Variable}s, assigns and reads them ({@link #defineVariable}, {@link #useVariable}), and
 * seals each block once all branches to it exist ({@link #sealBlock}); the builder places the
 * block parameters (and appends the arguments to every predecessor's branch) and removes those
 * that turn out trivial. The front end's own block parameters, if any, come before the placed
 * ones. {@code SsaBuilder} holds that machinery.
 */
public final class FunctionBuilder {
    private final Function fn;
    private final Map<Integer, Value> byNumber = new HashMap<>();
    private final List<Value> pending = new ArrayList<>();
    private final List<Instruction> deferred = new ArrayList<>();
    private boolean[] started = new boolean[8];
    private Block current;
    private SsaBuilder ssa;
    private int nextValueNumber;
    private int nextBlockNumber;
    private boolean built;

    /** A builder of function {@code %name}, sync or {@code async}. */
    public FunctionBuilder(String name, Signature signature, boolean isAsync) {
        if (name == null || name.isEmpty()) {
            throw new IrBuildException("a function needs a name");
        }
        if (signature == null) {
            throw new IrBuildException("function %" + name + " needs a signature");
        }
        this.fn = new Function(name, isAsync, signature);
    }

    /** A builder of a sync function. */
    public FunctionBuilder(String name, Signature signature) {
        this(name, signature, false);
    }

    /** The function's name, without {@code %}. */
    public String name() {
        return fn.name();
    }

    /** The function's signature. */
    public Signature signature() {
        return fn.signature();
    }

    /** Whether the function is {@code async}. */
    public boolean isAsync() {
        return fn.isAsync();
    }

    // ---- Preamble --------------------------------------------------------------------------

    /** A fresh stack slot of {@code size} bytes. */
    public StackSlot createStackSlot(int size) {
        return declareStackSlot(nextNumber(fn.stackSlots, StackSlot::number), size, 0);
    }

    /** A fresh stack slot of {@code size} bytes aligned to {@code align} bytes (a power of two). */
    public StackSlot createStackSlot(int size, int align) {
        return declareStackSlot(nextNumber(fn.stackSlots, StackSlot::number), size, align);
    }

    /** The stack slot {@code ssN}; {@code align} 0 means "not written". */
    public StackSlot declareStackSlot(int number, int size, int align) {
        open();
        if (fn.stackSlotNumbered(number) != null) {
            throw fail("ss" + number + " is declared twice");
        }
        if (size < 0) {
            throw fail("ss" + number + " has a negative size " + size);
        }
        if (align < 0 || (align & (align - 1)) != 0) {
            throw fail("ss" + number + " has alignment " + align + ", which is not a power of two");
        }
        StackSlot s = new StackSlot(number, size, align);
        fn.stackSlots.add(s);
        return s;
    }

    /**
     * Declares {@code gvN}: {@code vmctx} when {@code base} is null, else a {@code type} loaded
     * with {@code flags} from {@code base + offset}.
     */
    public GlobalValue declareGlobalValue(int number, Type type, MemFlags flags, GlobalValue base, int offset) {
        open();
        if (fn.globalValueNumbered(number) != null) {
            throw fail("gv" + number + " is declared twice");
        }
        if (base != null && !fn.globalValues.contains(base)) {
            throw fail("gv" + number + " loads through " + base + ", which the function does not declare");
        }
        GlobalValue g = base == null ? new GlobalValue(number, GlobalValue.Kind.VMCTX, null, MemFlags.NONE, null, 0)
                : new GlobalValue(number, GlobalValue.Kind.LOAD, Objects.requireNonNull(type, "type"),
                        Objects.requireNonNull(flags, "flags"), base, offset);
        fn.globalValues.add(g);
        return g;
    }

    /** A fresh signature reference, for {@code call_indirect}. */
    public SigRef importSignature(Signature signature) {
        return declareSignature(nextNumber(fn.sigRefs, SigRef::number), signature);
    }

    /** The signature reference {@code sigN}. */
    public SigRef declareSignature(int number, Signature signature) {
        open();
        if (signature == null) {
            throw fail("sig" + number + " needs a signature");
        }
        if (fn.sigRefNumbered(number) != null) {
            throw fail("sig" + number + " is declared twice");
        }
        SigRef r = new SigRef(number, signature);
        fn.sigRefs.add(r);
        return r;
    }

    /** A sync callee {@code %name}, with a fresh signature reference of its own. */
    public FuncRef importFunction(String name, Signature signature) {
        return importFunction(name, signature, false, false);
    }

    /** An async callee {@code %name}: to be awaited or spawned. */
    public FuncRef importAsyncFunction(String name, Signature signature) {
        return importFunction(name, signature, false, true);
    }

    /** A callee {@code %name}, with a fresh signature reference of its own. */
    public FuncRef importFunction(String name, Signature signature, boolean colocated, boolean isAsync) {
        SigRef sig = importSignature(signature);
        return declareFunction(nextNumber(fn.funcRefs, FuncRef::number), name, sig, colocated, isAsync);
    }

    /**
     * A C future {@code %name} the module awaits but does not define, with its frame: {@code fnN =
     * async %name(...) frame N align M}, and a fresh signature reference of its own.
     */
    public FuncRef importFuture(String name, Signature signature, FutureFrame frame) {
        if (frame == null) {
            throw fail("the future %" + name + " needs its frame (size and alignment)");
        }
        SigRef sig = importSignature(signature);
        return declareFunction(nextNumber(fn.funcRefs, FuncRef::number), name, sig, false, true, frame);
    }

    /** The function reference {@code fnN = [colocated] [async] %name sigN}. */
    public FuncRef declareFunction(int number, String name, SigRef sig, boolean colocated, boolean isAsync) {
        return declareFunction(number, name, sig, colocated, isAsync, null);
    }

    /**
     * The function reference {@code fnN = [colocated] [async] %name sigN [frame N align M]}; a
     * frame (null for none) only on an async callee.
     */
    public FuncRef declareFunction(int number, String name, SigRef sig, boolean colocated, boolean isAsync,
            FutureFrame frame) {
        open();
        if (name == null || name.isEmpty()) {
            throw fail("fn" + number + " needs a callee name");
        }
        if (sig == null || !fn.sigRefs.contains(sig)) {
            throw fail("fn" + number + " needs a signature reference of this function");
        }
        if (fn.funcRefNumbered(number) != null) {
            throw fail("fn" + number + " is declared twice");
        }
        if (frame != null && !isAsync) {
            throw fail("fn" + number + " states a frame, but only an async callee (a future) has one");
        }
        FuncRef r = new FuncRef(number, name, sig, colocated, isAsync, frame);
        fn.funcRefs.add(r);
        return r;
    }

    /** The global value {@code gvN} declared so far, or null. */
    public GlobalValue declaredGlobalValue(int number) {
        return fn.globalValueNumbered(number);
    }

    /** The stack slot {@code ssN} declared so far, or null. */
    public StackSlot declaredStackSlot(int number) {
        return fn.stackSlotNumbered(number);
    }

    /** The signature reference {@code sigN} declared so far, or null. */
    public SigRef declaredSignature(int number) {
        return fn.sigRefNumbered(number);
    }

    /** The function reference {@code fnN} declared so far, or null. */
    public FuncRef declaredFunction(int number) {
        return fn.funcRefNumbered(number);
    }

    // ---- Blocks and values ------------------------------------------------------------------

    /** A new block without parameters, numbered after the highest block number so far. */
    public Block createBlock() {
        return createBlockNumbered(nextBlockNumber);
    }

    /** A new block with parameters of the given types. */
    public Block createBlock(Type... paramTypes) {
        Block b = createBlock();
        for (Type t : paramTypes) {
            appendBlockParam(b, t);
        }
        return b;
    }

    /** A new block whose parameters are the function's parameters; create it first. */
    public Block createEntryBlock() {
        Block b = createBlock();
        for (AbiParam p : fn.signature().params()) {
            appendBlockParam(b, p.type());
        }
        return b;
    }

    /** A new block {@code blockN}. */
    public Block createBlockNumbered(int number) {
        open();
        if (number < 0) {
            throw fail("block numbers are not negative: block" + number);
        }
        if (fn.blockNumbered(number) != null) {
            throw fail("block" + number + " is created twice");
        }
        Block b = new Block(fn.blocks.size(), number);
        b.setFunction(fn);
        fn.blocks.add(b);
        fn.indexBlock(b);
        nextBlockNumber = Math.max(nextBlockNumber, number + 1);
        if (b.id() >= started.length) {
            started = Arrays.copyOf(started, started.length * 2);
        }
        return b;
    }

    /** Marks a block {@code cold}: rarely executed. */
    public void setCold(Block block, boolean cold) {
        own(block);
        block.setCold(cold);
    }

    /** Appends a parameter of {@code type} to {@code block}, numbered fresh. */
    public Value appendBlockParam(Block block, Type type) {
        return appendBlockParam(block, type, nextValueNumber);
    }

    /** Appends the parameter {@code vN: type} to {@code block}. */
    public Value appendBlockParam(Block block, Type type, int number) {
        if (ssa != null) {
            ssa.checkExplicitParam(block);
        }
        return addParam(block, type, number);
    }

    /** A parameter placed by SSA construction for a variable. */
    Value placeParam(Block block, Type type) {
        return addParam(block, type, nextValueNumber);
    }

    private Value addParam(Block block, Type type, int number) {
        open();
        own(block);
        if (type == null) {
            throw fail("a parameter of " + block + " needs a type");
        }
        Value v = define(number, type, block, null);
        block.addParam(v);
        return v;
    }

    /**
     * The value {@code vN}: the one defined with that number, or else a placeholder that a later
     * result or block parameter numbered N (or an alias) defines. Its type is null until then.
     */
    public Value valueNumbered(int number) {
        open();
        Value v = byNumber.get(number);
        if (v == null) {
            if (number < 0) {
                throw fail("value numbers are not negative: v" + number);
            }
            v = new Value(-1, number, null);
            byNumber.put(number, v);
            pending.add(v);
            nextValueNumber = Math.max(nextValueNumber, number + 1);
        }
        return resolve(v);
    }

    /** Makes {@code vN} another name for {@code target}, as CLIF's {@code vN -> vM} does. */
    public void alias(int number, Value target) {
        open();
        Value v = byNumber.get(number);
        if (v != null && (v.isDefined() || v.aliasOf() != null)) {
            throw fail("v" + number + " is defined twice (as an alias of " + target + ")");
        }
        if (v == null) {
            v = valueNumbered(number);
        }
        if (resolve(target) == v) {
            throw fail("v" + number + " -> " + target + " makes a cycle of aliases");
        }
        v.setAliasOf(target);
    }

    /** Makes {@code block} the one new instructions are appended to. */
    public void switchToBlock(Block block) {
        open();
        own(block);
        started[block.id()] = true;
        current = block;
    }

    /** The block instructions are appended to, or null before the first {@link #switchToBlock}. */
    public Block currentBlock() {
        return current;
    }

    // ---- Instructions ----------------------------------------------------------------------

    /** Checks {@code spec}, appends the instruction to the current block and returns it. */
    public Instruction emit(InstructionSpec spec) {
        open();
        Opcode op = spec.opcode();
        if (current == null) {
            throw fail(op + ": no current block; call switchToBlock first");
        }
        Value[] ops = new Value[spec.operands().size()];
        for (int i = 0; i < ops.length; i++) {
            Value v = spec.operands().get(i);
            if (v == null) {
                throw fail(op, "operand " + i + " is null");
            }
            ownValue(v, op);
            ops[i] = resolve(v);
        }
        BlockCall[] dests = new BlockCall[spec.destinations().size()];
        for (int i = 0; i < dests.length; i++) {
            BlockCall c = spec.destinations().get(i);
            if (c == null) {
                throw fail(op, "destination " + i + " is null");
            }
            own(c.block());
            dests[i] = resolveCall(c, op);
        }
        if (spec.stackSlot() != null && !fn.stackSlots.contains(spec.stackSlot())) {
            throw fail(op, "uses " + spec.stackSlot() + ", which the function does not declare");
        }
        TypeRules.Typing typing;
        try {
            typing = TypeRules.check(spec, ops, fn);
            for (BlockCall c : dests) {
                if (started[c.block().id()] && (ssa == null || !ssa.hasPlacedParams(c.block()))) {
                    TypeRules.checkBlockCall(c.block(), c.args());
                }
            }
        } catch (TypeRules.Violation e) {
            throw new IrBuildException(where(current) + op + ": " + e.getMessage(), e.feature);
        }
        Type[] types = typing.results();
        int[] numbers = spec.resultNumbers();
        if (numbers != null && numbers.length != types.length) {
            throw fail(op, "has " + types.length + " result" + (types.length == 1 ? "" : "s") + ", but "
                    + numbers.length + (numbers.length == 1 ? " is" : " are") + " written");
        }
        Value[] results = new Value[types.length];
        for (int i = 0; i < types.length; i++) {
            results[i] = define(numbers == null ? nextValueNumber : numbers[i], types[i], null, op);
        }
        Instruction inst = new Instruction(fn.instructions.size(), spec, typing.controllingType(), ops, dests, results);
        for (int i = 0; i < results.length; i++) {
            results[i].defineAsResult(inst, i);
        }
        if (ssa != null && dests.length > 0) {
            ssa.noteBranch(inst);
        }
        fn.instructions.add(inst);
        current.append(inst);
        if (!typing.complete()) {
            deferred.add(inst);
        }
        return inst;
    }

    /** {@code iconst.T imm}. */
    public Value iconst(Type type, long imm) {
        return emit(new InstructionSpec(Opcode.ICONST).type(type).imm(imm)).result();
    }

    /** {@code f32const}, from a Java float (its exact bits). */
    public Value f32const(float value) {
        return f32constBits(Float.floatToRawIntBits(value));
    }

    /** {@code f32const} from raw IEEE bits (any NaN payload kept). */
    public Value f32constBits(int bits) {
        return emit(new InstructionSpec(Opcode.F32CONST).imm(bits & 0xFFFF_FFFFL)).result();
    }

    /** {@code f64const}, from a Java double (its exact bits). */
    public Value f64const(double value) {
        return f64constBits(Double.doubleToRawLongBits(value));
    }

    /** {@code f64const} from raw IEEE bits (any NaN payload kept). */
    public Value f64constBits(long bits) {
        return emit(new InstructionSpec(Opcode.F64CONST).imm(bits)).result();
    }

    /** Any one-operand, one-result opcode whose type is inferred ({@code ineg}, {@code sqrt}...). */
    public Value unary(Opcode op, Value x) {
        return emit(new InstructionSpec(op).operands(x)).result();
    }

    /** Any two-operand, one-result opcode ({@code iadd}, {@code fmul}, {@code ishl}...). */
    public Value binary(Opcode op, Value x, Value y) {
        return emit(new InstructionSpec(op).operands(x, y)).result();
    }

    /** Any opcode of the {@code op x, imm} shape ({@code iadd_imm}, {@code ishl_imm}...). */
    public Value binaryImm(Opcode op, Value x, long imm) {
        return emit(new InstructionSpec(op).operands(x).imm(imm)).result();
    }

    /** Any three-operand, one-result opcode ({@code select}, {@code fma}, {@code bitselect}). */
    public Value ternary(Opcode op, Value x, Value y, Value z) {
        return emit(new InstructionSpec(op).operands(x, y, z)).result();
    }

    /** An opcode with two results ({@code sadd_overflow}, {@code isplit}, {@code *_cin}...). */
    public Instruction multi(Opcode op, Value... operands) {
        return emit(new InstructionSpec(op).operands(operands));
    }

    /** A width change or conversion whose result type is written: {@code uextend.i64 v0}. */
    public Value convert(Opcode op, Type to, Value x) {
        return emit(new InstructionSpec(op).type(to).operands(x)).result();
    }

    /** {@code iadd}: wrapping integer addition. */
    public Value iadd(Value x, Value y) {
        return binary(Opcode.IADD, x, y);
    }

    /** {@code isub}: wrapping integer subtraction. */
    public Value isub(Value x, Value y) {
        return binary(Opcode.ISUB, x, y);
    }

    /** {@code imul}: wrapping integer multiplication. */
    public Value imul(Value x, Value y) {
        return binary(Opcode.IMUL, x, y);
    }

    /** {@code udiv}: unsigned division, trapping on zero. */
    public Value udiv(Value x, Value y) {
        return binary(Opcode.UDIV, x, y);
    }

    /** {@code sdiv}: signed division, trapping on zero and overflow. */
    public Value sdiv(Value x, Value y) {
        return binary(Opcode.SDIV, x, y);
    }

    /** {@code urem}: unsigned remainder, trapping on zero. */
    public Value urem(Value x, Value y) {
        return binary(Opcode.UREM, x, y);
    }

    /** {@code srem}: signed remainder, trapping on zero. */
    public Value srem(Value x, Value y) {
        return binary(Opcode.SREM, x, y);
    }

    /** {@code ineg}: wrapping negation. */
    public Value ineg(Value x) {
        return unary(Opcode.INEG, x);
    }

    /** {@code band}: bitwise and. */
    public Value band(Value x, Value y) {
        return binary(Opcode.BAND, x, y);
    }

    /** {@code bor}: bitwise or. */
    public Value bor(Value x, Value y) {
        return binary(Opcode.BOR, x, y);
    }

    /** {@code bxor}: bitwise exclusive or. */
    public Value bxor(Value x, Value y) {
        return binary(Opcode.BXOR, x, y);
    }

    /** {@code bnot}: bitwise complement. */
    public Value bnot(Value x) {
        return unary(Opcode.BNOT, x);
    }

    /** {@code ishl}: shift left by {@code amount} modulo the width. */
    public Value ishl(Value x, Value amount) {
        return binary(Opcode.ISHL, x, amount);
    }

    /** {@code ushr}: logical shift right by {@code amount} modulo the width. */
    public Value ushr(Value x, Value amount) {
        return binary(Opcode.USHR, x, amount);
    }

    /** {@code sshr}: arithmetic shift right by {@code amount} modulo the width. */
    public Value sshr(Value x, Value amount) {
        return binary(Opcode.SSHR, x, amount);
    }

    /** {@code iadd_imm}: adds an immediate. */
    public Value iaddImm(Value x, long imm) {
        return binaryImm(Opcode.IADD_IMM, x, imm);
    }

    /** {@code icmp cc x, y}: 1 or 0 as an {@code i8}. */
    public Value icmp(IntCC cc, Value x, Value y) {
        return emit(new InstructionSpec(Opcode.ICMP).intCC(cc).operands(x, y)).result();
    }

    /** {@code icmp_imm cc x, imm}: 1 or 0 as an {@code i8}. */
    public Value icmpImm(IntCC cc, Value x, long imm) {
        return emit(new InstructionSpec(Opcode.ICMP_IMM).intCC(cc).operands(x).imm(imm)).result();
    }

    /** {@code fcmp cc x, y}: 1 or 0 as an {@code i8}. */
    public Value fcmp(FloatCC cc, Value x, Value y) {
        return emit(new InstructionSpec(Opcode.FCMP).floatCC(cc).operands(x, y)).result();
    }

    /** {@code select c, x, y}: x if c is non-zero, else y. */
    public Value select(Value c, Value x, Value y) {
        return ternary(Opcode.SELECT, c, x, y);
    }

    /** {@code fadd}: IEEE addition. */
    public Value fadd(Value x, Value y) {
        return binary(Opcode.FADD, x, y);
    }

    /** {@code fsub}: IEEE subtraction. */
    public Value fsub(Value x, Value y) {
        return binary(Opcode.FSUB, x, y);
    }

    /** {@code fmul}: IEEE multiplication. */
    public Value fmul(Value x, Value y) {
        return binary(Opcode.FMUL, x, y);
    }

    /** {@code fdiv}: IEEE division. */
    public Value fdiv(Value x, Value y) {
        return binary(Opcode.FDIV, x, y);
    }

    /** {@code uextend.to x}: zero extension. */
    public Value uextend(Type to, Value x) {
        return convert(Opcode.UEXTEND, to, x);
    }

    /** {@code sextend.to x}: sign extension. */
    public Value sextend(Type to, Value x) {
        return convert(Opcode.SEXTEND, to, x);
    }

    /** {@code ireduce.to x}: truncation. */
    public Value ireduce(Type to, Value x) {
        return convert(Opcode.IREDUCE, to, x);
    }

    /** {@code bitcast.to x}: the same bits as another type of the same width. */
    public Value bitcast(Type to, Value x) {
        return emit(new InstructionSpec(Opcode.BITCAST).type(to).operands(x)).result();
    }

    /** {@code load.T flags addr+offset}. */
    public Value load(Type type, MemFlags flags, Value addr, int offset) {
        return load(Opcode.LOAD, type, flags, addr, offset);
    }

    /** Any load: {@code load}, {@code uload8}, {@code sload16}... */
    public Value load(Opcode op, Type type, MemFlags flags, Value addr, int offset) {
        return emit(new InstructionSpec(op).type(type).memFlags(flags).operands(addr).offset(offset)).result();
    }

    /** {@code store flags value, addr+offset}. */
    public Instruction store(MemFlags flags, Value value, Value addr, int offset) {
        return store(Opcode.STORE, flags, value, addr, offset);
    }

    /** Any store: {@code store}, {@code istore8}... */
    public Instruction store(Opcode op, MemFlags flags, Value value, Value addr, int offset) {
        return emit(new InstructionSpec(op).memFlags(flags).operands(value, addr).offset(offset));
    }

    /** {@code stack_load.type slot+offset}. */
    public Value stackLoad(Type type, StackSlot slot, int offset) {
        return emit(new InstructionSpec(Opcode.STACK_LOAD).type(type).stackSlot(slot).offset(offset)).result();
    }

    /** {@code stack_store value, slot+offset}. */
    public Instruction stackStore(Value value, StackSlot slot, int offset) {
        return emit(new InstructionSpec(Opcode.STACK_STORE).operands(value).stackSlot(slot).offset(offset));
    }

    /** {@code stack_addr.type slot+offset}: the slot's address. */
    public Value stackAddr(Type type, StackSlot slot, int offset) {
        return emit(new InstructionSpec(Opcode.STACK_ADDR).type(type).stackSlot(slot).offset(offset)).result();
    }

    /** {@code jump target(args)}. */
    public Instruction jump(Block target, Value... args) {
        return jump(target, List.of(args));
    }

    /** {@code jump target(args)}. */
    public Instruction jump(Block target, List<Value> args) {
        return emit(new InstructionSpec(Opcode.JUMP).destination(call(target, args)));
    }

    /** {@code brif c, then(thenArgs), else(elseArgs)}: to {@code then} if c is non-zero. */
    public Instruction brif(Value c, Block then, List<Value> thenArgs, Block otherwise, List<Value> elseArgs) {
        return emit(new InstructionSpec(Opcode.BRIF).operands(c)
                .destination(call(then, thenArgs)).destination(call(otherwise, elseArgs)));
    }

    /** {@code brif} to blocks without parameters. */
    public Instruction brif(Value c, Block then, Block otherwise) {
        return brif(c, then, List.of(), otherwise, List.of());
    }

    /** {@code br_table index, default, [table...]}. */
    public Instruction brTable(Value index, BlockCall defaultCall, List<BlockCall> table) {
        return emit(new InstructionSpec(Opcode.BR_TABLE).operands(index).destination(defaultCall).destinations(table));
    }

    /** {@code return values}. */
    public Instruction return_(Value... values) {
        return return_(List.of(values));
    }

    /** {@code return values}. */
    public Instruction return_(List<Value> values) {
        return emit(new InstructionSpec(Opcode.RETURN).operands(values));
    }

    /** {@code trap code}: traps unconditionally. */
    public Instruction trap(TrapCode code) {
        return emit(new InstructionSpec(Opcode.TRAP).trapCode(code));
    }

    /** {@code trapz c, code}: traps if {@code c} is zero. */
    public Instruction trapz(Value c, TrapCode code) {
        return emit(new InstructionSpec(Opcode.TRAPZ).operands(c).trapCode(code));
    }

    /** {@code trapnz c, code}: traps if {@code c} is non-zero. */
    public Instruction trapnz(Value c, TrapCode code) {
        return emit(new InstructionSpec(Opcode.TRAPNZ).operands(c).trapCode(code));
    }

    /** {@code nop}. */
    public Instruction nop() {
        return emit(new InstructionSpec(Opcode.NOP));
    }

    /** {@code call fnN(args)}; the results are the instruction's. */
    public Instruction call(FuncRef callee, Value... args) {
        return callLike(Opcode.CALL, callee, List.of(args));
    }

    /** {@code call fnN(args)}; the results are the instruction's. */
    public Instruction call(FuncRef callee, List<Value> args) {
        return callLike(Opcode.CALL, callee, args);
    }

    /** {@code call_indirect.T sigN, callee(args)}. */
    public Instruction callIndirect(SigRef sig, Value callee, List<Value> args) {
        List<Value> ops = new ArrayList<>();
        ops.add(callee);
        ops.addAll(args);
        return emit(new InstructionSpec(Opcode.CALL_INDIRECT).sigRef(sig).operands(ops));
    }

    /**
     * {@code await_indirect sigN, callee(args)}: awaits the async function value {@code callee}
     * (from {@code func_addr} of an async function), its frame on the heap.
     */
    public Instruction awaitIndirect(SigRef sig, Value callee, List<Value> args) {
        List<Value> ops = new ArrayList<>();
        ops.add(callee);
        ops.addAll(args);
        return emit(new InstructionSpec(Opcode.AWAIT_INDIRECT).sigRef(sig).operands(ops));
    }

    /** {@code spawn_indirect sigN, callee(args)}: starts the async function value as a task; its i64 handle. */
    public Value spawnIndirect(SigRef sig, Value callee, List<Value> args) {
        List<Value> ops = new ArrayList<>();
        ops.add(callee);
        ops.addAll(args);
        return emit(new InstructionSpec(Opcode.SPAWN_INDIRECT).sigRef(sig).operands(ops)).result();
    }

    /** {@code func_addr.type fnN}: the callee's code address (of an async callee: its function value). */
    public Value funcAddr(Type type, FuncRef callee) {
        return emit(new InstructionSpec(Opcode.FUNC_ADDR).type(type).funcRef(callee)).result();
    }

    /** {@code await fnN(args)}: await an async callee whose frame is embedded in this one. */
    public Instruction await_(FuncRef callee, Value... args) {
        return callLike(Opcode.AWAIT, callee, List.of(args));
    }

    /** {@code await fnN(args)}, the callee's frame embedded in this one. */
    public Instruction await_(FuncRef callee, List<Value> args) {
        return callLike(Opcode.AWAIT, callee, args);
    }

    /** {@code await_boxed fnN(args)}: the same with the callee's frame on the heap. */
    public Instruction awaitBoxed(FuncRef callee, Value... args) {
        return callLike(Opcode.AWAIT_BOXED, callee, List.of(args));
    }

    /** {@code spawn fnN(args)}: starts a task; the result is its i64 handle. */
    public Value spawn(FuncRef callee, Value... args) {
        return callLike(Opcode.SPAWN, callee, List.of(args)).result();
    }

    private Instruction callLike(Opcode op, FuncRef callee, List<Value> args) {
        return emit(new InstructionSpec(op).funcRef(callee).operands(args));
    }

    private static BlockCall call(Block target, List<Value> args) {
        if (target == null) {
            throw new IrBuildException("a branch needs a destination block");
        }
        for (Value a : args) {
            if (a == null) {
                throw new IrBuildException("a branch to " + target + " passes a null argument");
            }
        }
        return new BlockCall(target, args);
    }

    // ---- Variables: SSA construction (SsaBuilder) --------------------------------------------

    /**
     * A new variable of {@code type}. Variables are assigned and read like a source language's
     * locals; the builder turns them into SSA values, placing block parameters where definitions
     * meet. Seal every block ({@link #sealBlock}) before {@link #build()}.
     */
    public Variable declareVariable(Type type) {
        open();
        return ssa().declare(type);
    }

    /** Assigns {@code value} (of the variable's type) to {@code variable} at the end of the current block. */
    public void defineVariable(Variable variable, Value value) {
        open();
        ssa().define(variable, value, current);
    }

    /**
     * The value {@code variable} holds at the end of the current block, placing block parameters
     * where definitions from several predecessors meet. A use that some path from the entry block
     * reaches without a definition is an error (found at the use, or when the block holding the
     * parameter it needed is sealed).
     */
    public Value useVariable(Variable variable) {
        open();
        return ssa().use(variable, current);
    }

    /**
     * Declares that every branch to {@code block} has been made, so variables read in it can be
     * resolved; a branch to a sealed block is an error. Seal a loop header after its back edges.
     */
    public void sealBlock(Block block) {
        open();
        own(block);
        ssa().seal(block);
    }

    /** Seals every block made so far ({@link #sealBlock}); simplest when the whole body is built. */
    public void sealAllBlocks() {
        open();
        ssa().sealAll();
    }

    private SsaBuilder ssa() {
        if (ssa == null) {
            ssa = new SsaBuilder(this, fn);
        }
        return ssa;
    }

    // ---- Finishing -------------------------------------------------------------------------

    /**
     * Finishes the function: every value used is defined, every check that waited for a type is
     * done, every block call matches its block's parameters. Returns the same function if called
     * again.
     */
    public Function build() {
        if (built) {
            return fn;
        }
        boolean aliased = ssa != null && ssa.finish();
        for (Value v : pending) {
            if (!v.isDefined() && v.aliasOf() == null) {
                throw new IrBuildException("function %" + fn.name() + ": v" + v.number()
                        + " is used but never defined", null, null, v.number());
            }
            Value r = resolve(v);
            if (!r.isDefined()) {
                throw new IrBuildException("function %" + fn.name() + ": v" + v.number()
                        + " is an alias of a value that is never defined", null, null, v.number());
            }
        }
        if (!pending.isEmpty() || aliased) {
            for (Instruction inst : fn.instructions) {
                resolveOperands(inst);
            }
        }
        try {
            for (Instruction inst : deferred) {
                TypeRules.check(InstructionSpec.copyOf(inst), inst.operandArray(), fn);
            }
        } catch (TypeRules.Violation e) {
            Instruction inst = deferred.stream().filter(i -> fails(i)).findFirst().orElse(null);
            throw new IrBuildException(where(inst == null ? null : inst.block())
                    + (inst == null ? "" : inst.opcode() + ": ") + e.getMessage(), e.feature, inst, -1);
        }
        for (Instruction inst : fn.instructions) {
            for (BlockCall c : inst.destinationArray()) {
                try {
                    TypeRules.checkBlockCall(c.block(), c.args());
                } catch (TypeRules.Violation e) {
                    throw new IrBuildException(where(inst.block()) + inst.opcode() + ": " + e.getMessage(),
                            null, inst, -1);
                }
            }
        }
        built = true;
        return fn;
    }

    private boolean fails(Instruction inst) {
        try {
            TypeRules.check(InstructionSpec.copyOf(inst), inst.operandArray(), fn);
            return false;
        } catch (TypeRules.Violation e) {
            return true;
        }
    }

    private void resolveOperands(Instruction inst) {
        Value[] ops = inst.operandArray();
        Value[] newOps = ops.clone();
        for (int i = 0; i < newOps.length; i++) {
            newOps[i] = resolve(newOps[i]);
        }
        BlockCall[] dests = inst.destinationArray().clone();
        for (int i = 0; i < dests.length; i++) {
            List<Value> args = new ArrayList<>(dests[i].args());
            args.replaceAll(this::resolve);
            dests[i] = new BlockCall(dests[i].block(), args);
        }
        inst.replaceOperands(newOps, dests);
    }

    // ---- Internals -------------------------------------------------------------------------

    private Value define(int number, Type type, Block block, Opcode op) {
        if (number < 0) {
            throw fail("value numbers are not negative: v" + number);
        }
        Value v = byNumber.get(number);
        if (v != null && (v.isDefined() || v.aliasOf() != null)) {
            String what = op != null ? op + ": " : "";
            throw new IrBuildException(where(block != null ? block : current) + what + "v" + number
                    + " is defined twice", null, null, number);
        }
        if (v == null) {
            v = new Value(fn.values.size(), number, type);
            byNumber.put(number, v);
        } else {
            v.setId(fn.values.size());
            v.setType(type);
        }
        fn.values.add(v);
        fn.indexValue(v);
        nextValueNumber = Math.max(nextValueNumber, number + 1);
        return v;
    }

    /** Follows aliases; a chain that loops ends where it started (reported at {@link #build()}). */
    private Value resolve(Value v) {
        Value r = v;
        int steps = 0;
        while (r.aliasOf() != null && steps++ <= byNumber.size()) {
            r = r.aliasOf();
        }
        return r;
    }

    private BlockCall resolveCall(BlockCall c, Opcode op) {
        List<Value> args = new ArrayList<>(c.args().size());
        for (Value a : c.args()) {
            ownValue(a, op);
            args.add(resolve(a));
        }
        return new BlockCall(c.block(), args);
    }

    private void ownValue(Value v, Opcode op) {
        boolean mine = v.id() >= 0 ? v.id() < fn.values.size() && fn.values.get(v.id()) == v
                : byNumber.get(v.number()) == v;
        if (!mine) {
            throw fail(op, v + " belongs to another function");
        }
    }

    private void own(Block b) {
        if (b == null) {
            throw fail("block is null");
        }
        if (b.function() != fn) {
            throw fail(b + " belongs to another function");
        }
    }

    private void open() {
        if (built) {
            throw new IrBuildException("function %" + fn.name() + " is already built");
        }
    }

    private String where(Block b) {
        return "function %" + fn.name() + ", " + (b == null ? "" : b + ", ");
    }

    private IrBuildException fail(String message) {
        return new IrBuildException(where(current) + message);
    }

    private IrBuildException fail(Opcode op, String message) {
        return new IrBuildException(where(current) + op + ": " + message);
    }

    private static <T> int nextNumber(List<T> items, java.util.function.ToIntFunction<T> number) {
        int next = 0;
        for (T t : items) {
            next = Math.max(next, number.applyAsInt(t) + 1);
        }
        return next;
    }
}
