package dev.vex.x64.isel;

import static dev.vex.backend.Operand.def;
import static dev.vex.backend.Operand.defFixed;
import static dev.vex.backend.Operand.defReuse;
import static dev.vex.backend.Operand.earlyDef;
import static dev.vex.backend.Operand.lateUse;
import static dev.vex.backend.Operand.use;
import static dev.vex.backend.Operand.useFixed;
import static dev.vex.x64.abi.X64MachineSpec.RAX;
import static dev.vex.x64.abi.X64MachineSpec.RCX;
import static dev.vex.x64.abi.X64MachineSpec.RDX;
import static dev.vex.x64.abi.X64MachineSpec.XMM0;

import dev.vex.backend.BackendException;
import dev.vex.backend.MachFunction;
import dev.vex.backend.MachFunctionBuilder;
import dev.vex.backend.RegClass;
import dev.vex.ir.Block;
import dev.vex.ir.BlockCall;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.Module;
import dev.vex.ir.Opcode;
import dev.vex.ir.Signature;
import dev.vex.ir.StackSlot;
import dev.vex.ir.Type;
import dev.vex.ir.Value;
import dev.vex.x64.abi.AbiLayout;
import dev.vex.x64.abi.X64MachineSpec;
import dev.vex.x64.asm.CpuFeature;
import dev.vex.x64.asm.CpuFeatures;
import java.util.List;

/**
 * Lowers one verified sync IR function to a {@link MachFunction} over virtual registers.
 *
 * <p>Mostly one machine instruction per IR operation, with the operand constraints that let emit
 * pick the x86 form: two-address operations reuse their first input's register, division and
 * 64-bit high multiplies fix rax/rdx, variable shifts fix rcx, and operations that need their
 * inputs after writing the result (float NaN fix-ups, conversions, bit counts) use early defs.
 * {@code *_imm} forms become an {@code iconst} plus the register form. Block 0 is an entry stub
 * that receives the parameters (fixed registers, stack loads), zero-extends narrow integers, and
 * jumps to the IR entry block; edges from multi-way branches to blocks with several incoming
 * edges get a block of their own (no critical edges).
 *
 * <p><b>Register-content invariant:</b> an integer value of type iN lives in a 64-bit register
 * zero-extended from N bits (the interpreter's canonical form), so comparisons, stores, returns
 * and the array entry never extend; operations whose x86 form dirties the upper bits
 * (i8/i16 arithmetic done in 32-bit registers, signed extensions) re-extend their result. A
 * float lives in the low 32 or 64 bits of an xmm register; the bits above are undefined.
 */
public final class InstructionSelector {
    private static final X64MachineSpec SPEC = X64MachineSpec.INSTANCE;

    private final Module module;
    private final CpuFeatures features;

    private MachFunctionBuilder b;
    private Function f;
    private int[] vreg;
    /** The high half of each i128 value (-1 for others); the low half is in {@link #vreg}. */
    private int[] high;
    private I128Lowering wide;
    private int[] blockNum;
    private int[][] splitNum;
    private int retAreaPtr = -1;
    private int[] useCount;
    private Instruction[] soleUser;
    private AbiLayout abi;
    /** How far the entry grows the incoming-argument area for tail calls ({@link TailCallLowering}). */
    private int growth;
    private java.util.Map<StackSlot, Integer> slotIndex;

    public InstructionSelector(Module module, CpuFeatures features) {
        this.module = module;
        this.features = features;
    }

    public MachFunction select(Function function) {
        if (function.isAsync()) {
            throw new BackendException(function.name(), "async functions are not compiled yet");
        }
        if (function.entryBlock() == null) {
            throw new BackendException(function.name(), "a function without a body cannot be compiled");
        }
        f = function;
        b = new MachFunctionBuilder(function.name(), SPEC);
        abi = AbiLayout.of(function.signature());
        retAreaPtr = -1;
        vreg = new int[function.valueCount()];
        for (Value v : function.values()) {
            vreg[v.id()] = b.newVReg(classOf(v.type()));
        }
        high = I128Lowering.assignHighHalves(b, function.values(), function.valueCount());
        wide = new I128Lowering(b, function.name(), vreg, high);
        // Slots are indexed in declaration order; their ssN numbers may have gaps.
        slotIndex = new java.util.IdentityHashMap<>();
        for (StackSlot s : function.stackSlots()) {
            slotIndex.put(s, slotIndex.size());
            b.stackSlot(s.size(), Math.max(1, s.align()));
        }
        countUses();
        numberBlocks();
        growth = TailCallLowering.growth(function);
        lowerEntryStub();
        for (Block blk : function.blocks()) {
            b.beginBlock(blockNum[blk.id()], vregs(blk.params()));
            for (Instruction inst : blk.instructions()) {
                lower(inst);
            }
            Instruction t = blk.terminator();
            if (t != null && splitNum[blk.id()] != null) {
                for (int k = 0; k < t.destinations().size(); k++) {
                    int s = splitNum[blk.id()][k];
                    if (s >= 0) {
                        b.beginBlock(s);
                        BlockCall c = t.destination(k);
                        b.terminator(plain(Kind.JUMP, null), new int[0], new int[] {blockNum[c.block().id()]},
                                new int[][] {vregs(c.args())});
                    }
                }
            }
        }
        return b.build();
    }

    static RegClass classOf(Type t) {
        return t.isFloat() ? RegClass.FLOAT : RegClass.INT;
    }

    private int v(Value x) {
        return vreg[x.id()];
    }

    /** The registers of {@code values}: two for an i128, low half first. */
    private int[] vregs(List<Value> values) {
        int n = 0;
        for (Value x : values) {
            n += x.type().longs();
        }
        int[] out = new int[n];
        int k = 0;
        for (Value x : values) {
            out[k++] = v(x);
            if (I128Lowering.isWide(x)) {
                out[k++] = high[x.id()];
            }
        }
        return out;
    }

    private void countUses() {
        useCount = new int[f.valueCount()];
        soleUser = new Instruction[f.valueCount()];
        for (Block blk : f.blocks()) {
            for (Instruction inst : blk.instructions()) {
                for (int i = 0; i < inst.operandCount(); i++) {
                    useCount[inst.operand(i).id()]++;
                    soleUser[inst.operand(i).id()] = inst;
                }
                for (BlockCall c : inst.destinations()) {
                    for (Value a : c.args()) {
                        useCount[a.id()]++;
                    }
                }
            }
        }
    }

    /** Whether {@code inst} is a compare whose only use is the brif that ends its block. */
    private boolean fusedIntoBranch(Instruction inst) {
        if (inst.opcode() != Opcode.ICMP && inst.opcode() != Opcode.ICMP_IMM && inst.opcode() != Opcode.FCMP) {
            return false;
        }
        Instruction t = inst.block().terminator();
        return t != null && t.opcode() == Opcode.BRIF && t.operand(0) == inst.result()
                && useCount[inst.result().id()] == 1 && !I128Lowering.isWide(inst.operand(0));
    }

    /** Whether {@code inst} is an integer compare whose only use is an integer select in its block. */
    private boolean fusedIntoSelect(Instruction inst) {
        if (inst.opcode() != Opcode.ICMP && inst.opcode() != Opcode.ICMP_IMM) {
            return false;
        }
        Instruction user = soleUser[inst.result().id()];
        return useCount[inst.result().id()] == 1 && user != null && user.block() == inst.block()
                && (user.opcode() == Opcode.SELECT || user.opcode() == Opcode.SELECT_SPECTRE_GUARD)
                && user.operand(0) == inst.result() && user.operand(1) != inst.result()
                && user.operand(2) != inst.result() && user.result().type().isInt()
                && !I128Lowering.isWide(user.result()) && !I128Lowering.isWide(inst.operand(0));
    }

    private void numberBlocks() {
        int maxId = 0;
        for (Block blk : f.blocks()) {
            maxId = Math.max(maxId, blk.id());
        }
        int[] preds = new int[maxId + 1];
        preds[f.entryBlock().id()]++;
        for (Block blk : f.blocks()) {
            Instruction t = blk.terminator();
            if (t != null) {
                for (BlockCall c : t.destinations()) {
                    preds[c.block().id()]++;
                }
            }
        }
        blockNum = new int[maxId + 1];
        splitNum = new int[maxId + 1][];
        int next = 1;
        for (Block blk : f.blocks()) {
            blockNum[blk.id()] = next++;
            Instruction t = blk.terminator();
            if (t != null && t.destinations().size() > 1) {
                int[] s = new int[t.destinations().size()];
                for (int k = 0; k < s.length; k++) {
                    s[k] = preds[t.destination(k).block().id()] > 1 ? next++ : -1;
                }
                splitNum[blk.id()] = s;
            }
        }
        for (int i = 0; i < next; i++) {
            b.newBlock();
        }
    }

    private void lowerEntryStub() {
        b.beginBlock(0);
        Signature sig = f.signature();
        int n = sig.params().size();
        // One register per parameter, and a second for the high half of an i128.
        int[] params = new int[n];
        int[] highs = new int[n];
        int[] ops = new int[2 * n + 1];
        int k = 0;
        for (int i = 0; i < n; i++) {
            params[i] = b.newVReg(classOf(sig.paramType(i)));
            if (!AbiLayout.isStack(abi.param(i))) {
                ops[k++] = defFixed(params[i], abi.param(i));
            }
            if (sig.paramType(i) == Type.I128) {
                highs[i] = b.newVReg(RegClass.INT);
                if (!AbiLayout.isStack(abi.paramHigh(i))) {
                    ops[k++] = defFixed(highs[i], abi.paramHigh(i));
                }
            }
        }
        if (abi.hasReturnArea()) {
            retAreaPtr = b.newVReg(RegClass.INT);
            ops[k++] = defFixed(retAreaPtr, AbiLayout.returnAreaRegister());
        }
        b.inst(new X64Inst(Kind.ARGS, null, null, null, growth, 0, null, null, k, 0), 0, java.util.Arrays.copyOf(ops, k));
        int[] args = new int[vregs(f.entryBlock().params()).length];
        int a = 0;
        for (int i = 0; i < n; i++) {
            Type t = sig.paramType(i);
            boolean wideParam = t == Type.I128;
            Type half = wideParam ? Type.I64 : t;
            if (AbiLayout.isStack(abi.param(i))) {
                b.inst(new X64Inst(Kind.LOAD_ARG, null, half, null, 16 + growth + AbiLayout.stackOffset(abi.param(i)), 0, null,
                        null, 1, 0), 0, def(params[i]));
            }
            if (wideParam && AbiLayout.isStack(abi.paramHigh(i))) {
                b.inst(new X64Inst(Kind.LOAD_ARG, null, half, null, 16 + growth + AbiLayout.stackOffset(abi.paramHigh(i)), 0,
                        null, null, 1, 0), 0, def(highs[i]));
            }
            if (t.isInt() && t != Type.I64 && !wideParam) {
                int nv = b.newVReg(RegClass.INT);
                b.inst(new X64Inst(Kind.NORM, null, t, t, 0, 0, null, null, 1, 1), 0, defReuse(nv, 1), use(params[i]));
                params[i] = nv;
            }
            args[a++] = params[i];
            if (wideParam) {
                args[a++] = highs[i];
            }
        }
        b.terminator(plain(Kind.JUMP, null), new int[0], new int[] {blockNum[f.entryBlock().id()]},
                new int[][] {args});
    }

    private static X64Inst plain(Kind kind, Type type) {
        return new X64Inst(kind, null, type, null, 0, 0, null, null, 0, 0);
    }

    private X64Inst ir(Instruction inst, Opcode op, Type type, Type argType, long imm, int nd, int nu) {
        return new X64Inst(Kind.IR, op, type, argType, imm, 0, inst.trapCode(), null, nd, nu);
    }

    private int constant(Type t, long value) {
        int c = b.newVReg(RegClass.INT);
        b.inst(new X64Inst(Kind.IR, Opcode.ICONST, t, null, value & t.mask(), 0, null, null, 1, 0), 0, def(c));
        return c;
    }

    private void lower(Instruction inst) {
        HalfFloats.check(f, inst);
        Opcode op = inst.opcode();
        Type rt = inst.resultCount() > 0 ? inst.result(0).type() : null;
        Type at = inst.operandCount() > 0 ? inst.operand(0).type() : null;
        if (I128Lowering.handles(inst)) {
            wide.lower(inst);
            return;
        }
        if (rt != null && rt.isFloat() && switch (op) {
            case BAND, BOR, BXOR, BAND_NOT, BOR_NOT, BXOR_NOT, BNOT, BITSELECT -> true;
            default -> false;
        }) {
            floatBitwise(inst, op, rt);
            return;
        }
        if (fusedIntoBranch(inst) || fusedIntoSelect(inst)) {
            return; // emitted by the brif or select that uses it
        }
        if ((op == Opcode.SELECT || op == Opcode.SELECT_SPECTRE_GUARD)
                && inst.operand(0).definingInstruction() != null
                && fusedIntoSelect(inst.operand(0).definingInstruction())) {
            selectOnCompare(inst, inst.operand(0).definingInstruction());
            return;
        }
        switch (op) {
            case NOP -> { }
            case ICONST, F32CONST, F64CONST, F16CONST -> {
                long bits = op == Opcode.ICONST ? inst.imm() & rt.mask() : op == Opcode.F32CONST
                        ? inst.ieee32Bits() & 0xffff_ffffL : op == Opcode.F16CONST ? inst.imm() & 0xffff
                        : inst.ieee64Bits();
                b.inst(ir(inst, op, rt, null, bits, 1, 0), 0, def(v(inst.result())));
            }
            case IADD, ISUB, IMUL, BAND, BOR, BXOR, BAND_NOT, BOR_NOT, BXOR_NOT, SMIN, SMAX, UMIN, UMAX ->
                binary(inst, op, rt, v(inst.operand(0)), v(inst.operand(1)));
            case IADD_IMM, IMUL_IMM, BAND_IMM, BOR_IMM, BXOR_IMM -> {
                if (fitsImm32(rt, inst.imm())) {
                    b.inst(ir(inst, op, rt, rt, inst.imm() & rt.mask(), 1, 1), 0, defReuse(v(inst.result()), 1),
                            use(v(inst.operand(0))));
                    return;
                }
                Opcode base = switch (op) {
                    case IADD_IMM -> Opcode.IADD;
                    case IMUL_IMM -> Opcode.IMUL;
                    case BAND_IMM -> Opcode.BAND;
                    case BOR_IMM -> Opcode.BOR;
                    default -> Opcode.BXOR;
                };
                binary(inst, base, rt, v(inst.operand(0)), constant(rt, inst.imm()));
            }
            case IRSUB_IMM -> binary(inst, Opcode.ISUB, rt, constant(rt, inst.imm()), v(inst.operand(0)));
            case INEG, BNOT, IABS, BSWAP, FNEG, FABS, SEXTEND, IREDUCE ->
                b.inst(ir(inst, op, rt, at, 0, 1, 1), 0, defReuse(v(inst.result()), 1), use(v(inst.operand(0))));
            case UEXTEND -> copy(inst);
            case ISHL_IMM, USHR_IMM, SSHR_IMM, ROTL_IMM, ROTR_IMM ->
                b.inst(ir(inst, op, rt, at, inst.imm(), 1, 1), 0, defReuse(v(inst.result()), 1),
                        use(v(inst.operand(0))));
            case ISHL, USHR, SSHR, ROTL, ROTR -> {
                int a = v(inst.operand(0));
                int amt = v(inst.operand(1));
                if (a == amt) {
                    amt = copyOf(amt, RegClass.INT);
                }
                b.inst(ir(inst, op, rt, at, 0, 1, 2), 1L << RCX, defReuse(v(inst.result()), 1), use(a),
                        useFixed(amt, RCX));
            }
            case UDIV, SDIV, UREM, SREM -> divide(inst, op, rt, v(inst.operand(0)), v(inst.operand(1)));
            case UDIV_IMM, SDIV_IMM, UREM_IMM, SREM_IMM -> {
                Opcode base = switch (op) {
                    case UDIV_IMM -> Opcode.UDIV;
                    case SDIV_IMM -> Opcode.SDIV;
                    case UREM_IMM -> Opcode.UREM;
                    default -> Opcode.SREM;
                };
                divide(inst, base, rt, v(inst.operand(0)), constant(rt, inst.imm()));
            }
            case UMULHI, SMULHI -> {
                if (rt == Type.I64) {
                    b.inst(ir(inst, op, rt, at, 0, 1, 2), 1L << RAX, defFixed(v(inst.result()), RDX),
                            useFixed(v(inst.operand(0)), RAX), lateUse(v(inst.operand(1))));
                } else {
                    binary(inst, op, rt, v(inst.operand(0)), v(inst.operand(1)));
                }
            }
            case UMUL_OVERFLOW -> {
                if (rt == Type.I64) {
                    b.inst(ir(inst, op, rt, at, 0, 2, 2), 1L << RDX, defFixed(v(inst.result(0)), RAX),
                            def(v(inst.result(1))), useFixed(v(inst.operand(0)), RAX), lateUse(v(inst.operand(1))));
                } else {
                    overflow(inst, op, rt);
                }
            }
            case SADD_OVERFLOW, UADD_OVERFLOW, SSUB_OVERFLOW, USUB_OVERFLOW, SMUL_OVERFLOW, SADD_OVERFLOW_CIN,
                    UADD_OVERFLOW_CIN, SSUB_OVERFLOW_BIN, USUB_OVERFLOW_BIN -> overflow(inst, op, rt);
            case UADD_OVERFLOW_TRAP -> binary(inst, op, rt, v(inst.operand(0)), v(inst.operand(1)));
            case CLZ, CTZ, CLS, POPCNT, BITREV -> b.inst(ir(inst, op, rt, at, 0, 1, 1), 0,
                    earlyDef(v(inst.result())), use(v(inst.operand(0))), earlyDef(b.newVReg(RegClass.INT)));
            case BMASK -> b.inst(ir(inst, op, rt, at, 0, 1, 1), 0, def(v(inst.result())), use(v(inst.operand(0))));
            case BITSELECT, SELECT, SELECT_SPECTRE_GUARD -> b.inst(ir(inst, op, rt, at, 0, 1, 3), 0,
                    defReuse(v(inst.result()), 3), use(v(inst.operand(0))), use(v(inst.operand(1))),
                    use(v(inst.operand(2))));
            case ICMP -> compare(inst, at, v(inst.operand(0)), v(inst.operand(1)));
            case ICMP_IMM -> {
                if (fitsImm32(at, inst.imm())) {
                    b.inst(new X64Inst(Kind.IR, Opcode.ICMP_IMM, at, at, inst.imm() & at.mask(), inst.intCC().ordinal(),
                            null, null, 1, 1), 0, def(v(inst.result())), use(v(inst.operand(0))));
                } else {
                    compare(inst, at, v(inst.operand(0)), constant(at, inst.imm()));
                }
            }
            case FCMP -> compare(inst, at, v(inst.operand(0)), v(inst.operand(1)));
            case ICONCAT -> b.inst(ir(inst, op, rt, at, 0, 1, 2), 0, defReuse(v(inst.result()), 1),
                    use(v(inst.operand(0))), use(v(inst.operand(1))));
            case ISPLIT -> b.inst(ir(inst, op, rt, at, 0, 2, 1), 0, earlyDef(v(inst.result(0))),
                    earlyDef(v(inst.result(1))), use(v(inst.operand(0))));
            case BITCAST -> {
                if (rt.isFloat() == at.isFloat()) {
                    copy(inst);
                } else {
                    b.inst(ir(inst, op, rt, at, 0, 1, 1), 0, def(v(inst.result())), use(v(inst.operand(0))));
                }
            }
            case FPROMOTE, FDEMOTE ->
                b.inst(ir(inst, op, rt, at, 0, 1, 1), 0, def(v(inst.result())), use(v(inst.operand(0))));
            case FCVT_TO_UINT, FCVT_TO_SINT, FCVT_TO_UINT_SAT, FCVT_TO_SINT_SAT, FCVT_FROM_UINT, FCVT_FROM_SINT,
                    SQRT -> b.inst(ir(inst, op, rt, at, 0, 1, 1), 0, earlyDef(v(inst.result())),
                    use(v(inst.operand(0))));
            case FADD, FSUB, FMUL, FDIV, FMIN, FMAX -> b.inst(ir(inst, op, rt, at, 0, 1, 2), 0,
                    earlyDef(v(inst.result())), use(v(inst.operand(0))), use(v(inst.operand(1))));
            case FCOPYSIGN -> b.inst(ir(inst, op, rt, at, 0, 1, 2), 0, earlyDef(v(inst.result())),
                    use(v(inst.operand(0))), use(v(inst.operand(1))), earlyDef(b.newVReg(RegClass.INT)));
            case CEIL, FLOOR, TRUNC, NEAREST -> b.inst(ir(inst, op, rt, at, 0, 1, 1), 0, earlyDef(v(inst.result())),
                    use(v(inst.operand(0))), earlyDef(b.newVReg(RegClass.INT)));
            case FMA -> fma(inst, rt);
            case LOAD, ULOAD8, SLOAD8, ULOAD16, SLOAD16, ULOAD32, SLOAD32 ->
                b.inst(new X64Inst(Kind.IR, op, rt, at, inst.offset(), bigEndian(inst), null, null, 1, 1), 0,
                        def(v(inst.result())), use(v(inst.operand(0))));
            case STORE, ISTORE8, ISTORE16, ISTORE32 -> b.inst(new X64Inst(Kind.IR, op, at, inst.operand(1).type(),
                    inst.offset(), bigEndian(inst), null, null, 0, 2), 0, use(v(inst.operand(0))),
                    use(v(inst.operand(1))));
            case STACK_LOAD, STACK_ADDR -> b.inst(new X64Inst(Kind.IR, op, rt, null, inst.offset(),
                    slotIndex.get(inst.stackSlot()), null, null, 1, 0), 0, def(v(inst.result())));
            case STACK_STORE -> b.inst(new X64Inst(Kind.IR, op, at, null, inst.offset(), slotIndex.get(inst.stackSlot()),
                    null, null, 0, 1), 0, use(v(inst.operand(0))));
            case FUNC_ADDR -> b.inst(new X64Inst(Kind.IR, op, rt, null, 0, 0, null, linkName(inst), 1, 0), 0,
                    def(v(inst.result())));
            case CALL -> call(inst, linkName(inst), inst.funcRef().signature(), -1);
            case CALL_INDIRECT -> call(inst, null, inst.sigRef().signature(), v(inst.operand(0)));
            case TRAPZ, TRAPNZ -> b.inst(ir(inst, op, at, at, 0, 0, 1), 0, use(v(inst.operand(0))));
            case TRAP -> b.ret(ir(inst, op, null, null, 0, 0, 0));
            case RETURN -> ret(inst);
            case RETURN_CALL -> TailCallLowering.lower(b, f, inst, vreg, linkName(inst), returnPopBytes(), retAreaPtr);
            case RETURN_CALL_INDIRECT -> TailCallLowering.lower(b, f, inst, vreg, null, returnPopBytes(), retAreaPtr);
            case JUMP -> {
                BlockCall c = inst.destination(0);
                b.terminator(plain(Kind.JUMP, null), new int[0], new int[] {blockNum[c.block().id()]},
                        new int[][] {vregs(c.args())});
            }
            case BRIF, BR_TABLE -> branch(inst, op == Opcode.BRIF ? Kind.BRIF : Kind.BR_TABLE, at);
            case ATOMIC_LOAD, ATOMIC_STORE, ATOMIC_RMW, ATOMIC_CAS, FENCE -> AtomicLowering.lower(b, inst, vreg);
            case AWAIT, AWAIT_BOXED, SPAWN, AWAIT_INDIRECT, SPAWN_INDIRECT -> throw new BackendException(f.name(),
                    op.text() + " is an async operation; the x64 target compiles sync functions only so far");
        }
    }

    /**
     * The symbol {@code inst}'s callee links to: a named libcall's C symbol ({@code %CeilF32} is
     * {@code ceilf}), else the callee's name. A module that also defines a function of the
     * libcall's symbol would link the call to itself, so that is an error.
     */
    private String linkName(Instruction inst) {
        String name = inst.funcRef().name();
        String sym = dev.vex.ir.Libcall.linkName(module, name);
        if (!sym.equals(name) && module.function(sym) != null) {
            throw new BackendException(f.name(), "%" + name + " calls the C function " + sym
                    + ", but the module defines a function %" + sym + " that would take its place");
        }
        return sym;
    }

    /** Bitwise operations on floats: on the bits, in integer registers. */
    private void floatBitwise(Instruction inst, Opcode op, Type ft) {
        Type it = ft.asInt();
        int n = inst.operandCount();
        int[] ops = new int[n + 1];
        int r = b.newVReg(RegClass.INT);
        ops[0] = op == Opcode.BITSELECT ? defReuse(r, 3) : defReuse(r, 1);
        for (int i = 0; i < n; i++) {
            int bits = b.newVReg(RegClass.INT);
            b.inst(new X64Inst(Kind.IR, Opcode.BITCAST, it, ft, 0, 0, null, null, 1, 1), 0, def(bits),
                    use(v(inst.operand(i))));
            ops[1 + i] = use(bits);
        }
        b.inst(new X64Inst(Kind.IR, op, it, it, 0, 0, null, null, 1, n), 0, ops);
        b.inst(new X64Inst(Kind.IR, Opcode.BITCAST, ft, it, 0, 0, null, null, 1, 1), 0, def(v(inst.result())),
                use(r));
    }

    /** 1 for a big-endian access (the {@code aux} of loads and stores), else 0. */
    private static int bigEndian(Instruction inst) {
        return inst.memFlags() != null && inst.memFlags().isBigEndian() ? 1 : 0;
    }

    private void selectOnCompare(Instruction select, Instruction cmp) {
        Type t = cmp.operand(0).type();
        int a = v(cmp.operand(0));
        int x = v(select.operand(1));
        int y = v(select.operand(2));
        int r = v(select.result());
        int cc = cmp.intCC().ordinal();
        if (cmp.opcode() == Opcode.ICMP_IMM && fitsImm32(t, cmp.imm())) {
            b.inst(new X64Inst(Kind.SELECT_ICMP, null, t, select.result().type(), cmp.imm() & t.mask(), cc, null, null,
                    1, 3), 0, defReuse(r, 3), use(a), use(x), use(y));
            return;
        }
        int c = cmp.opcode() == Opcode.ICMP ? v(cmp.operand(1)) : constant(t, cmp.imm());
        b.inst(new X64Inst(Kind.SELECT_ICMP, null, t, select.result().type(), 0, cc, null, null, 1, 4), 0,
                defReuse(r, 4), use(a), use(c), use(x), use(y));
    }

    /** Whether an immediate of type {@code t} can be an x86 imm32 (sign-extended for i64). */
    static boolean fitsImm32(Type t, long imm) {
        return t != Type.I64 || imm == (int) imm;
    }

    private void binary(Instruction inst, Opcode op, Type t, int a, int c) {
        b.inst(ir(inst, op, t, t, 0, 1, 2), 0, defReuse(v(inst.result(0)), 1), use(a), use(c));
    }

    private void copy(Instruction inst) {
        b.inst(new X64Inst(Kind.COPY, null, inst.result().type(), null, 0, 0, null, null, 1, 1), 0,
                defReuse(v(inst.result()), 1), use(v(inst.operand(0))));
    }

    private int copyOf(int src, RegClass cls) {
        int c = b.newVReg(cls);
        b.inst(new X64Inst(Kind.COPY, null, null, null, 0, 0, null, null, 1, 1), 0, defReuse(c, 1), use(src));
        return c;
    }

    private void compare(Instruction inst, Type operandType, int a, int c) {
        int cc = inst.opcode() == Opcode.FCMP ? inst.floatCC().ordinal() : inst.intCC().ordinal();
        Opcode op = inst.opcode() == Opcode.FCMP ? Opcode.FCMP : Opcode.ICMP;
        b.inst(new X64Inst(Kind.IR, op, operandType, operandType, 0, cc, null, null, 1, 2), 0,
                def(v(inst.result())), use(a), use(c));
    }

    private void divide(Instruction inst, Opcode op, Type t, int a, int c) {
        boolean rem = op == Opcode.UREM || op == Opcode.SREM;
        if (a == c) {
            c = copyOf(c, RegClass.INT);
        }
        b.inst(ir(inst, op, t, t, 0, 1, 2), 1L << (rem ? RAX : RDX), defFixed(v(inst.result()), rem ? RDX : RAX),
                useFixed(a, RAX), lateUse(c));
    }

    private void overflow(Instruction inst, Opcode op, Type t) {
        int n = inst.operandCount();
        int[] ops = new int[2 + n];
        ops[0] = earlyDef(v(inst.result(0)));
        ops[1] = earlyDef(v(inst.result(1)));
        for (int i = 0; i < n; i++) {
            ops[2 + i] = use(v(inst.operand(i)));
        }
        b.inst(ir(inst, op, t, t, 0, 2, n), 0, ops);
    }

    private void fma(Instruction inst, Type t) {
        int a = v(inst.operand(0));
        int m = v(inst.operand(1));
        int c = v(inst.operand(2));
        int r = v(inst.result());
        if (features.has(CpuFeature.FMA)) {
            b.inst(ir(inst, Opcode.FMA, t, t, 0, 1, 3), 0, earlyDef(r), use(a), use(m), use(c));
            return;
        }
        // No FMA3: call libm's fma/fmaf, then apply the NaN rule to its result.
        int a1 = a;
        int m1 = m == a ? copyOf(m, RegClass.FLOAT) : m;
        int c1 = c == a || c == m ? copyOf(c, RegClass.FLOAT) : c;
        int t0 = b.newVReg(RegClass.FLOAT);
        String sym = t == Type.F32 ? "fmaf" : "fma";
        b.inst(new X64Inst(Kind.CALL, null, t, null, 0, 0, null, sym, 1, 3), SPEC.callerSaved() & ~(1L << XMM0),
                defFixed(t0, XMM0), useFixed(a1, XMM0), useFixed(m1, XMM0 + 1), useFixed(c1, XMM0 + 2));
        b.inst(new X64Inst(Kind.NAN_FIX3, null, t, t, 0, 0, null, null, 1, 4), 0, defReuse(r, 1), use(t0), use(a),
                use(m), use(c));
    }

    private void call(Instruction inst, String callee, Signature sig, int target) {
        if (callee != null) {
            Function fn = module.function(callee);
            if (fn != null && fn.isAsync()) {
                throw new BackendException(f.name(), "call of async function %" + callee + " needs await");
            }
        }
        AbiLayout cl = AbiLayout.of(sig);
        int first = target >= 0 ? 1 : 0;
        int np = sig.params().size();
        int nr = sig.returns().size();
        int[] ops = new int[2 * nr + 2 * np + 2];
        int k = 0;
        long fixedDefs = 0;
        // A callee outside the module follows the C convention, which leaves the upper bits of a
        // narrow integer result undefined and may expect `sext` arguments sign-extended.
        boolean foreign = target >= 0 || module.function(callee) == null;
        int[] results = new int[nr];
        int[] resultHighs = new int[nr];
        boolean[] renormalize = new boolean[nr];
        for (int i = 0; i < nr; i++) {
            Type rt = sig.returnType(i);
            results[i] = inst.resultCount() > i ? v(inst.result(i)) : b.newVReg(classOf(rt));
            if (rt == Type.I128) {
                resultHighs[i] = inst.resultCount() > i ? high[inst.result(i).id()] : b.newVReg(RegClass.INT);
            }
            if (foreign && rt.isInt() && rt.bits() < 64 && !AbiLayout.isStack(cl.result(i))
                    && inst.resultCount() > i) {
                results[i] = b.newVReg(RegClass.INT);
                renormalize[i] = true;
            }
            if (!AbiLayout.isStack(cl.result(i))) {
                ops[k++] = defFixed(results[i], cl.result(i));
                fixedDefs |= 1L << cl.result(i);
            }
            if (rt == Type.I128 && !AbiLayout.isStack(cl.resultHigh(i))) {
                ops[k++] = defFixed(resultHighs[i], cl.resultHigh(i));
                fixedDefs |= 1L << cl.resultHigh(i);
            }
        }
        int nDefs = k;
        int[] used = new int[2 * np];
        int nUsed = 0;
        for (int i = 0; i < np; i++) {
            Value arg = inst.operand(first + i);
            Type pt = sig.paramType(i);
            for (int half = 0; half < pt.longs(); half++) {
                int a = half == 0 ? v(arg) : high[arg.id()];
                if (foreign && pt.isInt() && pt.bits() < 64 && sig.params().get(i).has(dev.vex.ir.ParamFlag.SEXT)) {
                    int wide = b.newVReg(RegClass.INT);
                    b.inst(new X64Inst(Kind.IR, Opcode.SEXTEND, Type.I64, pt, 0, 0, null, null, 1, 1), 0,
                            defReuse(wide, 1), use(a));
                    a = wide;
                }
                for (int j = 0; j < nUsed; j++) {
                    if (used[j] == a) {
                        a = copyOf(a, classOf(pt));
                        break;
                    }
                }
                used[nUsed++] = a;
                int loc = half == 0 ? cl.param(i) : cl.paramHigh(i);
                if (AbiLayout.isStack(loc)) {
                    b.inst(new X64Inst(Kind.OUT_STORE, null, half == 0 && pt != Type.I128 ? pt : Type.I64, null,
                            AbiLayout.stackOffset(loc), 0, null, null, 0, 1), 0, use(a));
                } else {
                    ops[k++] = useFixed(a, loc);
                }
            }
        }
        if (cl.hasReturnArea()) {
            int p = b.newVReg(RegClass.INT);
            b.inst(new X64Inst(Kind.OUT_LEA, null, Type.I64, null, cl.stackArgBytes(), 0, null, null, 1, 0), 0, def(p));
            ops[k++] = useFixed(p, AbiLayout.returnAreaRegister());
        }
        if (target >= 0) {
            ops[k++] = use(target);
        }
        b.outgoingArgBytes(cl.stackArgBytes() + cl.returnAreaBytes());
        Kind kind = target >= 0 ? Kind.CALL_INDIRECT : Kind.CALL;
        b.inst(new X64Inst(kind, null, null, null, dev.vex.x64.abi.TailCallConvention.popBytes(sig), 0, null, callee,
                nDefs, k - nDefs),
                SPEC.callerSaved() & ~fixedDefs, java.util.Arrays.copyOf(ops, k));
        for (int i = 0; i < nr; i++) {
            Type rt = sig.returnType(i);
            if (AbiLayout.isStack(cl.result(i))) {
                b.inst(new X64Inst(Kind.OUT_LOAD, null, rt == Type.I128 ? Type.I64 : rt, null,
                        cl.stackArgBytes() + AbiLayout.stackOffset(cl.result(i)), 0, null, null, 1, 0), 0,
                        def(results[i]));
            } else if (renormalize[i]) {
                b.inst(new X64Inst(Kind.NORM, null, rt, rt, 0, 0, null, null, 1, 1), 0,
                        defReuse(v(inst.result(i)), 1), use(results[i]));
            }
            if (rt == Type.I128 && AbiLayout.isStack(cl.resultHigh(i))) {
                b.inst(new X64Inst(Kind.OUT_LOAD, null, Type.I64, null,
                        cl.stackArgBytes() + AbiLayout.stackOffset(cl.resultHigh(i)), 0, null, null, 1, 0), 0,
                        def(resultHighs[i]));
            }
        }
    }

    private void ret(Instruction inst) {
        int n = inst.operandCount();
        int[] ops = new int[2 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            Value x = inst.operand(i);
            Type t = x.type();
            for (int half = 0; half < t.longs(); half++) {
                int r = half == 0 ? v(x) : high[x.id()];
                int loc = half == 0 ? abi.result(i) : abi.resultHigh(i);
                if (AbiLayout.isStack(loc)) {
                    b.inst(new X64Inst(Kind.RET_STORE, null, t == Type.I128 ? Type.I64 : t, null,
                            AbiLayout.stackOffset(loc), 0, null, null, 0, 2), 0, use(retAreaPtr), use(r));
                } else {
                    for (int j = 0; j < k; j++) {
                        if (dev.vex.backend.Operand.vreg(ops[j]) == r) {
                            r = copyOf(r, classOf(t));
                            break;
                        }
                    }
                    ops[k++] = useFixed(r, loc);
                }
            }
        }
        b.ret(new X64Inst(Kind.RETURN, null, null, null, returnPopBytes(), 0, null, null, 0, k),
                java.util.Arrays.copyOf(ops, k));
    }

    /** What a return pops besides the return address: the tail convention's arguments and the growth. */
    private int returnPopBytes() {
        return growth + dev.vex.x64.abi.TailCallConvention.popBytes(f.signature());
    }

    private void branch(Instruction inst, Kind kind, Type condType) {
        Block from = inst.block();
        int n = inst.destinations().size();
        int[] succs = new int[n];
        int[][] args = new int[n][];
        for (int k = 0; k < n; k++) {
            BlockCall c = inst.destination(k);
            int s = splitNum[from.id()] == null ? -1 : splitNum[from.id()][k];
            if (s >= 0) {
                succs[k] = s;
                args[k] = new int[0];
            } else {
                succs[k] = blockNum[c.block().id()];
                args[k] = vregs(c.args());
            }
        }
        Instruction def = inst.operand(0).definingInstruction();
        if (kind == Kind.BRIF && def != null && fusedIntoBranch(def)) {
            Type t = def.operand(0).type();
            int a = v(def.operand(0));
            if (def.opcode() == Opcode.FCMP) {
                b.terminator(new X64Inst(Kind.BRIF_FCMP, null, t, t, 0, def.floatCC().ordinal(), null, null, 0, 2),
                        new int[] {use(a), use(v(def.operand(1)))}, succs, args);
                return;
            }
            if (def.opcode() == Opcode.ICMP_IMM && fitsImm32(t, def.imm())) {
                b.terminator(new X64Inst(Kind.BRIF_ICMP, null, t, t, def.imm() & t.mask(), def.intCC().ordinal(),
                        null, null, 0, 1), new int[] {use(a)}, succs, args);
                return;
            }
            int c = def.opcode() == Opcode.ICMP ? v(def.operand(1)) : constant(t, def.imm());
            b.terminator(new X64Inst(Kind.BRIF_ICMP, null, t, t, 0, def.intCC().ordinal(), null, null, 0, 2),
                    new int[] {use(a), use(c)}, succs, args);
            return;
        }
        if (I128Lowering.isWide(inst.operand(0))) {
            // brif tests all 128 bits; br_table indexes by the low 64, as the interpreter does.
            int c = kind == Kind.BR_TABLE ? v(inst.operand(0)) : wide.truth(inst.operand(0));
            b.terminator(new X64Inst(kind, null, Type.I64, Type.I64, 0, 0, null, null, 0, 1), new int[] {use(c)},
                    succs, args);
            return;
        }
        b.terminator(new X64Inst(kind, null, condType, condType, 0, 0, null, null, 0, 1),
                new int[] {use(v(inst.operand(0)))}, succs, args);
    }
}
