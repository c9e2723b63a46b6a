package dev.vex.aarch64.isel;

import static dev.vex.backend.Operand.def;
import static dev.vex.backend.Operand.defFixed;
import static dev.vex.backend.Operand.defReuse;
import static dev.vex.backend.Operand.earlyDef;
import static dev.vex.backend.Operand.use;
import static dev.vex.backend.Operand.useFixed;

import dev.vex.aarch64.abi.A64MachineSpec;
import dev.vex.aarch64.abi.Aapcs64Layout;
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
import dev.vex.ir.ParamFlag;
import dev.vex.ir.Signature;
import dev.vex.ir.StackSlot;
import dev.vex.ir.Type;
import dev.vex.ir.Value;
import java.util.Arrays;
import java.util.List;

/**
 * Lowers one verified sync IR function to a {@link MachFunction} over virtual registers, for
 * AArch64 under AAPCS64 ({@link Aapcs64Layout}).
 *
 * <p>The same shape as the x86-64 selector: block 0 is an entry stub that receives the
 * parameters (fixed registers, stack loads), zero-extends narrow integers and jumps to the IR
 * entry block; edges from multi-way branches to blocks with several incoming edges get a block
 * of their own. AArch64 is three-address, so results take plain defs; division and remainder
 * take early defs (the remainder keeps the quotient in the result register while it still
 * reads both inputs). {@code *_imm} forms become an {@code iconst} plus the register form.
 *
 * <p><b>Register-content invariant</b> (as on x86-64): an integer of type iN lives in a 64-bit
 * register zero-extended from N bits; operations done in W registers already zero the upper
 * half, and i8/i16 results that may carry bits above their width are re-extended by emit.
 *
 * <p>Integers, f32/f64 ({@link FloatSelection}: FLOAT-class registers) and atomics are selected.
 * A function that uses anything else (operations not listed in {@link #lower}, f16/f128,
 * big-endian memory, async forms) is declined with a {@link BackendException} naming the opcode
 * or the type.
 */
public final class InstructionSelector {
    private static final A64MachineSpec SPEC = A64MachineSpec.INSTANCE;

    private final Module module;
    private final FloatSelection floats = new FloatSelection(this);

    private MachFunctionBuilder b;
    private Function f;
    private int[] vreg;
    private int[] blockNum;
    private int[][] splitNum;
    private int retAreaPtr = -1;
    private Aapcs64Layout abi;

    public InstructionSelector(Module module) {
        this.module = module;
    }

    public MachFunction select(Function function) {
        if (function.isAsync()) {
            throw new BackendException(function.name(), "async functions are not compiled for aarch64 yet");
        }
        if (function.entryBlock() == null) {
            throw new BackendException(function.name(), "a function without a body cannot be compiled");
        }
        f = function;
        checkSignature(function.signature(), "its signature");
        b = new MachFunctionBuilder(function.name(), SPEC);
        abi = Aapcs64Layout.of(function.signature());
        retAreaPtr = -1;
        vreg = new int[function.valueCount()];
        for (Value v : function.values()) {
            if (!supported(v.type())) {
                Instruction d = v.definingInstruction();
                throw declined(d == null ? "a " + v.type() + " block parameter" : d.opcode().text() + "." + v.type());
            }
            vreg[v.id()] = newVReg(v.type());
        }
        for (StackSlot s : function.stackSlots()) {
            b.stackSlot(s.size(), Math.max(1, s.align()));
        }
        numberBlocks();
        lowerEntryStub();
        for (Block blk : function.blocks()) {
            int[] params = new int[blk.params().size()];
            for (int k = 0; k < params.length; k++) {
                params[k] = v(blk.param(k));
            }
            b.beginBlock(blockNum[blk.id()], params);
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

    private BackendException declined(String what) {
        return new BackendException(f.name(), what + " is not selected on aarch64 yet");
    }

    private void checkSignature(Signature sig, String where) {
        for (int i = 0; i < sig.params().size(); i++) {
            if (!supported(sig.paramType(i))) {
                throw declined("a " + sig.paramType(i) + " parameter in " + where);
            }
        }
        for (int i = 0; i < sig.returns().size(); i++) {
            if (!supported(sig.returnType(i))) {
                throw declined("a " + sig.returnType(i) + " result in " + where);
            }
        }
    }

    /** Scalar integers and f32/f64; f16 and f128 have no lowering here. */
    private static boolean supported(Type t) {
        return !t.isFloat() || t == Type.F32 || t == Type.F64;
    }

    private int newVReg(Type t) {
        return b.newVReg(t.isFloat() ? RegClass.FLOAT : RegClass.INT);
    }

    int v(Value x) {
        return vreg[x.id()];
    }

    MachFunctionBuilder builder() {
        return b;
    }

    private int[] vregs(List<Value> values) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v(values.get(i));
        }
        return out;
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
        int[] params = new int[n];
        int[] ops = new int[n + 1];
        int k = 0;
        for (int i = 0; i < n; i++) {
            params[i] = newVReg(sig.paramType(i));
            if (!Aapcs64Layout.isStack(abi.param(i))) {
                ops[k++] = defFixed(params[i], abi.param(i));
            }
        }
        if (abi.hasReturnArea()) {
            retAreaPtr = b.newVReg(RegClass.INT);
            ops[k++] = defFixed(retAreaPtr, Aapcs64Layout.returnAreaRegister());
        }
        b.inst(new A64Inst(Kind.ARGS, null, null, null, 0, 0, null, null, k, 0), 0, Arrays.copyOf(ops, k));
        for (int i = 0; i < n; i++) {
            Type t = sig.paramType(i);
            if (Aapcs64Layout.isStack(abi.param(i))) {
                // Above the frame record (saved fp and lr) that the prologue pushes.
                b.inst(new A64Inst(Kind.LOAD_ARG, null, t, null, 16 + Aapcs64Layout.stackOffset(abi.param(i)), 0,
                        null, null, 1, 0), 0, def(params[i]));
            }
            if (t != Type.I64 && !t.isFloat()) {
                int nv = b.newVReg(RegClass.INT);
                b.inst(new A64Inst(Kind.NORM, null, t, t, 0, 0, null, null, 1, 1), 0, defReuse(nv, 1), use(params[i]));
                params[i] = nv;
            }
        }
        b.terminator(plain(Kind.JUMP, null), new int[0], new int[] {blockNum[f.entryBlock().id()]},
                new int[][] {params});
    }

    private static A64Inst plain(Kind kind, Type type) {
        return new A64Inst(kind, null, type, null, 0, 0, null, null, 0, 0);
    }

    private A64Inst ir(Instruction inst, Opcode op, Type type, Type argType, long imm, int nd, int nu) {
        return new A64Inst(Kind.IR, op, type, argType, imm, 0, inst.trapCode(), null, nd, nu);
    }

    private int constant(Type t, long value) {
        int c = b.newVReg(RegClass.INT);
        b.inst(new A64Inst(Kind.IR, Opcode.ICONST, t, null, value & t.mask(), 0, null, null, 1, 0), 0, def(c));
        return c;
    }

    private void lower(Instruction inst) {
        Opcode op = inst.opcode();
        Type rt = inst.resultCount() > 0 ? inst.result(0).type() : null;
        Type at = inst.operandCount() > 0 ? inst.operand(0).type() : null;
        if (FloatSelection.handles(op)) {
            floats.lower(inst, rt, at);
            return;
        }
        if (FloatSelection.isFloatBitwise(op, rt)) {
            floats.bitwise(inst, rt);
            return;
        }
        switch (op) {
            case NOP -> { }
            case ICONST -> b.inst(ir(inst, op, rt, null, inst.imm() & rt.mask(), 1, 0), 0, def(v(inst.result())));
            case IADD, ISUB, IMUL, BAND, BOR, BXOR, BAND_NOT, BOR_NOT, BXOR_NOT, ISHL, USHR, SSHR, ROTL, ROTR,
                    UMULHI, SMULHI, SMIN, SMAX, UMIN, UMAX ->
                binary(inst, op, rt, v(inst.operand(0)), v(inst.operand(1)));
            case ROTL_IMM, ROTR_IMM -> binary(inst, op == Opcode.ROTL_IMM ? Opcode.ROTL : Opcode.ROTR, rt,
                    v(inst.operand(0)), constant(Type.I64, inst.imm()));
            case IADD_IMM, IMUL_IMM, BAND_IMM, BOR_IMM, BXOR_IMM -> {
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
            case ISHL_IMM, USHR_IMM, SSHR_IMM -> b.inst(ir(inst, op, rt, at, inst.imm(), 1, 1), 0,
                    def(v(inst.result())), use(v(inst.operand(0))));
            case INEG, BNOT, SEXTEND, IREDUCE, IABS, CLZ, CTZ, CLS, BITREV, BSWAP, POPCNT, BMASK ->
                b.inst(ir(inst, op, rt, at, 0, 1, 1), 0, def(v(inst.result())), use(v(inst.operand(0))));
            case UEXTEND -> b.inst(new A64Inst(Kind.COPY, null, rt, null, 0, 0, null, null, 1, 1), 0,
                    defReuse(v(inst.result()), 1), use(v(inst.operand(0))));
            case SADD_OVERFLOW, UADD_OVERFLOW, SSUB_OVERFLOW, USUB_OVERFLOW, SMUL_OVERFLOW, UMUL_OVERFLOW ->
                b.inst(ir(inst, op, rt, at, 0, 2, 2), 0, earlyDef(v(inst.result(0))), earlyDef(v(inst.result(1))),
                        use(v(inst.operand(0))), use(v(inst.operand(1))));
            case UADD_OVERFLOW_TRAP -> b.inst(ir(inst, op, rt, at, 0, 1, 2), 0, earlyDef(v(inst.result())),
                    use(v(inst.operand(0))), use(v(inst.operand(1))));
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
            case ICMP -> compare(inst, at, v(inst.operand(0)), v(inst.operand(1)));
            case ICMP_IMM -> compare(inst, at, v(inst.operand(0)), constant(at, inst.imm()));
            case BITSELECT -> b.inst(ir(inst, op, rt, at, 0, 1, 3), 0, def(v(inst.result())), use(v(inst.operand(0))),
                    use(v(inst.operand(1))), use(v(inst.operand(2))));
            case SELECT, SELECT_SPECTRE_GUARD -> b.inst(ir(inst, Opcode.SELECT, rt, at, 0, 1, 3), 0,
                    def(v(inst.result())), use(v(inst.operand(0))), use(v(inst.operand(1))), use(v(inst.operand(2))));
            case LOAD, ULOAD8, SLOAD8, ULOAD16, SLOAD16, ULOAD32, SLOAD32 -> {
                littleEndian(inst);
                b.inst(new A64Inst(Kind.IR, op, rt, at, inst.offset(), 0, null, null, 1, 1), 0,
                        def(v(inst.result())), use(v(inst.operand(0))));
            }
            case STORE, ISTORE8, ISTORE16, ISTORE32 -> {
                littleEndian(inst);
                b.inst(new A64Inst(Kind.IR, op, at, inst.operand(1).type(), inst.offset(), 0, null, null, 0, 2), 0,
                        use(v(inst.operand(0))), use(v(inst.operand(1))));
            }
            case ATOMIC_LOAD -> {
                littleEndian(inst);
                b.inst(ir(inst, op, rt, at, 0, 1, 1), 0, def(v(inst.result())), use(v(inst.operand(0))));
            }
            case ATOMIC_STORE -> {
                littleEndian(inst);
                b.inst(ir(inst, op, at, inst.operand(1).type(), 0, 0, 2), 0, use(v(inst.operand(0))),
                        use(v(inst.operand(1))));
            }
            case ATOMIC_RMW -> {
                littleEndian(inst);
                b.inst(new A64Inst(Kind.IR, op, rt, at, 0, inst.atomicOp().ordinal(), null, null, 1, 2), 0,
                        earlyDef(v(inst.result())), use(v(inst.operand(0))), use(v(inst.operand(1))));
            }
            case ATOMIC_CAS -> {
                littleEndian(inst);
                b.inst(ir(inst, op, rt, at, 0, 1, 3), 0, earlyDef(v(inst.result())), use(v(inst.operand(0))),
                        use(v(inst.operand(1))), use(v(inst.operand(2))));
            }
            case FENCE -> b.inst(ir(inst, op, null, null, 0, 0, 0), 0);
            case STACK_LOAD, STACK_ADDR -> b.inst(new A64Inst(Kind.IR, op, rt, null, inst.offset(),
                    slotIndex(inst), null, null, 1, 0), 0, def(v(inst.result())));
            case STACK_STORE -> b.inst(new A64Inst(Kind.IR, op, at, null, inst.offset(), slotIndex(inst),
                    null, null, 0, 1), 0, use(v(inst.operand(0))));
            case FUNC_ADDR -> b.inst(new A64Inst(Kind.IR, op, rt, null, 0, 0, null, inst.funcRef().name(), 1, 0), 0,
                    def(v(inst.result())));
            case CALL -> call(inst, inst.funcRef().name(), inst.funcRef().signature(), -1);
            case CALL_INDIRECT -> call(inst, null, inst.sigRef().signature(), v(inst.operand(0)));
            case TRAPZ, TRAPNZ -> b.inst(ir(inst, op, at, at, 0, 0, 1), 0, use(v(inst.operand(0))));
            case TRAP -> b.ret(ir(inst, op, null, null, 0, 0, 0));
            case RETURN -> ret(inst);
            case JUMP -> {
                BlockCall c = inst.destination(0);
                b.terminator(plain(Kind.JUMP, null), new int[0], new int[] {blockNum[c.block().id()]},
                        new int[][] {vregs(c.args())});
            }
            case BRIF, BR_TABLE -> branch(inst, op == Opcode.BRIF ? Kind.BRIF : Kind.BR_TABLE, at);
            default -> throw declined(op.text());
        }
    }

    /**
     * The frame's index of the instruction's stack slot: its position among the function's
     * slots, which is not its number when the numbers have gaps ({@code ss2} as the only slot).
     */
    private int slotIndex(Instruction inst) {
        return f.stackSlots().indexOf(inst.stackSlot());
    }

    private void littleEndian(Instruction inst) {
        if (inst.memFlags() != null && inst.memFlags().isBigEndian()) {
            throw declined("a big-endian " + inst.opcode().text());
        }
    }

    private void binary(Instruction inst, Opcode op, Type t, int a, int c) {
        b.inst(ir(inst, op, t, t, 0, 1, 2), 0, def(v(inst.result(0))), use(a), use(c));
    }

    private void compare(Instruction inst, Type operandType, int a, int c) {
        b.inst(new A64Inst(Kind.IR, Opcode.ICMP, operandType, operandType, 0, inst.intCC().ordinal(), null, null, 1, 2),
                0, def(v(inst.result())), use(a), use(c));
    }

    /** Division and remainder: the result is an early def, so it may hold the quotient while the inputs live. */
    private void divide(Instruction inst, Opcode op, Type t, int a, int c) {
        b.inst(ir(inst, op, t, t, 0, 1, 2), 0, earlyDef(v(inst.result())), use(a), use(c));
    }

    int copyOf(int src, Type t) {
        int c = newVReg(t);
        b.inst(new A64Inst(Kind.COPY, null, null, null, 0, 0, null, null, 1, 1), 0, defReuse(c, 1), use(src));
        return c;
    }

    private void call(Instruction inst, String callee, Signature sig, int target) {
        checkSignature(sig, "a call");
        if (callee != null) {
            Function fn = module.function(callee);
            if (fn != null && fn.isAsync()) {
                throw new BackendException(f.name(), "call of async function %" + callee + " needs await");
            }
        }
        Aapcs64Layout cl = Aapcs64Layout.of(sig);
        int first = target >= 0 ? 1 : 0;
        int np = sig.params().size();
        int nr = sig.returns().size();
        int[] ops = new int[nr + np + 2];
        int k = 0;
        long fixedDefs = 0;
        // A callee outside the module follows the C convention, which leaves the upper bits of a
        // narrow integer result unspecified and may expect `sext` arguments sign-extended.
        boolean foreign = target >= 0 || module.function(callee) == null;
        int[] results = new int[nr];
        boolean[] renormalize = new boolean[nr];
        for (int i = 0; i < nr; i++) {
            Type rt = sig.returnType(i);
            results[i] = inst.resultCount() > i ? v(inst.result(i)) : newVReg(rt);
            if (foreign && rt != Type.I64 && !rt.isFloat() && !Aapcs64Layout.isStack(cl.result(i))
                    && inst.resultCount() > i) {
                results[i] = b.newVReg(RegClass.INT);
                renormalize[i] = true;
            }
            if (!Aapcs64Layout.isStack(cl.result(i))) {
                ops[k++] = defFixed(results[i], cl.result(i));
                fixedDefs |= 1L << cl.result(i);
            }
        }
        int nDefs = k;
        int[] used = new int[np];
        for (int i = 0; i < np; i++) {
            int a = v(inst.operand(first + i));
            Type pt = sig.paramType(i);
            if (foreign && pt != Type.I64 && !pt.isFloat() && sig.params().get(i).has(ParamFlag.SEXT)) {
                int wide = b.newVReg(RegClass.INT);
                b.inst(new A64Inst(Kind.SEXT64, null, Type.I64, pt, 0, 0, null, null, 1, 1), 0, def(wide), use(a));
                a = wide;
            }
            for (int j = 0; j < i; j++) {
                if (used[j] == a) {
                    a = copyOf(a, pt);
                    break;
                }
            }
            used[i] = a;
            int loc = cl.param(i);
            if (Aapcs64Layout.isStack(loc)) {
                b.inst(new A64Inst(Kind.OUT_STORE, null, pt, null, Aapcs64Layout.stackOffset(loc), 0, null, null, 0, 1),
                        0, use(a));
            } else {
                ops[k++] = useFixed(a, loc);
            }
        }
        if (cl.hasReturnArea()) {
            int p = b.newVReg(RegClass.INT);
            b.inst(new A64Inst(Kind.OUT_ADDR, null, Type.I64, null, cl.stackArgBytes(), 0, null, null, 1, 0), 0, def(p));
            ops[k++] = useFixed(p, Aapcs64Layout.returnAreaRegister());
        }
        if (target >= 0) {
            ops[k++] = use(target);
        }
        b.outgoingArgBytes(cl.stackArgBytes() + cl.returnAreaBytes());
        Kind kind = target >= 0 ? Kind.CALL_INDIRECT : Kind.CALL;
        b.inst(new A64Inst(kind, null, null, null, 0, 0, null, callee, nDefs, k - nDefs),
                SPEC.callerSaved() & ~fixedDefs, Arrays.copyOf(ops, k));
        for (int i = 0; i < nr; i++) {
            if (Aapcs64Layout.isStack(cl.result(i))) {
                b.inst(new A64Inst(Kind.OUT_LOAD, null, sig.returnType(i), null,
                        cl.stackArgBytes() + Aapcs64Layout.stackOffset(cl.result(i)), 0, null, null, 1, 0), 0,
                        def(results[i]));
            } else if (renormalize[i]) {
                Type rt = sig.returnType(i);
                b.inst(new A64Inst(Kind.NORM, null, rt, rt, 0, 0, null, null, 1, 1), 0,
                        defReuse(v(inst.result(i)), 1), use(results[i]));
            }
        }
    }

    private void ret(Instruction inst) {
        int n = inst.operandCount();
        int[] ops = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int r = v(inst.operand(i));
            int loc = abi.result(i);
            if (Aapcs64Layout.isStack(loc)) {
                b.inst(new A64Inst(Kind.RET_STORE, null, inst.operand(i).type(), null, Aapcs64Layout.stackOffset(loc),
                        0, null, null, 0, 2), 0, use(retAreaPtr), use(r));
            } else {
                for (int j = 0; j < k; j++) {
                    if (dev.vex.backend.Operand.vreg(ops[j]) == r) {
                        r = copyOf(r, inst.operand(i).type());
                        break;
                    }
                }
                ops[k++] = useFixed(r, loc);
            }
        }
        b.ret(new A64Inst(Kind.RETURN, null, null, null, 0, 0, null, null, 0, k), Arrays.copyOf(ops, k));
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
        b.terminator(new A64Inst(kind, null, condType, condType, 0, 0, null, null, 0, 1),
                new int[] {use(v(inst.operand(0)))}, succs, args);
    }
}
