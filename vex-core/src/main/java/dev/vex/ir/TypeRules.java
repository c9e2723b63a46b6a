package dev.vex.ir;

import java.util.List;

/**
 * The typing rules of every opcode, after Cranelift's: which operand (if any) fixes the
 * controlling type, what the operands must be, and what the results are.
 *
 * <p>{@link #check} works on operands whose type may still be unknown (a value used before the
 * text defines it): it then checks what it can and says the check was incomplete, and the builder
 * checks again once every value is defined.
 */
public final class TypeRules {
    private TypeRules() {
    }

    /** A rule broken; the builder adds the function, block and opcode to the message. */
    static final class Violation extends Exception {
        private static final long serialVersionUID = 1L;
        final String feature;

        Violation(String message) {
            this(message, null);
        }

        Violation(String message, String feature) {
            super(message, null, false, false);
            this.feature = feature;
        }
    }

    /** The outcome of a check: the controlling type and the result types. */
    record Typing(Type controllingType, Type[] results, boolean complete) {
    }

    /** Whether the opcode is instantiated at a type, written {@code op.T} or inferred. */
    public static boolean isPolymorphic(Opcode op) {
        return switch (op) {
            case F32CONST, F64CONST, F16CONST, F128CONST, JUMP, BR_TABLE, RETURN, TRAP, NOP, CALL, AWAIT, AWAIT_BOXED,
                    SPAWN, STACK_STORE, FENCE, RETURN_CALL -> false;
            default -> true;
        };
    }

    /**
     * The operand whose type is the controlling type when none is written, or -1 when the type
     * must be written ({@code iconst.i32}, {@code load.i64}, {@code uextend.i64}...) or the opcode
     * is not polymorphic.
     */
    public static int controllingOperand(Opcode op) {
        if (!isPolymorphic(op)) {
            return -1;
        }
        return switch (op) {
            case ICONST, UEXTEND, SEXTEND, IREDUCE, BITCAST, FPROMOTE, FDEMOTE, FCVT_TO_UINT,
                    FCVT_TO_SINT, FCVT_TO_UINT_SAT, FCVT_TO_SINT_SAT, FCVT_FROM_UINT, FCVT_FROM_SINT,
                    LOAD, ULOAD8, SLOAD8, ULOAD16, SLOAD16, ULOAD32, SLOAD32, STACK_LOAD, STACK_ADDR,
                    FUNC_ADDR, BMASK, ATOMIC_LOAD, GET_PINNED_REG -> -1;
            case SELECT, SELECT_SPECTRE_GUARD, ATOMIC_RMW, ATOMIC_CAS -> 1;
            default -> 0;
        };
    }

    /** How many value operands the format takes, or -1 for "any number". */
    static int operandCount(InstructionFormat f) {
        return switch (f) {
            case UNARY_IMM, UNARY_IEEE32, UNARY_IEEE64, UNARY_IEEE16, UNARY_IEEE128, JUMP, FUNC_ADDR, STACK_LOAD, TRAP, NULLARY -> 0;
            case UNARY, BINARY_IMM64, INT_COMPARE_IMM, BRIF, BRANCH_TABLE, LOAD, LOAD_NO_OFFSET,
                    STACK_STORE, COND_TRAP -> 1;
            case BINARY, INT_COMPARE, FLOAT_COMPARE, STORE, INT_ADD_TRAP, STORE_NO_OFFSET, ATOMIC_RMW -> 2;
            case TERNARY, ATOMIC_CAS -> 3;
            case MULTI_ARY, CALL, CALL_INDIRECT -> -1;
        };
    }

    /** Checks one instruction and works out its types. */
    static Typing check(InstructionSpec s, Value[] ops, Function fn) throws Violation {
        Opcode op = s.opcode();
        InstructionFormat f = op.format();
        int want = operandCount(f);
        if (want >= 0 && ops.length != want) {
            throw new Violation("takes " + want + " value operand" + (want == 1 ? "" : "s") + ", not " + ops.length);
        }
        if (f == InstructionFormat.CALL_INDIRECT && ops.length < 1) {
            throw new Violation("needs a callee operand");
        }
        for (int i = 0; i < ops.length; i++) {
            if (ops[i] == null) {
                throw new Violation("operand " + i + " is null");
            }
        }
        checkImmediatesPresent(s, f);
        boolean complete = true;
        for (Value v : ops) {
            complete &= v.type() != null;
        }

        Type ctrl = s.controllingType();
        if (!isPolymorphic(op)) {
            if (ctrl != null) {
                throw new Violation("takes no type suffix, but ." + ctrl + " is written");
            }
        } else {
            int ci = controllingOperand(op);
            if (ci >= 0) {
                Type inferred = ops[ci].type();
                if (ctrl == null) {
                    if (inferred == null) {
                        throw new Violation("cannot infer the controlling type: " + ops[ci]
                                + " is not defined yet; write " + op + ".T");
                    }
                    ctrl = inferred;
                } else if (inferred != null && inferred != ctrl) {
                    throw new Violation("is written ." + ctrl + " but its operand " + ops[ci] + " has type " + inferred);
                }
            } else if (ctrl == null) {
                throw new Violation("needs its type written, as in " + op + ".i64");
            }
        }

        Type[] results = results(s, op, ctrl, ops, fn);
        return new Typing(ctrl, results, complete);
    }

    private static void checkImmediatesPresent(InstructionSpec s, InstructionFormat f) throws Violation {
        switch (f) {
            case INT_COMPARE, INT_COMPARE_IMM -> need(s.intCC() != null, "an integer condition code");
            case FLOAT_COMPARE -> need(s.floatCC() != null, "a float condition code");
            case LOAD, STORE, LOAD_NO_OFFSET, STORE_NO_OFFSET, ATOMIC_CAS -> need(s.memFlags() != null, "memory flags");
            case ATOMIC_RMW -> {
                need(s.memFlags() != null, "memory flags");
                need(s.atomicOp() != null, "an atomic operation (add, xchg...)");
            }
            case STACK_LOAD, STACK_STORE -> need(s.stackSlot() != null, "a stack slot");
            case CALL, FUNC_ADDR -> need(s.funcRef() != null, "a function reference");
            case CALL_INDIRECT -> need(s.sigRef() != null, "a signature reference");
            case TRAP, COND_TRAP, INT_ADD_TRAP -> need(s.trapCode() != null, "a trap code");
            default -> { }
        }
        int dests = s.destinations().size();
        switch (f) {
            case JUMP -> need(dests == 1, "exactly one destination block");
            case BRIF -> need(dests == 2, "two destination blocks (then, else)");
            case BRANCH_TABLE -> need(dests >= 1, "a default destination block");
            default -> need(dests == 0, "no destination blocks");
        }
    }

    private static void need(boolean ok, String what) throws Violation {
        if (!ok) {
            throw new Violation("needs " + what);
        }
    }

    /** A block call agrees with its block's parameters; false if an argument's type is not known yet. */
    static boolean checkBlockCall(Block target, List<Value> args) throws Violation {
        List<Value> params = target.params();
        if (params.size() != args.size()) {
            throw new Violation("passes " + args.size() + " argument" + (args.size() == 1 ? "" : "s")
                    + " to " + target + ", which has " + params.size() + " parameter" + (params.size() == 1 ? "" : "s"));
        }
        boolean complete = true;
        for (int i = 0; i < args.size(); i++) {
            Value a = args.get(i);
            if (a == null) {
                throw new Violation("passes a null argument to " + target);
            }
            if (a.type() == null) {
                complete = false;
            } else if (a.type() != params.get(i).type()) {
                throw new Violation("passes " + a + " of type " + a.type() + " to " + target + "'s parameter "
                        + params.get(i) + " of type " + params.get(i).type());
            }
        }
        return complete;
    }

    private static Type[] results(InstructionSpec s, Opcode op, Type t, Value[] ops, Function fn) throws Violation {
        switch (op) {
            case ICONST -> {
                isInt(t, "the type");
                fits(s.imm(), t);
                return one(t);
            }
            case F32CONST -> {
                if (s.imm() >>> 32 != 0) {
                    throw new Violation("the f32 bit pattern 0x" + Long.toHexString(s.imm()) + " does not fit in 32 bits");
                }
                return one(Type.F32);
            }
            case F64CONST -> {
                return one(Type.F64);
            }
            case F16CONST -> {
                if (s.imm() >>> 16 != 0) {
                    throw new Violation("the f16 bit pattern 0x" + Long.toHexString(s.imm()) + " does not fit in 16 bits");
                }
                return one(Type.F16);
            }
            case F128CONST -> {
                return one(Type.F128);
            }
            case IADD, ISUB, IMUL, UMULHI, SMULHI, UDIV, SDIV, UREM, SREM, SMIN, SMAX, UMIN, UMAX -> {
                isInt(t, ops[0]);
                same(ops[1], t);
                return one(t);
            }
            case BAND, BOR, BXOR, BAND_NOT, BOR_NOT, BXOR_NOT, FADD, FSUB, FMUL, FDIV, FCOPYSIGN, FMIN, FMAX -> {
                if (op.text().startsWith("f")) {
                    isFloat(t, ops[0]);
                }
                same(ops[1], t);
                return one(t);
            }
            case ISHL, USHR, SSHR, ROTL, ROTR -> {
                isInt(t, ops[0]);
                isInt(ops[1].type(), ops[1]);
                return one(t);
            }
            case IADD_IMM, IMUL_IMM, UDIV_IMM, SDIV_IMM, UREM_IMM, SREM_IMM, IRSUB_IMM, BAND_IMM, BOR_IMM,
                    BXOR_IMM, ISHL_IMM, USHR_IMM, SSHR_IMM, ROTL_IMM, ROTR_IMM -> {
                isInt(t, ops[0]);
                return one(t);
            }
            case INEG, IABS, BITREV, CLZ, CLS, CTZ, POPCNT -> {
                isInt(t, ops[0]);
                return one(t);
            }
            case BSWAP -> {
                isInt(t, ops[0]);
                if (t.bits() < 16) {
                    throw new Violation("needs an integer of at least 16 bits, not " + t);
                }
                return one(t);
            }
            case BNOT -> {
                return one(t);
            }
            case BMASK -> {
                isInt(t, "the result type");
                isInt(ops[0].type(), ops[0]);
                return one(t);
            }
            case SADD_OVERFLOW, UADD_OVERFLOW, SSUB_OVERFLOW, USUB_OVERFLOW, SMUL_OVERFLOW, UMUL_OVERFLOW -> {
                isInt(t, ops[0]);
                same(ops[1], t);
                return new Type[] {t, Type.I8};
            }
            case SADD_OVERFLOW_CIN, UADD_OVERFLOW_CIN, SSUB_OVERFLOW_BIN, USUB_OVERFLOW_BIN -> {
                isInt(t, ops[0]);
                same(ops[1], t);
                same(ops[2], Type.I8);
                return new Type[] {t, Type.I8};
            }
            case UADD_OVERFLOW_TRAP -> {
                isInt(t, ops[0]);
                same(ops[1], t);
                return one(t);
            }
            case BITSELECT -> {
                same(ops[1], t);
                same(ops[2], t);
                return one(t);
            }
            case ICMP -> {
                isInt(t, ops[0]);
                same(ops[1], t);
                return one(Type.I8);
            }
            case ICMP_IMM -> {
                isInt(t, ops[0]);
                return one(Type.I8);
            }
            case FCMP -> {
                isFloat(t, ops[0]);
                same(ops[1], t);
                return one(Type.I8);
            }
            case SELECT, SELECT_SPECTRE_GUARD -> {
                isInt(ops[0].type(), ops[0]);
                same(ops[2], t);
                return one(t);
            }
            case UEXTEND, SEXTEND -> {
                isInt(t, "the result type");
                Type x = ops[0].type();
                isInt(x, ops[0]);
                if (x != null && x.bits() >= t.bits()) {
                    throw new Violation("must widen, but " + ops[0] + " is " + x + " and the result " + t);
                }
                return one(t);
            }
            case IREDUCE -> {
                isInt(t, "the result type");
                Type x = ops[0].type();
                isInt(x, ops[0]);
                if (x != null && x.bits() <= t.bits()) {
                    throw new Violation("must narrow, but " + ops[0] + " is " + x + " and the result " + t);
                }
                return one(t);
            }
            case ICONCAT -> {
                isInt(t, ops[0]);
                same(ops[1], t);
                Type wide = Type.intOfBits(t.bits() * 2);
                if (wide == null) {
                    throw new Violation("of two " + t + " would make an i" + 2 * t.bits() + ", which is no type");
                }
                return one(wide);
            }
            case ISPLIT -> {
                isInt(t, ops[0]);
                Type half = Type.intOfBits(t.bits() / 2);
                if (half == null) {
                    throw new Violation("cannot split an " + t);
                }
                return new Type[] {half, half};
            }
            case BITCAST -> {
                Type x = ops[0].type();
                if (x != null && x.bits() != t.bits()) {
                    throw new Violation("needs the same width, but " + ops[0] + " is " + x + " and the result " + t);
                }
                return one(t);
            }
            case FPROMOTE, FDEMOTE -> {
                isFloat(t, "the result type");
                Type x = ops[0].type();
                isFloat(x, ops[0]);
                if (x != null && (op == Opcode.FPROMOTE ? x.bits() >= t.bits() : x.bits() <= t.bits())) {
                    throw new Violation("cannot turn " + x + " into " + t);
                }
                return one(t);
            }
            case FCVT_TO_UINT, FCVT_TO_SINT, FCVT_TO_UINT_SAT, FCVT_TO_SINT_SAT -> {
                isInt(t, "the result type");
                isFloat(ops[0].type(), ops[0]);
                return one(t);
            }
            case FCVT_FROM_UINT, FCVT_FROM_SINT -> {
                isFloat(t, "the result type");
                isInt(ops[0].type(), ops[0]);
                return one(t);
            }
            case SQRT, FNEG, FABS, CEIL, FLOOR, TRUNC, NEAREST -> {
                isFloat(t, ops[0]);
                return one(t);
            }
            case FMA -> {
                isFloat(t, ops[0]);
                same(ops[1], t);
                same(ops[2], t);
                return one(t);
            }
            case LOAD, ULOAD8, SLOAD8, ULOAD16, SLOAD16, ULOAD32, SLOAD32 -> {
                address(ops[0]);
                int narrow = narrowBits(op);
                if (narrow > 0) {
                    isInt(t, "the result type");
                    if (t.bits() <= narrow) {
                        throw new Violation("loads " + narrow + " bits, so its type must be wider than " + t);
                    }
                }
                return one(t);
            }
            case STORE, ISTORE8, ISTORE16, ISTORE32 -> {
                address(ops[1]);
                int narrow = narrowBits(op);
                if (narrow > 0) {
                    isInt(t, ops[0]);
                    if (t.bits() <= narrow) {
                        throw new Violation("stores " + narrow + " bits, so its value must be wider than " + t);
                    }
                }
                return none();
            }
            case ATOMIC_LOAD -> {
                isInt(t, "the result type");
                address(ops[0]);
                return one(t);
            }
            case ATOMIC_STORE -> {
                isInt(t, ops[0]);
                address(ops[1]);
                return none();
            }
            case ATOMIC_RMW -> {
                address(ops[0]);
                isInt(t, ops[1]);
                return one(t);
            }
            case ATOMIC_CAS -> {
                address(ops[0]);
                isInt(t, ops[1]);
                same(ops[2], t);
                return one(t);
            }
            case FENCE -> {
                return none();
            }
            case GET_PINNED_REG -> {
                isInt(t, "the type");
                return one(t);
            }
            case SET_PINNED_REG -> {
                isInt(t, ops[0]);
                return none();
            }
            case STACK_LOAD -> {
                return one(t);
            }
            case STACK_ADDR -> {
                isInt(t, "the address type");
                return one(t);
            }
            case STACK_STORE, NOP, TRAP -> {
                return none();
            }
            case JUMP, BR_TABLE -> {
                if (op == Opcode.BR_TABLE) {
                    isInt(ops[0].type(), ops[0]);
                }
                return none();
            }
            case BRIF, TRAPZ, TRAPNZ -> {
                isInt(t, ops[0]);
                return none();
            }
            case RETURN -> {
                List<AbiParam> rets = fn.signature().returns();
                if (rets.size() != ops.length) {
                    throw new Violation("returns " + ops.length + " value" + (ops.length == 1 ? "" : "s")
                            + ", but the signature has " + rets.size());
                }
                for (int i = 0; i < ops.length; i++) {
                    same(ops[i], rets.get(i).type());
                }
                return none();
            }
            case CALL, AWAIT, AWAIT_BOXED, SPAWN -> {
                owned(fn, s.funcRef());
                Signature sig = s.funcRef().signature();
                arguments(sig, ops, 0);
                if (op == Opcode.SPAWN) {
                    return one(Type.I64);
                }
                return returns(sig);
            }
            case CALL_INDIRECT, AWAIT_INDIRECT, SPAWN_INDIRECT -> {
                isInt(t, ops[0]);
                if (!fn.sigRefs.contains(s.sigRef())) {
                    throw new Violation("uses " + s.sigRef() + ", which the function does not declare");
                }
                Signature sig = s.sigRef().signature();
                arguments(sig, ops, 1);
                return op == Opcode.SPAWN_INDIRECT ? one(Type.I64) : returns(sig);
            }
            case RETURN_CALL, RETURN_CALL_INDIRECT -> {
                Signature sig;
                if (op == Opcode.RETURN_CALL) {
                    owned(fn, s.funcRef());
                    sig = s.funcRef().signature();
                    arguments(sig, ops, 0);
                } else {
                    isInt(t, ops[0]);
                    if (!fn.sigRefs.contains(s.sigRef())) {
                        throw new Violation("uses " + s.sigRef() + ", which the function does not declare");
                    }
                    sig = s.sigRef().signature();
                    arguments(sig, ops, 1);
                }
                List<AbiParam> mine = fn.signature().returns();
                List<AbiParam> theirs = sig.returns();
                boolean same = mine.size() == theirs.size();
                for (int i = 0; same && i < mine.size(); i++) {
                    same = mine.get(i).type() == theirs.get(i).type();
                }
                if (!same) {
                    throw new Violation("needs a callee that returns what the function returns, " + fn.signature()
                            + ", but it returns " + sig);
                }
                return none();
            }
            case FUNC_ADDR -> {
                isInt(t, "the address type");
                owned(fn, s.funcRef());
                return one(t);
            }
        }
        throw new Violation("has no typing rule");
    }

    private static void owned(Function fn, FuncRef ref) throws Violation {
        if (!fn.funcRefs.contains(ref)) {
            throw new Violation("uses " + ref + ", which the function does not declare");
        }
    }

    private static void arguments(Signature sig, Value[] ops, int from) throws Violation {
        int n = ops.length - from;
        if (n != sig.params().size()) {
            throw new Violation("passes " + n + " argument" + (n == 1 ? "" : "s") + " to a callee that takes "
                    + sig.params().size());
        }
        for (int i = 0; i < n; i++) {
            same(ops[from + i], sig.paramType(i));
        }
    }

    private static Type[] returns(Signature sig) {
        Type[] out = new Type[sig.returns().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = sig.returnType(i);
        }
        return out;
    }

    private static int narrowBits(Opcode op) {
        return switch (op) {
            case ULOAD8, SLOAD8, ISTORE8 -> 8;
            case ULOAD16, SLOAD16, ISTORE16 -> 16;
            case ULOAD32, SLOAD32, ISTORE32 -> 32;
            default -> 0;
        };
    }

    private static void fits(long imm, Type t) throws Violation {
        if (t.bits() >= 64) {
            return;
        }
        long min = -(1L << (t.bits() - 1));
        long max = (1L << t.bits()) - 1;
        if (imm < min || imm > max) {
            throw new Violation("immediate " + imm + " does not fit in " + t);
        }
    }

    private static void address(Value v) throws Violation {
        Type t = v.type();
        if (t != null && !(t == Type.I64 || t == Type.I32)) {
            throw new Violation("needs an i32 or i64 address, but " + v + " has type " + t);
        }
    }

    private static void isInt(Type t, Object what) throws Violation {
        if (t != null && !t.isInt()) {
            throw new Violation("needs an integer, but " + describe(what) + " has type " + t);
        }
    }

    private static void isFloat(Type t, Object what) throws Violation {
        if (t != null && !t.isFloat()) {
            throw new Violation("needs a float, but " + describe(what) + " has type " + t);
        }
    }

    private static String describe(Object what) {
        return what instanceof Value v ? "operand " + v : what.toString();
    }

    private static void same(Value v, Type t) throws Violation {
        if (v.type() != null && t != null && v.type() != t) {
            throw new Violation("needs " + t + ", but operand " + v + " has type " + v.type());
        }
    }

    private static Type[] one(Type t) {
        return new Type[] {t};
    }

    private static Type[] none() {
        return new Type[0];
    }
}
