package dev.vex.x64.isel;

import static dev.vex.backend.Operand.def;
import static dev.vex.backend.Operand.defReuse;
import static dev.vex.backend.Operand.earlyDef;
import static dev.vex.backend.Operand.lateUse;
import static dev.vex.backend.Operand.use;
import static dev.vex.x64.abi.X64MachineSpec.RAX;
import static dev.vex.x64.abi.X64MachineSpec.RCX;
import static dev.vex.x64.abi.X64MachineSpec.RDX;

import dev.vex.backend.BackendException;
import dev.vex.backend.MachFunctionBuilder;
import dev.vex.backend.RegClass;
import dev.vex.ir.Instruction;
import dev.vex.ir.Opcode;
import dev.vex.ir.Type;
import dev.vex.ir.Value;

/**
 * Lowers the operations that touch {@code i128} values, each value being two 64-bit virtual
 * registers (low half, high half), as Cranelift's {@code ValueRegs} do: the allocator only ever
 * sees 64-bit registers. The {@link InstructionSelector} keeps the low half where it keeps any
 * value's register ({@link #low}), so an operation that only reads the low bits of a wide
 * operand (a shift amount) needs nothing from here; this class knows the high halves.
 *
 * <p>Operations whose halves are independent (bitwise ones, {@code select}, {@code bswap},
 * copies, extensions) become existing 64-bit instructions, two per operation. The others become
 * one {@link Kind#I128} instruction each, emitted by {@code dev.vex.x64.emit.I128Emitter}, whose
 * operands are defs (early), then uses (late), then temporaries:
 * <ul>
 *   <li>{@code iadd}, {@code isub}, {@code imul} (clobbers rax, rdx), {@code smin}..{@code umax}
 *       and {@code uadd_overflow_trap}: defs lo, hi; uses a.lo, a.hi, b.lo, b.hi;</li>
 *   <li>{@code umulhi}, {@code smulhi} (clobber rax, rdx): as {@code imul}, with one temporary;</li>
 *   <li>{@code ineg}, {@code iabs}: defs lo, hi; uses a.lo, a.hi;</li>
 *   <li>{@code icmp}: def the i8; uses a.lo, a.hi, b.lo, b.hi; {@code aux} the condition;</li>
 *   <li>{@code ishl}, {@code ushr}, {@code sshr}, {@code rotl}, {@code rotr} (clobber rcx): defs
 *       lo, hi; uses a.lo, a.hi, amount; one temporary;</li>
 *   <li>the add and subtract overflow forms: defs lo, hi, flag; uses a.lo, a.hi, b.lo, b.hi
 *       and the carry or borrow in, if any;</li>
 *   <li>{@code clz}, {@code ctz}: def the count; uses the 64-bit count of the deciding half and
 *       that of the other half;</li>
 *   <li>{@code bmask}: defs the result's halves; uses the operand's halves;</li>
 *   <li>{@code load}: defs lo, hi; use the address; {@code store}: uses lo, hi, address;</li>
 *   <li>{@code udiv} (the one division; rax, rcx, rdx clobbered): defs quotient lo, hi,
 *       remainder lo, hi; uses a.lo, a.hi, b.lo, b.hi. The signed forms divide magnitudes.</li>
 * </ul>
 * The multiply overflow forms and conversions between i128 and floats are not selected yet:
 * they are a {@link BackendException}.
 */
final class I128Lowering {
    private final MachFunctionBuilder b;
    private final String function;
    private final int[] low;
    private final int[] high;

    /**
     * @param low  the selector's register of each value (the low half of an i128)
     * @param high the high-half register of each i128 value, filled by {@link #assignHighHalves}
     */
    I128Lowering(MachFunctionBuilder b, String function, int[] low, int[] high) {
        this.b = b;
        this.function = function;
        this.low = low;
        this.high = high;
    }

    /** Makes the high-half register of every i128 value of {@code values}. */
    static int[] assignHighHalves(MachFunctionBuilder b, Iterable<Value> values, int count) {
        int[] high = new int[count];
        java.util.Arrays.fill(high, -1);
        for (Value v : values) {
            if (v.type() == Type.I128) {
                high[v.id()] = b.newVReg(RegClass.INT);
            }
        }
        return high;
    }

    /** Whether {@code x} is an i128, held in two registers. */
    static boolean isWide(Value x) {
        return x.type() == Type.I128;
    }

    /**
     * Whether this class lowers {@code inst}: it has an i128 result or first operand. Calls,
     * returns and branches are the selector's, which asks {@link #high} and {@link #truth}.
     */
    static boolean handles(Instruction inst) {
        switch (inst.opcode()) {
            case CALL, CALL_INDIRECT, RETURN, JUMP, BRIF, BR_TABLE -> {
                return false;
            }
            default -> { }
        }
        return (inst.resultCount() > 0 && isWide(inst.result(0)))
                || (inst.operandCount() > 0 && isWide(inst.operand(0)));
    }

    int lo(Value x) {
        return low[x.id()];
    }

    int hi(Value x) {
        return high[x.id()];
    }

    /** A register that is non-zero exactly when i128 {@code x} is. */
    int truth(Value x) {
        int t = b.newVReg(RegClass.INT);
        binary64(Opcode.BOR, t, lo(x), hi(x));
        return t;
    }

    void lower(Instruction inst) {
        Opcode op = inst.opcode();
        Type rt = inst.resultCount() > 0 ? inst.result(0).type() : null;
        Value r = inst.resultCount() > 0 ? inst.result(0) : null;
        Value a = inst.operandCount() > 0 ? inst.operand(0) : null;
        switch (op) {
            case NOP -> { }
            case ICONST -> {
                constant64(lo(r), inst.imm());
                constant64(hi(r), inst.imm() >> 63);
            }
            case IADD, ISUB, IMUL, SMIN, SMAX, UMIN, UMAX ->
                wideBinary(inst, op, lo(r), hi(r), lo(a), hi(a), lo(inst.operand(1)), hi(inst.operand(1)));
            case IADD_IMM, IMUL_IMM -> {
                int[] c = constantPair(inst.imm());
                wideBinary(inst, op == Opcode.IADD_IMM ? Opcode.IADD : Opcode.IMUL, lo(r), hi(r), lo(a), hi(a),
                        c[0], c[1]);
            }
            case IRSUB_IMM -> {
                int[] c = constantPair(inst.imm());
                wideBinary(inst, Opcode.ISUB, lo(r), hi(r), c[0], c[1], lo(a), hi(a));
            }
            case UMULHI, SMULHI -> b.inst(wide(inst, op, 2, 4), 1L << RAX | 1L << RDX, earlyDef(lo(r)),
                    earlyDef(hi(r)), lateUse(lo(a)), lateUse(hi(a)), lateUse(lo(inst.operand(1))),
                    lateUse(hi(inst.operand(1))), earlyDef(b.newVReg(RegClass.INT)));
            case UADD_OVERFLOW_TRAP ->
                wideBinary(inst, op, lo(r), hi(r), lo(a), hi(a), lo(inst.operand(1)), hi(inst.operand(1)));
            case INEG, IABS -> b.inst(wide(inst, op, 2, 2), 0, earlyDef(lo(r)), earlyDef(hi(r)), lateUse(lo(a)),
                    lateUse(hi(a)));
            case BAND, BOR, BXOR, BAND_NOT, BOR_NOT, BXOR_NOT -> {
                Value c = inst.operand(1);
                binary64(op, lo(r), lo(a), lo(c));
                binary64(op, hi(r), hi(a), hi(c));
            }
            case BAND_IMM, BOR_IMM, BXOR_IMM -> {
                Opcode base = switch (op) {
                    case BAND_IMM -> Opcode.BAND;
                    case BOR_IMM -> Opcode.BOR;
                    default -> Opcode.BXOR;
                };
                int[] c = constantPair(inst.imm());
                binary64(base, lo(r), lo(a), c[0]);
                binary64(base, hi(r), hi(a), c[1]);
            }
            case BNOT -> {
                unary64(Opcode.BNOT, lo(r), lo(a));
                unary64(Opcode.BNOT, hi(r), hi(a));
            }
            case BSWAP -> {
                unary64(Opcode.BSWAP, lo(r), hi(a));
                unary64(Opcode.BSWAP, hi(r), lo(a));
            }
            case BITREV -> {
                bitCount64(Opcode.BITREV, lo(r), hi(a));
                bitCount64(Opcode.BITREV, hi(r), lo(a));
            }
            case POPCNT -> {
                int p0 = b.newVReg(RegClass.INT);
                int p1 = b.newVReg(RegClass.INT);
                bitCount64(Opcode.POPCNT, p0, lo(a));
                bitCount64(Opcode.POPCNT, p1, hi(a));
                binary64(Opcode.IADD, lo(r), p0, p1);
                constant64(hi(r), 0);
            }
            case CLZ -> leadingZeros(inst, lo(r), lo(a), hi(a));
            case CTZ -> {
                int t0 = b.newVReg(RegClass.INT);
                int t1 = b.newVReg(RegClass.INT);
                bitCount64(Opcode.CTZ, t0, lo(a));
                bitCount64(Opcode.CTZ, t1, hi(a));
                b.inst(wide(inst, Opcode.CTZ, 1, 2), 0, earlyDef(lo(r)), lateUse(t0), lateUse(t1));
                constant64(hi(r), 0);
            }
            case CLS -> {
                // cls(x) = clz(x ^ (x >> 127)) - 1
                int sign = b.newVReg(RegClass.INT);
                b.inst(new X64Inst(Kind.IR, Opcode.SSHR_IMM, Type.I64, Type.I64, 63, 0, null, null, 1, 1), 0,
                        defReuse(sign, 1), use(hi(a)));
                int y0 = b.newVReg(RegClass.INT);
                int y1 = b.newVReg(RegClass.INT);
                binary64(Opcode.BXOR, y0, lo(a), sign);
                binary64(Opcode.BXOR, y1, hi(a), sign);
                int clz = b.newVReg(RegClass.INT);
                leadingZeros(inst, clz, y0, y1);
                b.inst(new X64Inst(Kind.IR, Opcode.IADD_IMM, Type.I64, Type.I64, -1, 0, null, null, 1, 1), 0,
                        defReuse(lo(r), 1), use(clz));
            }
            case ISHL, USHR, SSHR, ROTL, ROTR -> {
                Value amount = inst.operand(1);
                shift(inst, op, r, a, amount.type() == Type.I128 ? lo(amount) : low[amount.id()]);
            }
            case ISHL_IMM, USHR_IMM, SSHR_IMM, ROTL_IMM, ROTR_IMM -> {
                Opcode base = switch (op) {
                    case ISHL_IMM -> Opcode.ISHL;
                    case USHR_IMM -> Opcode.USHR;
                    case SSHR_IMM -> Opcode.SSHR;
                    case ROTL_IMM -> Opcode.ROTL;
                    default -> Opcode.ROTR;
                };
                int amount = b.newVReg(RegClass.INT);
                constant64(amount, inst.imm() & 127);
                shift(inst, base, r, a, amount);
            }
            case ICMP -> compare(inst, lo(r), a, lo(inst.operand(1)), hi(inst.operand(1)));
            case ICMP_IMM -> {
                int[] c = constantPair(inst.imm());
                compare(inst, lo(r), a, c[0], c[1]);
            }
            case SELECT, SELECT_SPECTRE_GUARD -> select(inst, op);
            case BITSELECT -> {
                Value x = inst.operand(1);
                Value y = inst.operand(2);
                select64(Opcode.BITSELECT, Type.I64, lo(r), lo(a), lo(x), lo(y));
                select64(Opcode.BITSELECT, Type.I64, hi(r), hi(a), hi(x), hi(y));
            }
            case UEXTEND -> {
                copy64(lo(r), low[a.id()]);
                constant64(hi(r), 0);
            }
            case SEXTEND -> {
                b.inst(new X64Inst(Kind.IR, Opcode.SEXTEND, Type.I64, a.type(), 0, 0, null, null, 1, 1), 0,
                        defReuse(lo(r), 1), use(low[a.id()]));
                b.inst(new X64Inst(Kind.IR, Opcode.SSHR_IMM, Type.I64, Type.I64, 63, 0, null, null, 1, 1), 0,
                        defReuse(hi(r), 1), use(lo(r)));
            }
            case IREDUCE -> b.inst(new X64Inst(Kind.IR, Opcode.IREDUCE, rt, Type.I64, 0, 0, null, null, 1, 1), 0,
                    defReuse(low[r.id()], 1), use(lo(a)));
            case ISPLIT -> {
                copy64(low[inst.result(0).id()], lo(a));
                copy64(low[inst.result(1).id()], hi(a));
            }
            case ICONCAT -> {
                copy64(lo(r), low[a.id()]);
                copy64(hi(r), low[inst.operand(1).id()]);
            }
            case BITCAST -> {
                if (a.type() != Type.I128 || rt != Type.I128) {
                    throw unsupported(inst);
                }
                copy64(lo(r), lo(a));
                copy64(hi(r), hi(a));
            }
            case BMASK -> bmask(inst, r, a);
            case LOAD -> b.inst(new X64Inst(Kind.I128, Opcode.LOAD, Type.I128, null, inst.offset(), bigEndian(inst),
                    null, null, 2, 1), 0, earlyDef(lo(r)), earlyDef(hi(r)), lateUse(low[a.id()]));
            case STORE -> store(lo(a), hi(a), low[inst.operand(1).id()], inst.offset(), bigEndian(inst));
            case ISTORE8, ISTORE16, ISTORE32 -> b.inst(new X64Inst(Kind.IR, op, Type.I64, inst.operand(1).type(),
                    inst.offset(), bigEndian(inst), null, null, 0, 2), 0, use(lo(a)), use(low[inst.operand(1).id()]));
            case STACK_LOAD -> {
                int addr = stackAddress(inst);
                b.inst(new X64Inst(Kind.I128, Opcode.LOAD, Type.I128, null, 0, 0, null, null, 2, 1), 0,
                        earlyDef(lo(r)), earlyDef(hi(r)), lateUse(addr));
            }
            case STACK_STORE -> store(lo(a), hi(a), stackAddress(inst), 0, 0);
            case TRAPZ, TRAPNZ -> b.inst(new X64Inst(Kind.IR, op, Type.I64, Type.I64, 0, 0, inst.trapCode(), null, 0,
                    1), 0, use(truth(a)));
            case SADD_OVERFLOW, UADD_OVERFLOW, SSUB_OVERFLOW, USUB_OVERFLOW, SADD_OVERFLOW_CIN, UADD_OVERFLOW_CIN,
                    SSUB_OVERFLOW_BIN, USUB_OVERFLOW_BIN -> overflow(inst, op);
            case UDIV, UREM, SDIV, SREM -> divide(inst, op, r, lo(a), hi(a), lo(inst.operand(1)), hi(inst.operand(1)));
            case UDIV_IMM, UREM_IMM, SDIV_IMM, SREM_IMM -> {
                Opcode base = switch (op) {
                    case UDIV_IMM -> Opcode.UDIV;
                    case UREM_IMM -> Opcode.UREM;
                    case SDIV_IMM -> Opcode.SDIV;
                    default -> Opcode.SREM;
                };
                int[] c = constantPair(inst.imm());
                divide(inst, base, r, lo(a), hi(a), c[0], c[1]);
            }
            default -> throw unsupported(inst);
        }
    }

    /**
     * Division and remainder: one unsigned divide; the signed forms divide the magnitudes, trap
     * on MIN / -1 ({@code sdiv} only, as the interpreter does), and give the quotient the sign
     * of a ^ b and the remainder that of a.
     */
    private void divide(Instruction inst, Opcode op, Value r, int a0, int a1, int b0, int b1) {
        boolean signed = op == Opcode.SDIV || op == Opcode.SREM;
        boolean rem = op == Opcode.UREM || op == Opcode.SREM;
        int signA = 0;
        int signB = 0;
        if (signed) {
            if (op == Opcode.SDIV) {
                int isMin = b.newVReg(RegClass.INT);
                int isMinusOne = b.newVReg(RegClass.INT);
                int min0 = b.newVReg(RegClass.INT);
                int min1 = b.newVReg(RegClass.INT);
                constant64(min0, 0);
                constant64(min1, Long.MIN_VALUE);
                int[] minusOne = constantPair(-1);
                compare(dev.vex.ir.IntCC.EQ, isMin, a0, a1, min0, min1);
                compare(dev.vex.ir.IntCC.EQ, isMinusOne, b0, b1, minusOne[0], minusOne[1]);
                int both = b.newVReg(RegClass.INT);
                binary64(Opcode.BAND, both, isMin, isMinusOne);
                b.inst(new X64Inst(Kind.IR, Opcode.TRAPNZ, Type.I64, Type.I64, 0, 0,
                        dev.vex.ir.TrapCode.INTEGER_OVERFLOW, null, 0, 1), 0, use(both));
            }
            signA = signMask(a1);
            signB = signMask(b1);
            int[] ua = magnitude(inst, a0, a1);
            int[] ub = magnitude(inst, b0, b1);
            a0 = ua[0];
            a1 = ua[1];
            b0 = ub[0];
            b1 = ub[1];
        }
        int q0 = b.newVReg(RegClass.INT);
        int q1 = b.newVReg(RegClass.INT);
        int r0 = b.newVReg(RegClass.INT);
        int r1 = b.newVReg(RegClass.INT);
        b.inst(wide(inst, Opcode.UDIV, 4, 4), 1L << RAX | 1L << RCX | 1L << RDX, earlyDef(q0), earlyDef(q1),
                earlyDef(r0), earlyDef(r1), lateUse(a0), lateUse(a1), lateUse(b0), lateUse(b1));
        int v0 = rem ? r0 : q0;
        int v1 = rem ? r1 : q1;
        if (!signed) {
            copy64(lo(r), v0);
            copy64(hi(r), v1);
            return;
        }
        int sign = signA;
        if (!rem) {
            sign = b.newVReg(RegClass.INT);
            binary64(Opcode.BXOR, sign, signA, signB);
        }
        // (v ^ s) - s with s all ones negates v, with s zero keeps it.
        int x0 = b.newVReg(RegClass.INT);
        int x1 = b.newVReg(RegClass.INT);
        binary64(Opcode.BXOR, x0, v0, sign);
        binary64(Opcode.BXOR, x1, v1, sign);
        wideBinary(inst, Opcode.ISUB, lo(r), hi(r), x0, x1, sign, sign);
    }

    /** All ones if the i128 whose high half is {@code hi} is negative, else zero. */
    private int signMask(int hi) {
        int s = b.newVReg(RegClass.INT);
        b.inst(new X64Inst(Kind.IR, Opcode.SSHR_IMM, Type.I64, Type.I64, 63, 0, null, null, 1, 1), 0, defReuse(s, 1),
                use(hi));
        return s;
    }

    private int[] magnitude(Instruction inst, int x0, int x1) {
        int m0 = b.newVReg(RegClass.INT);
        int m1 = b.newVReg(RegClass.INT);
        b.inst(wide(inst, Opcode.IABS, 2, 2), 0, earlyDef(m0), earlyDef(m1), lateUse(x0), lateUse(x1));
        return new int[] {m0, m1};
    }

    private BackendException unsupported(Instruction inst) {
        return new BackendException(function, "x64 does not compile " + inst.opcode().text() + " on i128 yet");
    }

    private static X64Inst wide(Instruction inst, Opcode op, int nDefs, int nUses) {
        return new X64Inst(Kind.I128, op, Type.I128, Type.I128, 0, 0, inst.trapCode(), null, nDefs, nUses);
    }

    private static int bigEndian(Instruction inst) {
        return inst.memFlags() != null && inst.memFlags().isBigEndian() ? 1 : 0;
    }

    private void wideBinary(Instruction inst, Opcode op, int d0, int d1, int a0, int a1, int b0, int b1) {
        long clobbers = op == Opcode.IMUL ? 1L << RAX | 1L << RDX : 0;
        b.inst(wide(inst, op, 2, 4), clobbers, earlyDef(d0), earlyDef(d1), lateUse(a0), lateUse(a1), lateUse(b0),
                lateUse(b1));
    }

    private void shift(Instruction inst, Opcode op, Value r, Value a, int amount) {
        b.inst(wide(inst, op, 2, 3), 1L << RCX, earlyDef(lo(r)), earlyDef(hi(r)), lateUse(lo(a)), lateUse(hi(a)),
                lateUse(amount), earlyDef(b.newVReg(RegClass.INT)));
    }

    private void compare(Instruction inst, int d, Value a, int b0, int b1) {
        compare(inst.intCC(), d, lo(a), hi(a), b0, b1);
    }

    private void compare(dev.vex.ir.IntCC cc, int d, int a0, int a1, int b0, int b1) {
        X64Inst p = new X64Inst(Kind.I128, Opcode.ICMP, Type.I128, Type.I128, 0, cc.ordinal(), null, null, 1, 4);
        b.inst(p, 0, earlyDef(d), lateUse(a0), lateUse(a1), lateUse(b0), lateUse(b1));
    }

    /** {@code d} = clz of the 128 bits {@code hi:lo}. */
    private void leadingZeros(Instruction inst, int d, int lo, int hi) {
        int c1 = b.newVReg(RegClass.INT);
        int c0 = b.newVReg(RegClass.INT);
        bitCount64(Opcode.CLZ, c1, hi);
        bitCount64(Opcode.CLZ, c0, lo);
        b.inst(wide(inst, Opcode.CLZ, 1, 2), 0, earlyDef(d), lateUse(c1), lateUse(c0));
        Value r = inst.result(0);
        if (r.type() == Type.I128) {
            constant64(hi(r), 0);
        }
    }

    private void select(Instruction inst, Opcode op) {
        Value cond = inst.operand(0);
        int c = isWide(cond) ? truth(cond) : low[cond.id()];
        Type condType = isWide(cond) ? Type.I64 : cond.type();
        Value r = inst.result(0);
        Value x = inst.operand(1);
        Value y = inst.operand(2);
        if (isWide(r)) {
            select64(op, condType, lo(r), c, lo(x), lo(y));
            select64(op, condType, hi(r), c, hi(x), hi(y));
        } else {
            b.inst(new X64Inst(Kind.IR, op, r.type(), condType, 0, 0, null, null, 1, 3), 0, defReuse(low[r.id()], 3),
                    use(c), use(low[x.id()]), use(low[y.id()]));
        }
    }

    private void bmask(Instruction inst, Value r, Value a) {
        int[] ops = new int[4];
        int nd = 0;
        ops[nd++] = earlyDef(low[r.id()]);
        if (isWide(r)) {
            ops[nd++] = earlyDef(hi(r));
        }
        int k = nd;
        ops[k++] = lateUse(low[a.id()]);
        if (isWide(a)) {
            ops[k++] = lateUse(hi(a));
        }
        b.inst(new X64Inst(Kind.I128, Opcode.BMASK, r.type(), a.type(), 0, 0, null, null, nd, k - nd), 0,
                java.util.Arrays.copyOf(ops, k));
    }

    private void overflow(Instruction inst, Opcode op) {
        Value a = inst.operand(0);
        Value c = inst.operand(1);
        Value r = inst.result(0);
        int flag = low[inst.result(1).id()];
        if (inst.operandCount() > 2) {
            b.inst(wide(inst, op, 3, 5), 0, earlyDef(lo(r)), earlyDef(hi(r)), earlyDef(flag), lateUse(lo(a)),
                    lateUse(hi(a)), lateUse(lo(c)), lateUse(hi(c)), lateUse(low[inst.operand(2).id()]));
        } else {
            b.inst(wide(inst, op, 3, 4), 0, earlyDef(lo(r)), earlyDef(hi(r)), earlyDef(flag), lateUse(lo(a)),
                    lateUse(hi(a)), lateUse(lo(c)), lateUse(hi(c)));
        }
    }

    private void store(int lo, int hi, int address, long offset, int bigEndian) {
        b.inst(new X64Inst(Kind.I128, Opcode.STORE, Type.I128, null, offset, bigEndian, null, null, 0, 3), 0,
                lateUse(lo), lateUse(hi), lateUse(address));
    }

    private int stackAddress(Instruction inst) {
        int addr = b.newVReg(RegClass.INT);
        b.inst(new X64Inst(Kind.IR, Opcode.STACK_ADDR, Type.I64, null, inst.offset(), inst.stackSlot().number(), null,
                null, 1, 0), 0, def(addr));
        return addr;
    }

    // ---- 64-bit instructions of the existing kinds, one per half ----

    private void constant64(int d, long value) {
        b.inst(new X64Inst(Kind.IR, Opcode.ICONST, Type.I64, null, value, 0, null, null, 1, 0), 0, def(d));
    }

    /** Registers holding the i128 constant {@code imm} sign-extended (the IR's reading of an immediate). */
    private int[] constantPair(long imm) {
        int c0 = b.newVReg(RegClass.INT);
        int c1 = b.newVReg(RegClass.INT);
        constant64(c0, imm);
        constant64(c1, imm >> 63);
        return new int[] {c0, c1};
    }

    private void copy64(int d, int s) {
        b.inst(new X64Inst(Kind.COPY, null, Type.I64, null, 0, 0, null, null, 1, 1), 0, defReuse(d, 1), use(s));
    }

    private void binary64(Opcode op, int d, int x, int y) {
        b.inst(new X64Inst(Kind.IR, op, Type.I64, Type.I64, 0, 0, null, null, 1, 2), 0, defReuse(d, 1), use(x),
                use(y));
    }

    private void unary64(Opcode op, int d, int x) {
        b.inst(new X64Inst(Kind.IR, op, Type.I64, Type.I64, 0, 0, null, null, 1, 1), 0, defReuse(d, 1), use(x));
    }

    private void bitCount64(Opcode op, int d, int x) {
        b.inst(new X64Inst(Kind.IR, op, Type.I64, Type.I64, 0, 0, null, null, 1, 1), 0, earlyDef(d), use(x),
                earlyDef(b.newVReg(RegClass.INT)));
    }

    private void select64(Opcode op, Type condType, int d, int c, int x, int y) {
        b.inst(new X64Inst(Kind.IR, op, Type.I64, condType, 0, 0, null, null, 1, 3), 0, defReuse(d, 3), use(c),
                use(x), use(y));
    }
}
