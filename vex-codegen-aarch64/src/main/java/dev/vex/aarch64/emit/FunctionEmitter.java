package dev.vex.aarch64.emit;

import static dev.vex.aarch64.asm.Reg.SP;
import static dev.vex.aarch64.asm.Reg.X16;
import static dev.vex.aarch64.asm.Reg.X17;
import static dev.vex.aarch64.asm.Reg.X29;
import static dev.vex.aarch64.asm.Reg.X30;

import dev.vex.aarch64.abi.A64MachineSpec;
import dev.vex.aarch64.asm.A64Assembler;
import dev.vex.aarch64.asm.Cond;
import dev.vex.aarch64.asm.Extend;
import dev.vex.aarch64.asm.Mem;
import dev.vex.aarch64.asm.Reg;
import dev.vex.aarch64.asm.Shift;
import dev.vex.aarch64.asm.VReg;
import dev.vex.aarch64.isel.A64Inst;
import dev.vex.backend.FrameLayout;
import dev.vex.backend.MachFunction;
import dev.vex.backend.regalloc.Allocation;
import dev.vex.backend.regalloc.Location;
import dev.vex.code.CodeBuffer;
import dev.vex.code.FixupFormat;
import dev.vex.code.Label;
import dev.vex.compile.Listing;
import dev.vex.ir.Opcode;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Emits one allocated AArch64 machine function: the prologue (frame record, stack-limit check,
 * frame, callee-saved registers), each instruction after the allocator's moves before it, and the
 * out-of-line trap stubs. Integer operations are {@link IntegerEmitter}'s, floats
 * {@link FloatEmitter}'s and {@link ConversionEmitter}'s, atomics {@link AtomicEmitter}'s; this
 * class holds the shared state, the control flow, memory, call and frame code. Float registers
 * move, spill and are saved as whole D registers; v31, the allocator's float scratch, is free
 * within one instruction as x16 and x17 are.
 *
 * <p>Scratch registers: x16 belongs to the allocator's moves, x17 to this emitter (addresses of
 * far frame slots, shift amounts); within one instruction both are free.
 *
 * <p>Trap stubs: {@code mov w0, #<TrapCode.number()>; bl vex_trap} (a {@code R_AARCH64_CALL26}
 * relocation), one per trap code per function, as on x86-64. Stack check, after
 * {@code stp x29, x30, [sp, #-16]!; mov x29, sp}: the initial-exec TLS load of
 * {@code vex_stack_limit} ({@code adrp x16, :gottprel:vex_stack_limit;
 * ldr x16, [x16, :gottprel_lo12:vex_stack_limit]; mrs x17, tpidr_el0; ldr x16, [x17, x16]}),
 * then {@code sub x17, sp, #frame; cmp x17, x16; b.lo <stk_ovf stub>}.
 */
public final class FunctionEmitter {
    public static final String TRAP_SYMBOL = "vex_trap";
    public static final String STACK_LIMIT_SYMBOL = "vex_stack_limit";
    /** {@code mrs x0, tpidr_el0}; or the target register's number into bits 0-4. */
    static final int MRS_TPIDR_EL0 = 0xd53bd040;
    static final int NOP = 0xd503201f;

    final A64Assembler asm;
    final CodeBuffer buf;
    /** See {@link dev.vex.backend.CompileOptions#nanCanonicalization()}. */
    final boolean nanCanonicalization;
    private final Map<String, Label> functionLabels;
    private final IntegerEmitter ints;
    private final FloatEmitter floats;
    private final ConversionEmitter conversions;
    private final AtomicEmitter atomics;
    private final List<TrapCode> trapCodes = new ArrayList<>();
    private final List<Label> trapLabels = new ArrayList<>();

    private MachFunction mf;
    private Allocation al;
    private FrameLayout frame;
    private Label[] blockLabels = new Label[0];
    private int cur;
    private Listing listing;

    public FunctionEmitter(A64Assembler asm, CodeBuffer buf, Map<String, Label> functionLabels,
            boolean nanCanonicalization) {
        this.asm = asm;
        this.buf = buf;
        this.functionLabels = functionLabels;
        this.nanCanonicalization = nanCanonicalization;
        this.ints = new IntegerEmitter(this);
        this.floats = new FloatEmitter(this);
        this.conversions = new ConversionEmitter(this, floats);
        this.atomics = new AtomicEmitter(this);
    }

    /** Emits {@code allocation}'s function at the buffer's position, binding {@code entry} to its start. */
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
            blockLabels[b] = new Label();
        }
        asm.bind(entry);
        buf.defineSymbol(mf.name());
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
                inst((A64Inst) mf.payload(i), b);
                if (listing != null) {
                    note(mark, describe(i));
                }
            }
        }
        for (int t = 0; t < trapCodes.size(); t++) {
            mark = buf.position();
            asm.bind(trapLabels.get(t));
            asm.movz(Reg.W0, trapCodes.get(t).number(), 0);
            asm.bl(TRAP_SYMBOL);
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

    /** Operand {@code k}'s X register. */
    Reg x(int k) {
        int l = loc(k);
        if (!Location.isReg(l) || l >= A64MachineSpec.SP) {
            throw new IllegalStateException(mf.name() + ": operand " + k + " of inst " + cur + " not in a general register");
        }
        return Reg.x(l);
    }

    /** Operand {@code k}'s float register, as an S (f32) or D (f64) register. */
    VReg f(int k, Type t) {
        int l = loc(k);
        if (!Location.isReg(l) || l < A64MachineSpec.V0) {
            throw new IllegalStateException(mf.name() + ": operand " + k + " of inst " + cur + " not in a float register");
        }
        return vreg(l, t);
    }

    /** Physical register {@code preg} (a v register) as an S or D register. */
    private static VReg vreg(int preg, Type t) {
        int n = preg - A64MachineSpec.V0;
        return t == Type.F32 ? VReg.s(n) : VReg.d(n);
    }

    /** Operand {@code k} at the width AArch64 computes {@code t} in: W for up to 32 bits, X for 64. */
    Reg r(int k, Type t) {
        Reg x = x(k);
        return t.bits() == 64 ? x : x.withSize(false);
    }

    Label trap(TrapCode code) {
        for (int t = 0; t < trapCodes.size(); t++) {
            if (trapCodes.get(t).equals(code)) {
                return trapLabels.get(t);
            }
        }
        Label l = new Label();
        trapCodes.add(code);
        trapLabels.add(l);
        return l;
    }

    /** Re-establishes the canonical form (zero-extended from {@code bits}) of the value in {@code x}. */
    void canonical(Reg x, int bits) {
        Reg w = x.withSize(false);
        switch (bits) {
            case 8 -> asm.uxtb(w, w);
            case 16 -> asm.uxth(w, w);
            case 32 -> asm.mov(w, w);
            default -> { }
        }
    }

    /** After an operation done in a W register (which zero-extends): re-extends an i8 or i16 result. */
    void narrow(Reg x, int bits) {
        if (bits < 32) {
            canonical(x, bits);
        }
    }

    /**
     * {@code [base, #offset]} for an access of {@code size} bytes when an immediate form takes the
     * offset; else the offset goes to x17 and the access is {@code [base, x17]}.
     */
    Mem address(Reg base, long offset, int size) {
        if ((offset >= 0 && offset % size == 0 && offset / size < 4096) || (offset >= -256 && offset < 256)) {
            return Mem.at(base, offset);
        }
        asm.mov(X17, offset);
        return Mem.index(base, X17);
    }

    /** {@code d = base + offset}, base possibly sp. */
    void addOffset(Reg d, Reg base, long offset) {
        if (offset >= 0 && offset < 4096) {
            asm.add(d, base, offset);
        } else {
            asm.mov(X17, offset);
            asm.add(d, base, X17, Extend.UXTX, 0);
        }
    }

    // ---- moves, frame ----

    /** A move within one register class; a float moves as its whole D register (8 bytes). */
    private void move(int from, int to) {
        if (Location.isReg(from) && Location.isReg(to)) {
            if (from >= A64MachineSpec.V0) {
                asm.fmov(vreg(to, Type.F64), vreg(from, Type.F64));
            } else {
                asm.mov(Reg.x(to), Reg.x(from));
            }
        } else if (Location.isReg(from)) {
            Mem m = address(SP, frame.spillSlotOffset(Location.slotIndex(to)), 8);
            if (from >= A64MachineSpec.V0) {
                asm.str(vreg(from, Type.F64), m);
            } else {
                asm.str(Reg.x(from), m);
            }
        } else {
            Mem m = address(SP, frame.spillSlotOffset(Location.slotIndex(from)), 8);
            if (to >= A64MachineSpec.V0) {
                asm.ldr(vreg(to, Type.F64), m);
            } else {
                asm.ldr(Reg.x(to), m);
            }
        }
    }

    /** Stores physical register {@code preg} whole (X, or the D view of a v register). */
    private void storeReg(int preg, Mem m) {
        if (preg >= A64MachineSpec.V0) {
            asm.str(vreg(preg, Type.F64), m);
        } else {
            asm.str(Reg.x(preg), m);
        }
    }

    private void loadReg(int preg, Mem m) {
        if (preg >= A64MachineSpec.V0) {
            asm.ldr(vreg(preg, Type.F64), m);
        } else {
            asm.ldr(Reg.x(preg), m);
        }
    }

    private void prologue() {
        int size = frame.frameSize();
        asm.stp(X29, X30, Mem.preIndex(SP, -16));
        asm.mov(X29, SP);
        buf.addRelocation(buf.position(), FixupFormat.TLS_IE_PAGE21_SPLIT, STACK_LIMIT_SYMBOL, 0);
        asm.adrpPages(X16, 0);
        buf.addRelocation(buf.position(), FixupFormat.TLS_IE_PAGE_OFFSET12_AT10_SCALED8, STACK_LIMIT_SYMBOL, 0);
        asm.ldr(X16, Mem.at(X16, 0));
        buf.put4(MRS_TPIDR_EL0 | X17.number());
        asm.ldr(X16, Mem.index(X17, X16));
        if (size < 4096) {
            asm.sub(X17, SP, size);
        } else {
            asm.mov(X17, size);
            asm.sub(X17, SP, X17, Extend.UXTX, 0);
        }
        asm.cmp(X17, X16);
        asm.bcond(Cond.LO, trap(TrapCode.STACK_OVERFLOW));
        if (size > 0) {
            asm.mov(SP, X17); // x17 = sp - frame, from the check
        }
        for (int k = 0; k < frame.numSavedRegs(); k++) {
            storeReg(frame.savedReg(k), address(SP, frame.savedRegOffset(k), 8));
        }
    }

    private void epilogue() {
        for (int k = 0; k < frame.numSavedRegs(); k++) {
            loadReg(frame.savedReg(k), address(SP, frame.savedRegOffset(k), 8));
        }
        asm.mov(SP, X29);
        asm.ldp(X29, X30, Mem.postIndex(SP, 16));
        asm.ret();
    }

    // ---- instructions ----

    private void inst(A64Inst p, int block) {
        switch (p.kind()) {
            case IR -> ir(p);
            case ARGS -> { }
            case LOAD_ARG -> load(p.type(), p.type(), 0, address(X29, p.imm(), p.type().bits() / 8), false);
            case COPY -> {
                if (loc(0) != loc(1)) {
                    move(loc(1), loc(0));
                }
            }
            case NORM -> canonical(x(0), p.type().bits());
            case SEXT64 -> {
                switch (p.argType().bits()) {
                    case 8 -> asm.sxtb(x(0), x(1).withSize(false));
                    case 16 -> asm.sxth(x(0), x(1).withSize(false));
                    case 32 -> asm.sxtw(x(0), x(1).withSize(false));
                    default -> asm.mov(x(0), x(1));
                }
            }
            case CALL -> {
                Label l = functionLabels.get(p.symbol());
                if (l != null) {
                    asm.bl(l);
                } else {
                    asm.bl(p.symbol());
                }
            }
            case CALL_INDIRECT -> asm.blr(x(p.nDefs() + p.nUses() - 1));
            case OUT_STORE -> storeReg(loc(0), address(SP, p.imm(), 8));
            case OUT_ADDR -> addOffset(x(0), SP, p.imm());
            case OUT_LOAD -> loadReg(loc(0), address(SP, p.imm(), 8));
            case RET_STORE -> storeReg(loc(1), address(x(0), p.imm(), 8));
            case RETURN -> epilogue();
            case JUMP -> {
                int target = mf.succ(block, 0);
                if (target != block + 1) {
                    asm.b(blockLabels[target]);
                }
            }
            case BRIF -> {
                int yes = mf.succ(block, 0);
                int no = mf.succ(block, 1);
                if (yes == block + 1) {
                    asm.cbz(x(0), blockLabels[no]);
                } else {
                    asm.cbnz(x(0), blockLabels[yes]);
                    if (no != block + 1) {
                        asm.b(blockLabels[no]);
                    }
                }
            }
            case BR_TABLE -> brTable(block);
            case TRAP -> asm.b(trap(p.trap()));
        }
    }

    private void brTable(int block) {
        Reg idx = x(0);
        int n = mf.numSuccs(block) - 1;
        if (n < 4096) {
            asm.cmp(idx, n);
        } else {
            asm.mov(X16, n);
            asm.cmp(idx, X16);
        }
        asm.bcond(Cond.HS, blockLabels[mf.succ(block, 0)]);
        Label table = new Label();
        asm.adr(X17, table);
        asm.add(X17, X17, idx, Shift.LSL, 2);
        asm.br(X17);
        asm.bind(table);
        for (int k = 1; k <= n; k++) {
            asm.b(blockLabels[mf.succ(block, k)]);
        }
    }

    private void ir(A64Inst p) {
        switch (p.op()) {
            case LOAD, ULOAD8, SLOAD8, ULOAD16, SLOAD16, ULOAD32, SLOAD32 -> {
                Type access = accessType(p.op(), p.type());
                load(access, p.type(), 0, address(x(1), p.imm(), access.bits() / 8), signed(p.op()));
            }
            case STORE, ISTORE8, ISTORE16, ISTORE32 -> {
                Type access = accessType(p.op(), p.type());
                store(access, 0, address(x(1), p.imm(), access.bits() / 8));
            }
            case STACK_LOAD -> load(p.type(), p.type(), 0,
                    address(SP, frame.stackSlotDisplacement(p.aux(), p.imm()), p.type().bits() / 8), false);
            case STACK_STORE -> store(p.type(), 0,
                    address(SP, frame.stackSlotDisplacement(p.aux(), p.imm()), p.type().bits() / 8));
            case STACK_ADDR -> addOffset(x(0), SP, frame.stackSlotDisplacement(p.aux(), p.imm()));
            case FUNC_ADDR -> {
                Label l = functionLabels.get(p.symbol());
                if (l != null) {
                    asm.adr(x(0), l);
                } else {
                    asm.adrp(x(0), p.symbol());
                    buf.addRelocation(buf.position(), FixupFormat.PAGE_OFFSET12_AT10, p.symbol(), 0);
                    asm.add(x(0), x(0), 0);
                }
            }
            case TRAPZ, TRAPNZ -> {
                if (p.op() == Opcode.TRAPZ) {
                    asm.cbz(x(0), trap(p.trap()));
                } else {
                    asm.cbnz(x(0), trap(p.trap()));
                }
            }
            case TRAP -> asm.b(trap(p.trap()));
            case FCVT_TO_UINT, FCVT_TO_SINT, FCVT_TO_UINT_SAT, FCVT_TO_SINT_SAT, FCVT_FROM_UINT, FCVT_FROM_SINT,
                    BITCAST -> conversions.emit(p);
            case F32CONST, F64CONST, FADD, FSUB, FMUL, FDIV, FMIN, FMAX, FMA, SQRT, CEIL, FLOOR, TRUNC, NEAREST, FNEG,
                    FABS, FCOPYSIGN, FCMP, FPROMOTE, FDEMOTE -> floats.emit(p);
            case ATOMIC_LOAD, ATOMIC_STORE, ATOMIC_RMW, ATOMIC_CAS, FENCE -> atomics.emit(p);
            case SELECT -> {
                if (p.type().isFloat()) {
                    floats.emit(p);
                } else {
                    ints.emit(p);
                }
            }
            default -> ints.emit(p);
        }
    }

    private static boolean signed(Opcode op) {
        return op == Opcode.SLOAD8 || op == Opcode.SLOAD16 || op == Opcode.SLOAD32;
    }

    /** The type of the memory access of a load or store whose value has type {@code t}. */
    private static Type accessType(Opcode op, Type t) {
        return switch (op) {
            case ULOAD8, SLOAD8, ISTORE8 -> Type.I8;
            case ULOAD16, SLOAD16, ISTORE16 -> Type.I16;
            case ULOAD32, SLOAD32, ISTORE32 -> Type.I32;
            default -> t;
        };
    }

    /**
     * Loads {@code access} bits into operand {@code k}: a float into its S or D register, an
     * integer zero- or sign-extended to {@code result}, canonical.
     */
    private void load(Type access, Type result, int k, Mem m, boolean signed) {
        if (access.isFloat()) {
            asm.ldr(f(k, access), m);
            return;
        }
        Reg d = x(k);
        Reg w = d.withSize(false);
        if (!signed) {
            switch (access.bits()) {
                case 8 -> asm.ldrb(w, m);
                case 16 -> asm.ldrh(w, m);
                case 32 -> asm.ldr(w, m);
                default -> asm.ldr(d, m);
            }
            return;
        }
        switch (access.bits()) {
            case 8 -> asm.ldrsb(result.bits() == 64 ? d : w, m);
            case 16 -> asm.ldrsh(result.bits() == 64 ? d : w, m);
            default -> asm.ldrsw(d, m);
        }
        canonical(d, result.bits());
    }

    /** Stores the low {@code access} bits of operand {@code k} (the whole S or D register of a float). */
    private void store(Type access, int k, Mem m) {
        if (access.isFloat()) {
            asm.str(f(k, access), m);
            return;
        }
        Reg v = x(k);
        Reg w = v.withSize(false);
        switch (access.bits()) {
            case 8 -> asm.strb(w, m);
            case 16 -> asm.strh(w, m);
            case 32 -> asm.str(w, m);
            default -> asm.str(v, m);
        }
    }
}
