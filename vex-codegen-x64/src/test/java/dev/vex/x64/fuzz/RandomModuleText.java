package dev.vex.x64.fuzz;

import dev.vex.ir.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes random well-typed sync functions as CLIF text, for differential testing.
 *
 * <p>Each function has random parameters (enough, at times, to spill onto the stack) and
 * results (sometimes more than fit in registers). Its blocks form a forward DAG plus back edges
 * guarded by a counter that every block receives and every back edge decrements, so it always
 * terminates. Every block receives an {@code i64} accumulator into which it folds some of its
 * values, so that most computed values reach the results. Operations are drawn from almost the
 * whole scalar opcode set; divisors and conversions are usually made safe so that traps stay a
 * minority of outcomes. Functions call earlier functions of the module, directly and through
 * {@code func_addr} + {@code call_indirect}.
 */
final class RandomModuleText {
    private static final Type[] NARROW_INTS = {Type.I8, Type.I16, Type.I32, Type.I64};
    private static final Type[] FLOATS = {Type.F32, Type.F64};
    private static final Type[] NARROW_ALL = {Type.I8, Type.I16, Type.I32, Type.I64, Type.F32, Type.F64};
    private static final Type[] WIDE_INTS = {Type.I8, Type.I16, Type.I32, Type.I64, Type.I128};
    private static final Type[] WIDE_ALL = {Type.I8, Type.I16, Type.I32, Type.I64, Type.I128, Type.F32, Type.F64};
    private static final String[] INT_CC = {"eq", "ne", "slt", "sge", "sgt", "sle", "ult", "uge", "ugt", "ule"};
    private static final String[] FLOAT_CC = {"ord", "uno", "eq", "ne", "one", "ueq", "lt", "le", "gt", "ge", "ult",
        "ule", "ugt", "uge"};
    private static final long[] F32_SPECIAL = {0, 0x80000000L, 0x7f800000L, 0xff800000L, 0x7fc00000L, 0xffc00000L,
        0x7f800001L, 0x7fa00000L, 0x3f800000L, 0xbf800000L, 0x3f000000L, 0xbfc00000L, 0x4f000000L, 0x5f000000L,
        0x4b000000L, 0x00000001L, 0x7f7fffffL, 0xcf000000L, 0xdf000000L, 0x4f800000L};
    private static final long[] F64_SPECIAL = {0, 0x8000000000000000L, 0x7ff0000000000000L, 0xfff0000000000000L,
        0x7ff8000000000000L, 0xfff8000000000000L, 0x7ff0000000000001L, 0x7ff4000000000000L, 0x3ff0000000000000L,
        0xbff0000000000000L, 0x3fe0000000000000L, 0xbff8000000000000L, 0x41e0000000000000L, 0x43e0000000000000L,
        0x4330000000000000L, 0x0000000000000001L, 0x7fefffffffffffffL, 0xc1e0000000000000L, 0xc3e0000000000000L,
        0x43f0000000000000L, 0xc1e0000000200000L, 0x41dfffffffc00000L};

    record Val(String name, Type type) {}

    /** A function's name and signature, for calls and for run arguments. */
    record Sig(String name, List<Type> params, List<Type> returns) {
        String text() {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < params.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(params.get(i));
            }
            sb.append(") -> ");
            for (int i = 0; i < returns.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(returns.get(i));
            }
            return sb.toString();
        }
    }

    private final Random r;
    private final StringBuilder out = new StringBuilder();
    private final List<Sig> sigs = new ArrayList<>();
    private List<Val> live;
    private int nextValue;
    private int callables;
    private boolean allowTraps;

    /**
     * Whether each operation that can make a NaN from non-NaN operands is followed by IR that
     * replaces a NaN result with the canonical one ({@code fcmp uno} and {@code select}), its raw
     * result never used elsewhere: for code compiled without NaN canonicalization, whose NaNs may
     * differ from the interpreter's in sign and payload. Without this those bits would flow into
     * integers (bitcasts, stores, bitwise float ops) and no comparison could tell a real mismatch.
     * The check still sees whether native code made a NaN exactly where the interpreter did.
     */
    private final boolean canonicalizeInIr;
    /** The integer types drawn, and all types: with {@code i128} or without. */
    private final Type[] INTS;
    private final Type[] ALL;

    RandomModuleText(long seed) {
        this(seed, false);
    }

    RandomModuleText(long seed, boolean canonicalizeInIr) {
        this(seed, canonicalizeInIr, false);
    }

    /**
     * @param withI128 whether {@code i128} is one of the integer types: parameters, results,
     *                 block parameters, arithmetic, shifts, compares, selects, memory, calls
     *                 (not the multiply overflow forms or conversions to and from floats,
     *                 which x64 does not select on i128)
     */
    RandomModuleText(long seed, boolean canonicalizeInIr, boolean withI128) {
        this.r = new Random(seed);
        this.canonicalizeInIr = canonicalizeInIr;
        this.INTS = withI128 ? WIDE_INTS : NARROW_INTS;
        this.ALL = withI128 ? WIDE_ALL : NARROW_ALL;
    }

    List<Sig> signatures() {
        return sigs;
    }

    String text() {
        return out.toString();
    }

    /** Appends a function to the module. */
    void function() {
        int index = sigs.size();
        List<Type> params = new ArrayList<>();
        int np = r.nextInt(10) == 0 ? 9 + r.nextInt(8) : r.nextInt(6);
        for (int i = 0; i < np; i++) {
            params.add(pick(ALL));
        }
        List<Type> rets = new ArrayList<>();
        rets.add(Type.I64);
        int nr = r.nextInt(8) == 0 ? 3 + r.nextInt(4) : r.nextInt(3);
        for (int i = 0; i < nr; i++) {
            rets.add(pick(ALL));
        }
        Sig sig = new Sig("f" + index, params, rets);
        // Leaves are called from many places: a trap there would end most calls of the module.
        allowTraps = index % 3 != 0 && r.nextInt(5) == 0;
        callables = index % 3 == 0 ? 0 : index;
        nextValue = 0;
        out.append("function %").append(sig.name()).append(sig.text()).append(" {\n");
        out.append("    ss0 = explicit_slot 64\n");
        for (int j = 0; j < index; j++) {
            out.append("    sig").append(j).append(" = ").append(sigs.get(j).text()).append('\n');
            out.append("    fn").append(j).append(" = %").append(sigs.get(j).name()).append(" sig").append(j)
                    .append('\n');
        }
        int nBlocks = 1 + r.nextInt(5);
        // Parameter types of blocks 1..nBlocks (after the counter and the accumulator); the
        // last block returns.
        List<List<Type>> blockParams = new ArrayList<>();
        blockParams.add(params);
        for (int b = 1; b <= nBlocks; b++) {
            List<Type> ps = new ArrayList<>();
            ps.add(Type.I32);
            ps.add(Type.I64);
            int n = b == nBlocks ? rets.size() - 1 : r.nextInt(7);
            for (int i = 0; i < n; i++) {
                ps.add(b == nBlocks ? rets.get(i + 1) : pick(ALL));
            }
            blockParams.add(ps);
        }
        for (int b = 0; b <= nBlocks; b++) {
            live = new ArrayList<>();
            out.append("block").append(b).append('(');
            List<Type> ps = blockParams.get(b);
            for (int i = 0; i < ps.size(); i++) {
                Val v = fresh(ps.get(i));
                out.append(i == 0 ? "" : ", ").append(v.name()).append(": ").append(v.type());
                live.add(v);
            }
            out.append("):\n");
            Val ctr;
            Val acc;
            if (b == 0) {
                for (int off = 0; off < 64; off += 8) {
                    line("stack_store " + constant(Type.I64, 0).name() + ", ss0+" + off);
                }
                ctr = constant(Type.I32, 1 + r.nextInt(3));
                acc = constant(Type.I64, r.nextLong());
            } else {
                ctr = live.get(0);
                acc = live.get(1);
            }
            int ops = r.nextInt(4) == 0 ? 30 + r.nextInt(40) : r.nextInt(30);
            for (int k = 0; k < ops; k++) {
                op();
            }
            if (r.nextInt(4) == 0) {
                // Register pressure: everything computed in the block stays live until here.
                for (Val v : new ArrayList<>(live)) {
                    acc = fold(acc, v);
                }
            } else {
                for (int k = r.nextInt(6); k > 0; k--) {
                    acc = fold(acc, any(pick(ALL)));
                }
            }
            if (b == nBlocks) {
                StringBuilder sb = new StringBuilder("return ").append(acc.name());
                for (int i = 1; i < rets.size(); i++) {
                    sb.append(", ").append(any(rets.get(i)).name());
                }
                line(sb.toString());
                continue;
            }
            terminator(b, nBlocks, blockParams, ctr, acc);
        }
        out.append("}\n\n");
        sigs.add(sig);
    }

    private void terminator(int b, int nBlocks, List<List<Type>> blockParams, Val ctr, Val acc) {
        int choice = r.nextInt(10);
        int fwd = b + 1 + r.nextInt(nBlocks - b);
        if (choice < 3 && b > 0) {
            // A back edge while the counter lasts, else forward.
            int back = 1 + r.nextInt(b);
            Val dec = fresh(Type.I32);
            line(dec.name() + " = iadd_imm " + ctr.name() + ", -1");
            line("brif " + ctr.name() + ", " + call(back, blockParams, dec, acc) + ", "
                    + call(fwd, blockParams, ctr, acc));
        } else if (choice < 6) {
            int other = b + 1 + r.nextInt(nBlocks - b);
            String cond = any(pick(INTS)).name();
            if (r.nextBoolean()) {
                // A compare used only by the branch (fused into cmp + jcc).
                Type t = pick(INTS);
                Val c = fresh(Type.I8);
                Type ft = pick(FLOATS);
                line(c.name() + " = " + switch (r.nextInt(3)) {
                    case 0 -> "icmp " + pick(INT_CC) + " " + any(t).name() + ", " + any(t).name();
                    case 1 -> "icmp_imm " + pick(INT_CC) + " " + any(t).name() + ", " + signedText(interestingInt(t), t);
                    default -> "fcmp " + pick(FLOAT_CC) + " " + any(ft).name() + ", " + any(ft).name();
                });
                cond = c.name();
            }
            line("brif " + cond + ", " + call(fwd, blockParams, ctr, acc) + ", "
                    + call(other, blockParams, ctr, acc));
        } else if (choice < 8) {
            Val idx = any(Type.I32);
            Val small = fresh(Type.I32);
            line(small.name() + " = band_imm " + idx.name() + ", " + (r.nextBoolean() ? 3 : 7));
            StringBuilder sb = new StringBuilder("br_table ").append(small.name()).append(", ")
                    .append(call(fwd, blockParams, ctr, acc)).append(", [");
            int n = 1 + r.nextInt(5);
            for (int i = 0; i < n; i++) {
                int t = b + 1 + r.nextInt(nBlocks - b);
                sb.append(i == 0 ? "" : ", ").append(call(t, blockParams, ctr, acc));
            }
            line(sb.append(']').toString());
        } else {
            line("jump " + call(fwd, blockParams, ctr, acc));
        }
    }

    private String call(int target, List<List<Type>> blockParams, Val ctr, Val acc) {
        StringBuilder sb = new StringBuilder("block").append(target).append('(').append(ctr.name()).append(", ")
                .append(acc.name());
        List<Type> ps = blockParams.get(target);
        for (int i = 2; i < ps.size(); i++) {
            sb.append(", ").append(any(ps.get(i)).name());
        }
        return sb.append(')').toString();
    }

    private Val fold(Val acc, Val x) {
        Val bits = x;
        if (x.type().isFloat()) {
            bits = emit(x.type().asInt(), "bitcast." + x.type().asInt() + " " + x.name());
        }
        if (bits.type() == Type.I128) {
            Val lo = fresh(Type.I64);
            Val hi = fresh(Type.I64);
            line(lo.name() + ", " + hi.name() + " = isplit " + bits.name());
            acc = emit(Type.I64, "bxor " + acc.name() + ", " + hi.name());
            bits = lo;
        }
        if (bits.type() != Type.I64) {
            bits = emit(Type.I64, "uextend.i64 " + bits.name());
        }
        Val rot = emit(Type.I64, "rotl_imm " + acc.name() + ", " + (1 + r.nextInt(63)));
        return emit(Type.I64, "bxor " + rot.name() + ", " + bits.name());
    }

    private void op() {
        int k = r.nextInt(100);
        Type t = pick(INTS);
        Type f = pick(FLOATS);
        if (k < 14) {
            String op = pick(new String[] {"iadd", "isub", "imul", "band", "bor", "bxor", "band_not", "bor_not",
                "bxor_not", "smin", "smax", "umin", "umax", "umulhi", "smulhi"});
            emit(t, op + " " + any(t).name() + ", " + any(t).name());
        } else if (k < 20) {
            String op = pick(new String[] {"ishl", "ushr", "sshr", "rotl", "rotr"});
            emit(t, op + " " + any(t).name() + ", " + any(pick(INTS)).name());
        } else if (k < 27) {
            String op = pick(new String[] {"iadd_imm", "imul_imm", "band_imm", "bor_imm", "bxor_imm", "irsub_imm",
                "ishl_imm", "ushr_imm", "sshr_imm", "rotl_imm", "rotr_imm"});
            long imm = op.contains("sh") || op.contains("rot") ? r.nextInt(t == Type.I128 ? 140 : 70)
                    : interestingInt(t);
            emit(t, op + " " + any(t).name() + ", " + signedText(imm, t));
        } else if (k < 32) {
            String op = pick(new String[] {"udiv", "sdiv", "urem", "srem"});
            Val d = any(t);
            if (!allowTraps || r.nextInt(4) != 0) {
                d = emit(t, "bor_imm " + d.name() + ", 1");
                if (op.equals("sdiv")) {
                    d = emit(t, "bor_imm " + d.name() + ", 2");
                }
            }
            emit(t, op + " " + any(t).name() + ", " + d.name());
        } else if (k < 34) {
            String op = pick(new String[] {"udiv_imm", "sdiv_imm", "urem_imm", "srem_imm"});
            long imm = pick(new long[] {1, 2, 3, 7, 10, 255, 1000, -3, -7});
            if (allowTraps && r.nextInt(3) == 0) {
                imm = -1;
            }
            emit(t, op + " " + any(t).name() + ", " + signedText(imm, t));
        } else if (k < 40) {
            String op = pick(new String[] {"ineg", "iabs", "bnot", "clz", "ctz", "cls", "popcnt", "bitrev", "bswap"});
            if (op.equals("bswap") && t == Type.I8) {
                t = Type.I32;
            }
            emit(t, op + " " + any(t).name());
        } else if (k < 42) {
            emit(t, "bmask." + t + " " + any(pick(INTS)).name());
        } else if (k < 47) {
            if (r.nextBoolean()) {
                emit(Type.I8, "icmp " + pick(INT_CC) + " " + any(t).name() + ", " + any(t).name());
            } else {
                emit(Type.I8, "icmp_imm " + pick(INT_CC) + " " + any(t).name() + ", " + signedText(interestingInt(t), t));
            }
        } else if (k < 50) {
            Type vt = pick(ALL);
            String cond = any(pick(INTS)).name();
            if (r.nextBoolean()) {
                // A compare used only by the select (fused into cmp + cmov for integers).
                Type ct = pick(INTS);
                Val c = fresh(Type.I8);
                line(c.name() + " = " + (r.nextBoolean()
                        ? "icmp " + pick(INT_CC) + " " + any(ct).name() + ", " + any(ct).name()
                        : "icmp_imm " + pick(INT_CC) + " " + any(ct).name() + ", " + signedText(interestingInt(ct), ct)));
                cond = c.name();
            }
            emit(vt, "select " + cond + ", " + any(vt).name() + ", " + any(vt).name());
        } else if (k < 51) {
            emit(t, "bitselect " + any(t).name() + ", " + any(t).name() + ", " + any(t).name());
        } else if (k < 55) {
            String op = pick(new String[] {"sadd_overflow", "uadd_overflow", "ssub_overflow", "usub_overflow",
                "smul_overflow", "umul_overflow", "sadd_overflow_cin", "uadd_overflow_cin", "ssub_overflow_bin",
                "usub_overflow_bin"});
            if (t == Type.I128 && op.contains("mul")) {
                op = "uadd_overflow";
            }
            String args = any(t).name() + ", " + any(t).name();
            if (op.endsWith("_cin") || op.endsWith("_bin")) {
                args += ", " + any(Type.I8).name();
            }
            Val a = fresh(t);
            Val c = fresh(Type.I8);
            line(a.name() + ", " + c.name() + " = " + op + " " + args);
            live.add(a);
            live.add(c);
        } else if (k < 56 && allowTraps && r.nextInt(3) == 0) {
            emit(t, "uadd_overflow_trap " + any(t).name() + ", " + any(t).name() + ", user" + (1 + r.nextInt(9)));
        } else if (k < 60) {
            Type from = pick(INTS);
            Type to = pick(INTS);
            if (from.bits() < to.bits()) {
                emit(to, (r.nextBoolean() ? "uextend." : "sextend.") + to + " " + any(from).name());
            } else if (from.bits() > to.bits()) {
                emit(to, "ireduce." + to + " " + any(from).name());
            } else if (from == Type.I128) {
                Val lo = fresh(Type.I64);
                Val hi = fresh(Type.I64);
                line(lo.name() + ", " + hi.name() + " = isplit " + any(Type.I128).name());
                live.add(lo);
                live.add(hi);
            } else if (from != Type.I64 || INTS == WIDE_INTS && r.nextBoolean()) {
                Type wide = Type.intOfBits(from.bits() * 2);
                emit(wide, "iconcat " + any(from).name() + ", " + any(from).name());
            } else {
                Val lo = fresh(Type.I32);
                Val hi = fresh(Type.I32);
                line(lo.name() + ", " + hi.name() + " = isplit " + any(Type.I64).name());
                live.add(lo);
                live.add(hi);
            }
        } else if (k < 67) {
            String op = pick(new String[] {"fadd", "fsub", "fmul", "fdiv", "fmin", "fmax", "fcopysign"});
            nanMaking(f, op + " " + any(f).name() + ", " + any(f).name());
        } else if (k < 69) {
            nanMaking(f, "fma " + any(f).name() + ", " + any(f).name() + ", " + any(f).name());
        } else if (k < 73) {
            String op = pick(new String[] {"sqrt", "fneg", "fabs", "ceil", "floor", "trunc", "nearest"});
            nanMaking(f, op + " " + any(f).name());
        } else if (k < 75) {
            emit(Type.I8, "fcmp " + pick(FLOAT_CC) + " " + any(f).name() + ", " + any(f).name());
        } else if (k < 76) {
            if (r.nextBoolean()) {
                emit(Type.F64, "fpromote.f64 " + any(Type.F32).name());
            } else {
                emit(Type.F32, "fdemote.f32 " + any(Type.F64).name());
            }
        } else if (k < 79) {
            t = t == Type.I128 ? Type.I64 : t;
            emit(f, (r.nextBoolean() ? "fcvt_from_sint." : "fcvt_from_uint.") + f + " " + any(t).name());
        } else if (k < 82) {
            t = t == Type.I128 ? Type.I64 : t;
            String op = r.nextBoolean() ? "fcvt_to_sint_sat." : "fcvt_to_uint_sat.";
            if (allowTraps && r.nextInt(3) == 0) {
                op = r.nextBoolean() ? "fcvt_to_sint." : "fcvt_to_uint.";
            }
            emit(t, op + t + " " + any(f).name());
        } else if (k < 84) {
            if (r.nextBoolean()) {
                emit(f, "bitcast." + f + " " + any(f.asInt()).name());
            } else {
                emit(f.asInt(), "bitcast." + f.asInt() + " " + any(f).name());
            }
        } else if (k < 85) {
            String op = pick(new String[] {"band", "bor", "bxor"});
            emit(f, op + " " + any(f).name() + ", " + any(f).name());
        } else if (k < 90) {
            memory();
        } else if (k < 95 && callables > 0) {
            callOp();
        } else if (k < 96 && allowTraps && r.nextInt(3) == 0) {
            line((r.nextBoolean() ? "trapz " : "trapnz ") + any(pick(INTS)).name() + ", user" + (1 + r.nextInt(9)));
        } else {
            randomConstant(pick(ALL));
        }
    }

    private void memory() {
        Type vt = pick(ALL);
        int off = r.nextInt(64 / vt.bytes()) * vt.bytes();
        switch (r.nextInt(6)) {
            case 4 -> atomic();
            case 0 -> line("stack_store " + any(vt).name() + ", ss0+" + off);
            case 1 -> emit(vt, "stack_load." + vt + " ss0+" + off);
            case 2 -> {
                Val addr = address("stack_addr.i64 ss0");
                line("store " + endian() + any(vt).name() + ", " + addr.name() + "+" + off);
            }
            case 3 -> {
                Val addr = address("stack_addr.i64 ss0+" + off);
                emit(vt, "load." + vt + " " + endian() + addr.name());
            }
            default -> {
                Val addr = address("stack_addr.i64 ss0");
                int width = pick(new int[] {8, 16, 32});
                Type to = width == 32 ? Type.I64 : pick(new Type[] {Type.I32, Type.I64, Type.I16});
                if (to.bits() <= width) {
                    to = Type.I64;
                }
                int o = r.nextInt(64 / (width / 8)) * (width / 8);
                if (r.nextBoolean()) {
                    emit(to, (r.nextBoolean() ? "uload" : "sload") + width + "." + to + " " + endian() + addr.name()
                            + "+" + o);
                } else {
                    Type src = width == 32 ? Type.I64 : pick(new Type[] {Type.I32, Type.I64});
                    line("istore" + width + " " + endian() + any(src).name() + ", " + addr.name() + "+" + o);
                }
            }
        }
    }

    /**
     * An atomic operation on the stack slot (one task, so only the values can be compared):
     * load, store, every read-modify-write, compare-and-swap, fence; now and then big-endian.
     * Up to 64 bits: x64 declines 128-bit atomics.
     */
    private void atomic() {
        Type t = pick(NARROW_INTS);
        int off = r.nextInt(64 / t.bytes()) * t.bytes();
        Val addr = address("stack_addr.i64 ss0+" + off);
        String flags = endian();
        switch (r.nextInt(5)) {
            case 0 -> emit(t, "atomic_load." + t + " " + flags + addr.name());
            case 1 -> line("atomic_store " + flags + any(t).name() + ", " + addr.name());
            case 2 -> emit(t, "atomic_rmw." + t + " " + flags + pick(new String[] {"add", "sub", "and", "nand", "or",
                "xor", "xchg", "umin", "umax", "smin", "smax"}) + " " + addr.name() + ", " + any(t).name());
            case 3 -> emit(t, "atomic_cas." + t + " " + flags + addr.name() + ", " + any(t).name() + ", "
                    + (r.nextInt(4) == 0 ? emit(t, "atomic_load." + t + " " + addr.name()) : any(t)).name());
            default -> line("fence");
        }
    }

    /** Memory flags: now and then a big-endian access. */
    private String endian() {
        return r.nextInt(4) == 0 ? "big " : "";
    }

    private void callOp() {
        // Only leaf functions (every third one, which makes no calls) are called: call trees
        // stay shallow and cheap.
        int j = 3 * r.nextInt((callables + 2) / 3);
        Sig s = sigs.get(j);
        StringBuilder args = new StringBuilder();
        for (int i = 0; i < s.params().size(); i++) {
            args.append(i == 0 ? "" : ", ").append(any(s.params().get(i)).name());
        }
        String callee;
        if (r.nextInt(3) == 0) {
            Val fp = address("func_addr.i64 fn" + j);
            callee = "call_indirect sig" + j + ", " + fp.name() + "(" + args + ")";
        } else {
            callee = "call fn" + j + "(" + args + ")";
        }
        List<Val> results = new ArrayList<>();
        for (Type rt : s.returns()) {
            results.add(fresh(rt));
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < results.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(results.get(i).name());
        }
        line(sb + " = " + callee);
        live.addAll(results);
    }

    // ---- values ----

    private Val fresh(Type t) {
        return new Val("v" + nextValue++, t);
    }

    /** An address: used by the memory operation that follows, never folded (it differs between engines). */
    private Val address(String text) {
        Val v = fresh(Type.I64);
        line(v.name() + " = " + text);
        return v;
    }

    /** A float operation that may make a NaN; see {@link #canonicalizeInIr}. */
    private Val nanMaking(Type f, String text) {
        if (!canonicalizeInIr) {
            return emit(f, text);
        }
        Val raw = fresh(f);
        line(raw.name() + " = " + text);
        Val uno = emit(Type.I8, "fcmp uno " + raw.name() + ", " + raw.name());
        Val nan = fresh(f);
        line(nan.name() + " = " + f.toString() + "const +NaN");
        return emit(f, "select " + uno.name() + ", " + nan.name() + ", " + raw.name());
    }

    private Val emit(Type t, String text) {
        Val v = fresh(t);
        line(v.name() + " = " + text);
        live.add(v);
        return v;
    }

    private void line(String text) {
        out.append("    ").append(text).append('\n');
    }

    /** A live value of type {@code t}, recent ones preferred; a new constant if there is none. */
    private Val any(Type t) {
        int n = live.size();
        for (int tries = 0; tries < 12 && n > 0; tries++) {
            int i = r.nextInt(3) == 0 ? r.nextInt(n) : Math.max(0, n - 1 - r.nextInt(Math.min(n, 10)));
            if (live.get(i).type() == t) {
                return live.get(i);
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            if (live.get(i).type() == t && r.nextInt(4) != 0) {
                return live.get(i);
            }
        }
        return randomConstant(t);
    }

    private Val randomConstant(Type t) {
        if (t.isInt()) {
            return constant(t, interestingInt(t));
        }
        long bits;
        if (r.nextInt(3) == 0) {
            bits = t == Type.F32 ? r.nextInt() & 0xffff_ffffL : r.nextLong();
        } else if (t == Type.F32) {
            bits = pick(F32_SPECIAL);
        } else {
            bits = pick(F64_SPECIAL);
        }
        Val i = constant(t.asInt(), bits);
        return emit(t, "bitcast." + t + " " + i.name());
    }

    private Val constant(Type t, long value) {
        return emit(t, "iconst." + t + " 0x" + Long.toHexString(value & t.mask()));
    }

    long interestingInt(Type t) {
        long v = switch (r.nextInt(8)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> -1;
            case 3 -> 1L << (t.bits() - 1);
            case 4 -> (1L << (t.bits() - 1)) - 1;
            case 5 -> r.nextInt(16);
            default -> r.nextLong();
        };
        return v & t.mask();
    }

    /** Argument bit patterns for a signature: canonical slots. */
    long[] args(Sig s) {
        long[] a = new long[s.params().stream().mapToInt(Type::longs).sum()];
        int slot = 0;
        for (int p = 0; p < s.params().size(); p++) {
            Type t = s.params().get(p);
            int i = slot++;
            if (t == Type.I128) {
                a[i] = interestingInt(Type.I64);
                a[slot++] = r.nextBoolean() ? a[i] >> 63 : interestingInt(Type.I64);
            } else if (t.isInt()) {
                a[i] = interestingInt(t);
            } else if (r.nextBoolean()) {
                a[i] = t == Type.F32 ? r.nextInt() & 0xffff_ffffL : r.nextLong();
            } else {
                a[i] = t == Type.F32 ? pick(F32_SPECIAL) : pick(F64_SPECIAL);
            }
        }
        return a;
    }

    private static String signedText(long v, Type t) {
        long s = (v << (64 - t.bits())) >> (64 - t.bits());
        return Long.toString(s);
    }

    private <T> T pick(T[] xs) {
        return xs[r.nextInt(xs.length)];
    }

    private long pick(long[] xs) {
        return xs[r.nextInt(xs.length)];
    }

    private int pick(int[] xs) {
        return xs[r.nextInt(xs.length)];
    }
}
