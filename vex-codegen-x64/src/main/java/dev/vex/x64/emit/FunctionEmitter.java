package dev.vex.x64.emit;

import static dev.vex.x64.asm.Gpr.EDI;
import static dev.vex.x64.asm.Gpr.R11;
import static dev.vex.x64.asm.Gpr.RAX;
import static dev.vex.x64.asm.Gpr.RBP;
import static dev.vex.x64.asm.Gpr.RSP;
import static dev.vex.x64.asm.Mem.mem;

import dev.vex.backend.FrameLayout;
import dev.vex.backend.MachFunction;
import dev.vex.backend.regalloc.Allocation;
import dev.vex.backend.regalloc.Location;
import dev.vex.code.CodeBuffer;
import dev.vex.code.FixupFormat;
import dev.vex.code.Label;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;
import dev.vex.x64.abi.X64MachineSpec;
import dev.vex.x64.asm.Cond;
import dev.vex.x64.asm.Gpr;
import dev.vex.x64.asm.Mem;
import dev.vex.compile.Listing;
import dev.vex.x64.asm.X64Assembler;
import dev.vex.x64.asm.Xmm;
import dev.vex.x64.isel.Kind;
import dev.vex.x64.isel.X64Inst;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Emits one allocated machine function: the prologue (frame pointer, stack-limit check, frame,
 * the callee-saved registers the allocator used, and no others), each instruction after the allocator's moves before it, and the
 * out-of-line trap stubs. The per-operation code lives in {@link IntegerEmitter},
 * {@link FloatEmitter}, {@link ConversionEmitter} and {@link AtomicEmitter}; this class holds the state they share
 * (the instruction being emitted, its operand locations, the trap stubs) and the control flow,
 * memory, call and frame code.
 *
 * <p>Trap stubs: {@code mov edi, <TrapCode.number()>; call vex_trap} (a {@code PC_REL32}
 * relocation, addend -4), one per trap code per function. Stack check:
 * {@code lea rax, [rsp - frame]; mov r11, [rip + vex_stack_limit@gottpoff]; cmp rax, fs:[r11];
 * jb <stk_ovf stub>}. A leaf (no calls) whose return address, saved frame pointer and frame fit
 * in {@link #LEAF_RED_ZONE} skips the check: whoever called it checked its own frame, so the leaf
 * reaches at most that far below the limit, and the runtime keeps that headroom below it.
 */
public final class FunctionEmitter {
    public static final String TRAP_SYMBOL = "vex_trap";
    public static final String STACK_LIMIT_SYMBOL = "vex_stack_limit";
    /**
     * How far below {@code vex_stack_limit} a leaf function may reach unchecked, counting its
     * return address and saved frame pointer: {@code VEX_STACK_RED_ZONE} of vex_runtime.h, whose
     * stack margin below the limit covers it (a test checks the two agree).
     */
    public static final int LEAF_RED_ZONE = 4096;

    final X64Assembler asm;
    final CodeBuffer buf;
    private final Map<String, Label> functionLabels;
    private final IntegerEmitter ints;
    private final FloatEmitter floats;
    private final ConversionEmitter conversions;
    private final I128Emitter wide;
    private final AtomicEmitter atomics;
    private final TailCallEmitter tails;
    final HalfFloatEmitter halfs;
    private final List<TrapCode> trapCodes = new ArrayList<>();
    private final List<Label> trapLabels = new ArrayList<>();

    private MachFunction mf;
    private Allocation al;
    private FrameLayout frame;
    private Label[] blockLabels = new Label[0];
    private int cur;
    private Listing listing;
    /** Float results that are NaNs follow the interpreter's rule bit for bit ({@link FloatEmitter}). */
    final boolean nanCanonicalization;

    /** An emitter that leaves NaN results as the hardware makes them (the default). */
    public FunctionEmitter(X64Assembler asm, CodeBuffer buf, Map<String, Label> functionLabels) {
        this(asm, buf, functionLabels, false);
    }

    /** @param nanCanonicalization see {@link dev.vex.backend.CompileOptions#nanCanonicalization()} */
    public FunctionEmitter(X64Assembler asm, CodeBuffer buf, Map<String, Label> functionLabels,
            boolean nanCanonicalization) {
        this.nanCanonicalization = nanCanonicalization;
        this.asm = asm;
        this.buf = buf;
        this.functionLabels = functionLabels;
        this.ints = new IntegerEmitter(this);
        this.floats = new FloatEmitter(this);
        this.conversions = new ConversionEmitter(this);
        this.wide = new I128Emitter(this);
        this.atomics = new AtomicEmitter(this);
        this.tails = new TailCallEmitter(this);
        this.halfs = new HalfFloatEmitter(asm);
    }

    /** Emits {@code al}'s function at the buffer's position, binding {@code entry} to its start. */
    public void emit(Allocation allocation, Label entry, Listing listingOrNull) {
        al = allocation;
        mf = allocation.function();
        frame = allocation.frameLayout();
        listing = listingOrNull;
        trapCodes.clear();
        trapLabels.clear();
        int nb = mf.numBlocks();
        if (blockLabels.length < nb) {
            blockLabels = new Label[Math.max(nb, 2 * blockLabels.length)];
        }
        for (int b = 0; b < nb; b++) {
            blockLabels[b] = asm.newLabel();
        }
        asm.bind(entry);
        asm.defineSymbol(mf.name());
        int mark = buf.position();
        prologue();
        note(mark, "prologue");
        for (int b = 0; b < nb; b++) {
            asm.bind(blockLabels[b]);
            if (listing != null) {
                listing.label("block" + b);
            }
            for (int i = mf.blockFirstInst(b); i < mf.blockEndInst(b); i++) {
                cur = i;
                for (int e = al.editStart(i); e < al.editEnd(i); e++) {
                    mark = buf.position();
                    move(al.editFrom(e), al.editTo(e));
                    if (listing != null) {
                        note(mark, "move " + Location.toString(al.editTo(e), al.spec()) + " <- "
                                + Location.toString(al.editFrom(e), al.spec()));
                    }
                }
                mark = buf.position();
                inst((X64Inst) mf.payload(i), b);
                if (listing != null) {
                    note(mark, describe(i));
                }
            }
        }
        for (int t = 0; t < trapCodes.size(); t++) {
            mark = buf.position();
            asm.bind(trapLabels.get(t));
            asm.mov(EDI, trapCodes.get(t).number());
            asm.call(TRAP_SYMBOL);
            note(mark, "trap stub " + trapCodes.get(t));
        }
    }

    private void note(int from, String text) {
        if (listing != null) {
            listing.line(from, buf.position(), text);
        }
    }

    private String describe(int i) {
        StringBuilder sb = new StringBuilder(mf.payload(i).mnemonic());
        for (int k = 0; k < mf.numOperands(i); k++) {
            sb.append(k == 0 ? " " : ", ");
            int op = mf.operand(i, k);
            sb.append(dev.vex.backend.Operand.isDef(op) ? "def " : "").append(
                    Location.toString(al.operandLocation(i, k), al.spec()));
        }
        return sb.toString();
    }

    // ---- shared helpers for the operation emitters ----

    int loc(int k) {
        return al.operandLocation(cur, k);
    }

    Gpr g(int k, int bits) {
        int l = loc(k);
        if (!Location.isReg(l) || l >= X64MachineSpec.XMM0) {
            throw new IllegalStateException(mf.name() + ": operand " + k + " of inst " + cur + " not in a GPR");
        }
        return Gpr.of(l, bits);
    }

    Gpr g64(int k) {
        return g(k, 64);
    }

    Xmm x(int k) {
        int l = loc(k);
        if (l < X64MachineSpec.XMM0) {
            throw new IllegalStateException(mf.name() + ": operand " + k + " of inst " + cur + " not in an xmm");
        }
        return Xmm.of(l - X64MachineSpec.XMM0);
    }

    Label trap(TrapCode code) {
        for (int t = 0; t < trapCodes.size(); t++) {
            if (trapCodes.get(t).equals(code)) {
                return trapLabels.get(t);
            }
        }
        Label l = asm.newLabel();
        trapCodes.add(code);
        trapLabels.add(l);
        return l;
    }

    /** The width x86 operates at for an integer type: 32 for i8/i16/i32, 64 for i64. */
    static int opBits(Type t) {
        return t.bits() == 64 ? 64 : 32;
    }

    /** Re-establishes the canonical form of a {@code bits}-wide value in {@code r}. */
    void canonical(Gpr r, int bits) {
        switch (bits) {
            case 8 -> asm.movzx(r.withBits(32), r.withBits(8));
            case 16 -> asm.movzx(r.withBits(32), r.withBits(16));
            case 32 -> asm.mov(r.withBits(32), r.withBits(32));
            default -> { }
        }
    }

    /**
     * After an operation done at 32 bits (which already zero-extends): re-extends an i8 or i16
     * result; nothing for wider types.
     */
    void narrow(Gpr r, int bits) {
        if (bits < 32) {
            canonical(r, bits);
        }
    }

    // ---- moves, frame ----

    private void move(int from, int to) {
        boolean isFloat = (Location.isReg(from) ? from : to) >= X64MachineSpec.XMM0;
        if (Location.isReg(from) && Location.isReg(to)) {
            if (isFloat) {
                asm.movaps(Xmm.of(to - X64MachineSpec.XMM0), Xmm.of(from - X64MachineSpec.XMM0));
            } else {
                asm.mov(Gpr.of(to, 64), Gpr.of(from, 64));
            }
        } else if (Location.isReg(from)) {
            Mem m = Mem.qword(RSP, frame.spillSlotOffset(Location.slotIndex(to)));
            if (isFloat) {
                asm.movsd(m, Xmm.of(from - X64MachineSpec.XMM0));
            } else {
                asm.mov(m, Gpr.of(from, 64));
            }
        } else {
            Mem m = Mem.qword(RSP, frame.spillSlotOffset(Location.slotIndex(from)));
            if (isFloat) {
                asm.movsd(Xmm.of(to - X64MachineSpec.XMM0), m);
            } else {
                asm.mov(Gpr.of(to, 64), m);
            }
        }
    }

    private void prologue() {
        int size = frame.frameSize();
        int growth = argumentAreaGrowth();
        asm.push(RBP).mov(RBP, RSP);
        if (16 + (long) size + growth > LEAF_RED_ZONE || makesCalls()) {
            asm.lea(RAX, mem(RSP, -(size + growth)));
            asm.mov(R11, Mem.rip(0));
            buf.addRelocation(buf.position() - 4, FixupFormat.TLS_IE_PC_REL32, STACK_LIMIT_SYMBOL, -4);
            asm.cmpFs(RAX, mem(R11));
            asm.jcc(Cond.B, trap(TrapCode.STACK_OVERFLOW));
        }
        if (growth > 0) {
            tails.growArgumentArea(growth);
        }
        if (size > 0) {
            asm.sub(RSP, size);
        }
        for (int k = 0; k < frame.numSavedRegs(); k++) {
            asm.mov(Mem.qword(RSP, frame.savedRegOffset(k)), Gpr.of(frame.savedReg(k), 64));
        }
    }

    /** What the entry stub says the incoming-argument area grows by for tail calls ({@link TailCallEmitter}). */
    private int argumentAreaGrowth() {
        X64Inst first = mf.numInsts() > 0 ? (X64Inst) mf.payload(0) : null;
        return first != null && first.kind() == Kind.ARGS ? (int) first.imm() : 0;
    }

    /** Whether the function calls anything (a trap stub's call never returns, so it does not count). */
    private boolean makesCalls() {
        for (int i = 0; i < mf.numInsts(); i++) {
            Kind k = ((X64Inst) mf.payload(i)).kind();
            if (k == Kind.CALL || k == Kind.CALL_INDIRECT || k == Kind.TAIL_CALL || k == Kind.TAIL_CALL_INDIRECT) {
                return true;
            }
        }
        return false;
    }

    private void restoreCalleeSaved() {
        for (int k = 0; k < frame.numSavedRegs(); k++) {
            asm.mov(Gpr.of(frame.savedReg(k), 64), Mem.qword(RSP, frame.savedRegOffset(k)));
        }
    }

    /** Restores and returns, popping {@code popBytes} more (the tail convention's arguments). */
    private void epilogue(int popBytes) {
        restoreCalleeSaved();
        asm.mov(RSP, RBP).pop(RBP).ret(popBytes);
    }

    // ---- instructions ----

    private void inst(X64Inst p, int block) {
        switch (p.kind()) {
            case IR -> ir(p);
            case I128 -> wide.emit(p);
            case ARGS -> { }
            case LOAD_ARG -> load(p.type(), 0, Mem.mem(RBP, (int) p.imm()));
            case COPY -> copy();
            case SELECT_ICMP -> {
                int bits = p.type().bits();
                if (p.nUses() == 3) {
                    asm.cmp(g(1, bits), IntegerEmitter.immAt(p.imm(), bits));
                } else {
                    asm.cmp(g(1, bits), g(2, bits));
                }
                asm.cmov(IntegerEmitter.cond(dev.vex.ir.IntCC.values()[p.aux()]), g64(0), g64(p.nUses() - 1));
            }
            case NORM -> canonical(g64(0), p.type().bits());
            case CALL -> {
                Label l = functionLabels.get(p.symbol());
                if (l != null) {
                    asm.call(l);
                } else {
                    asm.call(p.symbol());
                }
                takeBackPoppedArguments(p);
            }
            case CALL_INDIRECT -> {
                asm.call(g64(p.nDefs() + p.nUses() - 1));
                takeBackPoppedArguments(p);
            }
            case TAIL_CALL, TAIL_CALL_INDIRECT -> {
                restoreCalleeSaved();
                tails.tailCall(p, functionLabels);
            }
            case OUT_STORE -> store(p.type(), 64, 0, Mem.mem(RSP, (int) p.imm()));
            case OUT_LEA -> asm.lea(g64(0), mem(RSP, (int) p.imm()));
            case OUT_LOAD -> load(p.type(), 0, Mem.mem(RSP, (int) p.imm()));
            case RET_STORE -> {
                Mem m = Mem.qword(g64(0), (int) p.imm());
                if (p.type() == Type.F32) {
                    asm.movd(R11.withBits(32), x(1));
                    asm.mov(m, R11);
                } else if (p.type() == Type.F16) {
                    halfs.toInt(R11, x(1));
                    asm.mov(m, R11);
                } else if (p.type() == Type.F64) {
                    asm.movsd(m, x(1));
                } else {
                    asm.mov(m, g64(1));
                }
            }
            case NAN_FIX3 -> {
                if (nanCanonicalization) { // otherwise libm's NaN stands (the result reuses its register)
                    floats.nanFix3(p.type(), x(0), x(2), x(3), x(4));
                }
            }
            case RETURN -> epilogue((int) p.imm());
            case JUMP -> {
                int target = mf.succ(block, 0);
                if (target != block + 1) {
                    asm.jmp(blockLabels[target]);
                }
            }
            case BRIF -> {
                Gpr c = g64(0);
                asm.test(c, c);
                branch(block, Cond.NE);
            }
            case BRIF_ICMP -> {
                int bits = p.type().bits();
                if (p.nUses() == 1) {
                    asm.cmp(g(0, bits), IntegerEmitter.immAt(p.imm(), bits));
                } else {
                    asm.cmp(g(0, bits), g(1, bits));
                }
                branch(block, IntegerEmitter.cond(dev.vex.ir.IntCC.values()[p.aux()]));
            }
            case BRIF_FCMP -> {
                dev.vex.ir.FloatCC cc = dev.vex.ir.FloatCC.values()[p.aux()];
                Label yes = blockLabels[mf.succ(block, 0)];
                Label no = blockLabels[mf.succ(block, 1)];
                if (cc == dev.vex.ir.FloatCC.EQ || cc == dev.vex.ir.FloatCC.NE) {
                    floats.ucomis(p.type(), x(0), x(1));
                    boolean eq = cc == dev.vex.ir.FloatCC.EQ;
                    asm.jcc(Cond.P, eq ? no : yes);
                    asm.jcc(eq ? Cond.E : Cond.NE, yes);
                    if (mf.succ(block, 1) != block + 1) {
                        asm.jmp(no);
                    }
                } else {
                    branch(block, floats.compareForOneFlag(p.type(), cc, x(0), x(1)));
                }
            }
            case BR_TABLE -> brTable(block);
            case TRAP -> asm.jmp(trap(p.trap()));
        }
    }

    /** After a call of a tail-convention callee, which popped its stack arguments: the frame's outgoing area back. */
    private void takeBackPoppedArguments(X64Inst call) {
        if (call.imm() > 0) {
            asm.sub(RSP, (int) call.imm());
        }
    }

    /** A two-way branch on the flags: to successor 0 if {@code taken} holds, else to successor 1. */
    private void branch(int block, Cond taken) {
        int yes = mf.succ(block, 0);
        int no = mf.succ(block, 1);
        if (yes == block + 1) {
            asm.jcc(taken.negate(), blockLabels[no]);
        } else {
            asm.jcc(taken, blockLabels[yes]);
            if (no != block + 1) {
                asm.jmp(blockLabels[no]);
            }
        }
    }

    private void copy() {
        int d = loc(0);
        int s = loc(1);
        if (d != s) {
            move(s, d);
        }
    }

    private void brTable(int block) {
        Gpr idx = g64(0);
        int n = mf.numSuccs(block) - 1;
        asm.cmp(idx, n);
        asm.jcc(Cond.AE, blockLabels[mf.succ(block, 0)]);
        Label table = asm.newLabel();
        asm.lea(R11, Mem.rip(table));
        asm.lea(R11, mem(R11, idx, 8, 0));
        asm.jmp(R11);
        asm.bind(table);
        for (int k = 1; k <= n; k++) {
            int start = buf.position();
            asm.jmp(blockLabels[mf.succ(block, k)]);
            int pad = 8 - (buf.position() - start);
            if (pad > 0) {
                asm.nop(pad);
            }
        }
    }

    private void ir(X64Inst p) {
        switch (p.op()) {
            case LOAD, ULOAD8, SLOAD8, ULOAD16, SLOAD16, ULOAD32, SLOAD32 -> {
                if (p.aux() != 0) {
                    loadBigEndian(p, Mem.mem(g64(1), (int) p.imm()));
                } else {
                    loadOp(p, Mem.mem(g64(1), (int) p.imm()));
                }
            }
            case STORE, ISTORE8, ISTORE16, ISTORE32 -> {
                if (p.aux() != 0) {
                    storeBigEndian(p, Mem.mem(g64(1), (int) p.imm()));
                } else {
                    storeOp(p, 0, Mem.mem(g64(1), (int) p.imm()));
                }
            }
            case STACK_LOAD -> load(p.type(), 0, Mem.mem(RSP, frame.stackSlotDisplacement(p.aux(), p.imm())));
            case STACK_STORE -> store(p.type(), p.type().bits(), 0,
                    Mem.mem(RSP, frame.stackSlotDisplacement(p.aux(), p.imm())));
            case STACK_ADDR -> asm.lea(g64(0), mem(RSP, frame.stackSlotDisplacement(p.aux(), p.imm())));
            case FUNC_ADDR -> {
                Label l = functionLabels.get(p.symbol());
                if (l != null) {
                    asm.lea(g64(0), Mem.rip(l));
                } else {
                    asm.movabs(g64(0), p.symbol(), 0);
                }
            }
            case TRAPZ, TRAPNZ -> {
                Gpr c = g64(0);
                asm.test(c, c);
                asm.jcc(p.op() == dev.vex.ir.Opcode.TRAPZ ? Cond.E : Cond.NE, trap(p.trap()));
            }
            case TRAP -> asm.jmp(trap(p.trap()));
            case ATOMIC_LOAD, ATOMIC_STORE, ATOMIC_RMW, ATOMIC_CAS, FENCE -> atomics.emit(p);
            case F16CONST -> halfs.constant(x(0), p.imm());
            case FCVT_TO_UINT, FCVT_TO_SINT, FCVT_TO_UINT_SAT, FCVT_TO_SINT_SAT, FCVT_FROM_UINT, FCVT_FROM_SINT,
                    FPROMOTE, FDEMOTE, BITCAST -> conversions.emit(p);
            case F32CONST, F64CONST, FADD, FSUB, FMUL, FDIV, SQRT, FMA, FNEG, FABS, FCOPYSIGN, FMIN, FMAX, CEIL,
                    FLOOR, TRUNC, NEAREST, FCMP -> floats.emit(p);
            case SELECT, SELECT_SPECTRE_GUARD -> {
                if (p.type().isFloat()) {
                    floats.select();
                } else {
                    ints.emit(p);
                }
            }
            default -> ints.emit(p);
        }
    }

    /** A load of a value of {@code type} into operand {@code k}, canonical. */
    void load(Type type, int k, Mem m) {
        switch (type) {
            case I8 -> asm.movzx(g(k, 32), m.withBits(8));
            case I16 -> asm.movzx(g(k, 32), m.withBits(16));
            case I32 -> asm.mov(g(k, 32), m.withBits(32));
            case I64 -> asm.mov(g(k, 64), m.withBits(64));
            case F32 -> asm.movss(x(k), m.withBits(32));
            case F64 -> asm.movsd(x(k), m.withBits(64));
            case F16 -> halfs.load(x(k), m);
            default -> throw new IllegalStateException("x64 emit: a load of " + type);
        }
    }

    /** Stores the low {@code bits} of operand {@code k} (of {@code type}). */
    void store(Type type, int bits, int k, Mem m) {
        if (type == Type.F32) {
            asm.movss(m.withBits(32), x(k));
        } else if (type == Type.F16) {
            halfs.store(m, x(k));
        } else if (type == Type.F64) {
            asm.movsd(m.withBits(64), x(k));
        } else {
            asm.mov(m.withBits(bits), g(k, bits));
        }
    }

    private void loadOp(X64Inst p, Mem m) {
        Type rt = p.type();
        switch (p.op()) {
            case LOAD -> load(rt, 0, m);
            case ULOAD8 -> asm.movzx(g(0, 32), m.withBits(8));
            case ULOAD16 -> asm.movzx(g(0, 32), m.withBits(16));
            case ULOAD32 -> asm.mov(g(0, 32), m.withBits(32));
            case SLOAD8, SLOAD16 -> {
                int from = p.op() == dev.vex.ir.Opcode.SLOAD8 ? 8 : 16;
                asm.movsx(g(0, opBits(rt)), m.withBits(from));
                canonical(g64(0), rt.bits());
            }
            case SLOAD32 -> {
                asm.movsxd(g(0, 64), m.withBits(32));
                canonical(g64(0), rt.bits());
            }
            default -> throw new IllegalStateException(p.op().text());
        }
    }

    /** Reverses the bytes of the low {@code bits} of {@code r} (upper bits of a 16-bit swap kept). */
    void byteSwap(Gpr r, int bits) {
        switch (bits) {
            case 16 -> asm.rol(r.withBits(16), 8);
            case 32 -> asm.bswap(r.withBits(32));
            case 64 -> asm.bswap(r.withBits(64));
            default -> { }
        }
    }

    private static int accessBits(X64Inst p) {
        return switch (p.op()) {
            case ULOAD8, SLOAD8, ISTORE8 -> 8;
            case ULOAD16, SLOAD16, ISTORE16 -> 16;
            case ULOAD32, SLOAD32, ISTORE32 -> 32;
            default -> p.type().bits();
        };
    }

    private void loadBigEndian(X64Inst p, Mem m) {
        int bits = accessBits(p);
        Type rt = p.type();
        Gpr d = rt.isFloat() ? R11 : g64(0);
        switch (bits) {
            case 8 -> asm.movzx(d.withBits(32), m.withBits(8));
            case 16 -> asm.movzx(d.withBits(32), m.withBits(16));
            case 32 -> asm.mov(d.withBits(32), m.withBits(32));
            default -> asm.mov(d, m.withBits(64));
        }
        byteSwap(d, bits);
        switch (p.op()) {
            case SLOAD8, SLOAD16 -> {
                asm.movsx(d.withBits(opBits(rt)), d.withBits(bits));
                canonical(d, rt.bits());
            }
            case SLOAD32 -> {
                asm.movsxd(d, d.withBits(32));
                canonical(d, rt.bits());
            }
            default -> { }
        }
        if (rt == Type.F32 || rt == Type.F16) {
            asm.movd(x(0), R11.withBits(32));
        } else if (rt == Type.F64) {
            asm.movq(x(0), R11);
        }
    }

    private void storeBigEndian(X64Inst p, Mem m) {
        int bits = accessBits(p);
        Type t = p.type();
        if (t == Type.F32 || t == Type.F16) {
            asm.movd(R11.withBits(32), x(0));
        } else if (t == Type.F64) {
            asm.movq(R11, x(0));
        } else {
            asm.mov(R11, g64(0));
        }
        byteSwap(R11, bits);
        asm.mov(m.withBits(bits), R11.withBits(bits));
    }

    private void storeOp(X64Inst p, int k, Mem m) {
        int bits = switch (p.op()) {
            case ISTORE8 -> 8;
            case ISTORE16 -> 16;
            case ISTORE32 -> 32;
            default -> p.type().bits();
        };
        store(p.type(), bits, k, m);
    }
}
