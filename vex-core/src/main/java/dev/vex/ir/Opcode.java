package dev.vex.ir;

import static dev.vex.ir.InstructionFormat.*;

import java.util.HashMap;
import java.util.Map;

/**
 * Every operation of Vex IR: CLIF's scalar core plus the async forms of ASYNC-IR.md.
 *
 * <p>Semantics are Cranelift's, to the bit. Each constant names its text spelling, its
 * {@link InstructionFormat} and a few properties the verifier and the backends rely on.
 */
public enum Opcode {
    // Constants.
    /** Integer constant of the controlling type. */ ICONST("iconst", UNARY_IMM),
    /** 32-bit float constant, from its IEEE bits. */ F32CONST("f32const", UNARY_IEEE32),
    /** 64-bit float constant, from its IEEE bits. */ F64CONST("f64const", UNARY_IEEE64),
    /** 16-bit float constant, from its IEEE bits. */ F16CONST("f16const", UNARY_IEEE16),
    /** 128-bit float constant, from its IEEE bits. */ F128CONST("f128const", UNARY_IEEE128),

    // Integer arithmetic.
    /** Integer addition, wrapping. */ IADD("iadd", BINARY),
    /** Integer subtraction, wrapping. */ ISUB("isub", BINARY),
    /** Integer negation, wrapping. */ INEG("ineg", UNARY),
    /** Integer absolute value; the minimum stays itself. */ IABS("iabs", UNARY),
    /** Integer multiplication, low half, wrapping. */ IMUL("imul", BINARY),
    /** High half of the unsigned double-width product. */ UMULHI("umulhi", BINARY),
    /** High half of the signed double-width product. */ SMULHI("smulhi", BINARY),
    /** Unsigned division; traps on a zero divisor. */ UDIV("udiv", BINARY, Flag.CAN_TRAP),
    /** Signed division rounding to zero; traps on a zero divisor and on overflow. */ SDIV("sdiv", BINARY, Flag.CAN_TRAP),
    /** Unsigned remainder; traps on a zero divisor. */ UREM("urem", BINARY, Flag.CAN_TRAP),
    /** Signed remainder, sign of the dividend; traps on a zero divisor. */ SREM("srem", BINARY, Flag.CAN_TRAP),
    /** {@code iadd} with an immediate. */ IADD_IMM("iadd_imm", BINARY_IMM64),
    /** {@code imul} with an immediate. */ IMUL_IMM("imul_imm", BINARY_IMM64),
    /** {@code udiv} by an immediate. */ UDIV_IMM("udiv_imm", BINARY_IMM64, Flag.CAN_TRAP),
    /** {@code sdiv} by an immediate. */ SDIV_IMM("sdiv_imm", BINARY_IMM64, Flag.CAN_TRAP),
    /** {@code urem} by an immediate. */ UREM_IMM("urem_imm", BINARY_IMM64, Flag.CAN_TRAP),
    /** {@code srem} by an immediate. */ SREM_IMM("srem_imm", BINARY_IMM64, Flag.CAN_TRAP),
    /** Reverse subtraction: the immediate minus the operand. */ IRSUB_IMM("irsub_imm", BINARY_IMM64),
    /** Signed minimum. */ SMIN("smin", BINARY),
    /** Signed maximum. */ SMAX("smax", BINARY),
    /** Unsigned minimum. */ UMIN("umin", BINARY),
    /** Unsigned maximum. */ UMAX("umax", BINARY),

    // Arithmetic with overflow, carry and borrow.
    /** Wrapping sum and whether signed addition overflowed. */ SADD_OVERFLOW("sadd_overflow", BINARY),
    /** Wrapping sum and whether unsigned addition carried out. */ UADD_OVERFLOW("uadd_overflow", BINARY),
    /** Wrapping difference and whether signed subtraction overflowed. */ SSUB_OVERFLOW("ssub_overflow", BINARY),
    /** Wrapping difference and whether unsigned subtraction borrowed. */ USUB_OVERFLOW("usub_overflow", BINARY),
    /** Wrapping product and whether the signed product overflowed. */ SMUL_OVERFLOW("smul_overflow", BINARY),
    /** Wrapping product and whether the unsigned product overflowed. */ UMUL_OVERFLOW("umul_overflow", BINARY),
    /** Signed addition with a carry in; the sum and the overflow flag. */ SADD_OVERFLOW_CIN("sadd_overflow_cin", TERNARY),
    /** Unsigned addition with a carry in; the sum and the carry out. */ UADD_OVERFLOW_CIN("uadd_overflow_cin", TERNARY),
    /** Signed subtraction with a borrow in; the difference and the overflow flag. */ SSUB_OVERFLOW_BIN("ssub_overflow_bin", TERNARY),
    /** Unsigned subtraction with a borrow in; the difference and the borrow out. */ USUB_OVERFLOW_BIN("usub_overflow_bin", TERNARY),
    /** Unsigned addition that traps with its trap code on a carry out. */ UADD_OVERFLOW_TRAP("uadd_overflow_trap", INT_ADD_TRAP, Flag.CAN_TRAP),

    // Bitwise operations, shifts and rotates.
    /** Bitwise and. */ BAND("band", BINARY),
    /** Bitwise or. */ BOR("bor", BINARY),
    /** Bitwise exclusive or. */ BXOR("bxor", BINARY),
    /** Bitwise complement. */ BNOT("bnot", UNARY),
    /** {@code x & ~y}. */ BAND_NOT("band_not", BINARY),
    /** {@code x | ~y}. */ BOR_NOT("bor_not", BINARY),
    /** {@code x ^ ~y}. */ BXOR_NOT("bxor_not", BINARY),
    /** {@code band} with an immediate. */ BAND_IMM("band_imm", BINARY_IMM64),
    /** {@code bor} with an immediate. */ BOR_IMM("bor_imm", BINARY_IMM64),
    /** {@code bxor} with an immediate. */ BXOR_IMM("bxor_imm", BINARY_IMM64),
    /** Shift left; the amount is taken modulo the width. */ ISHL("ishl", BINARY),
    /** Logical shift right; the amount is taken modulo the width. */ USHR("ushr", BINARY),
    /** Arithmetic shift right; the amount is taken modulo the width. */ SSHR("sshr", BINARY),
    /** Rotate left. */ ROTL("rotl", BINARY),
    /** Rotate right. */ ROTR("rotr", BINARY),
    /** {@code ishl} by an immediate. */ ISHL_IMM("ishl_imm", BINARY_IMM64),
    /** {@code ushr} by an immediate. */ USHR_IMM("ushr_imm", BINARY_IMM64),
    /** {@code sshr} by an immediate. */ SSHR_IMM("sshr_imm", BINARY_IMM64),
    /** {@code rotl} by an immediate. */ ROTL_IMM("rotl_imm", BINARY_IMM64),
    /** {@code rotr} by an immediate. */ ROTR_IMM("rotr_imm", BINARY_IMM64),
    /** Reverses the order of the bits. */ BITREV("bitrev", UNARY),
    /** Reverses the order of the bytes. */ BSWAP("bswap", UNARY),
    /** Count of leading zero bits. */ CLZ("clz", UNARY),
    /** Count of leading bits equal to the sign bit, the sign bit excluded. */ CLS("cls", UNARY),
    /** Count of trailing zero bits. */ CTZ("ctz", UNARY),
    /** Count of one bits. */ POPCNT("popcnt", UNARY),
    /** All ones if the operand is non-zero, else zero, at the result width. */ BMASK("bmask", UNARY),
    /** Bits of the second operand where the first is one, else of the third. */ BITSELECT("bitselect", TERNARY),

    // Comparison and selection.
    /** Integer comparison under an {@link IntCC}; 1 or 0 as an {@code i8}. */ ICMP("icmp", INT_COMPARE),
    /** {@code icmp} against an immediate. */ ICMP_IMM("icmp_imm", INT_COMPARE_IMM),
    /** Float comparison under a {@link FloatCC}; 1 or 0 as an {@code i8}. */ FCMP("fcmp", FLOAT_COMPARE),
    /** The second operand if the first is non-zero, else the third. */ SELECT("select", TERNARY),
    /** {@code select} that is never turned into a branch (a speculation barrier). */ SELECT_SPECTRE_GUARD("select_spectre_guard", TERNARY),

    // Width changes and conversions.
    /** Zero extension to a wider integer type. */ UEXTEND("uextend", UNARY),
    /** Sign extension to a wider integer type. */ SEXTEND("sextend", UNARY),
    /** Truncation to a narrower integer type. */ IREDUCE("ireduce", UNARY),
    /** An integer of twice the width from its low and high halves. */ ICONCAT("iconcat", BINARY),
    /** The low and high halves of an integer. */ ISPLIT("isplit", UNARY),
    /** The same bits as another type of the same width. */ BITCAST("bitcast", LOAD_NO_OFFSET),
    /** {@code f32} to {@code f64}, exactly. */ FPROMOTE("fpromote", UNARY),
    /** {@code f64} to {@code f32}, rounded to nearest. */ FDEMOTE("fdemote", UNARY),
    /** Float to unsigned integer, toward zero; traps on NaN and out of range. */ FCVT_TO_UINT("fcvt_to_uint", UNARY, Flag.CAN_TRAP),
    /** Float to signed integer, toward zero; traps on NaN and out of range. */ FCVT_TO_SINT("fcvt_to_sint", UNARY, Flag.CAN_TRAP),
    /** Float to unsigned integer, toward zero, saturating; NaN gives 0. */ FCVT_TO_UINT_SAT("fcvt_to_uint_sat", UNARY),
    /** Float to signed integer, toward zero, saturating; NaN gives 0. */ FCVT_TO_SINT_SAT("fcvt_to_sint_sat", UNARY),
    /** Unsigned integer to float, rounded to nearest. */ FCVT_FROM_UINT("fcvt_from_uint", UNARY),
    /** Signed integer to float, rounded to nearest. */ FCVT_FROM_SINT("fcvt_from_sint", UNARY),

    // Floating-point arithmetic.
    /** IEEE addition. */ FADD("fadd", BINARY),
    /** IEEE subtraction. */ FSUB("fsub", BINARY),
    /** IEEE multiplication. */ FMUL("fmul", BINARY),
    /** IEEE division. */ FDIV("fdiv", BINARY),
    /** IEEE square root. */ SQRT("sqrt", UNARY),
    /** Fused multiply-add {@code x * y + z}, rounded once. */ FMA("fma", TERNARY),
    /** Flips the sign bit. */ FNEG("fneg", UNARY),
    /** Clears the sign bit. */ FABS("fabs", UNARY),
    /** The first operand with the sign of the second. */ FCOPYSIGN("fcopysign", BINARY),
    /** IEEE minimum; NaN if either operand is NaN, and -0 below +0. */ FMIN("fmin", BINARY),
    /** IEEE maximum; NaN if either operand is NaN, and +0 above -0. */ FMAX("fmax", BINARY),
    /** Rounds toward positive infinity. */ CEIL("ceil", UNARY),
    /** Rounds toward negative infinity. */ FLOOR("floor", UNARY),
    /** Rounds toward zero. */ TRUNC("trunc", UNARY),
    /** Rounds to nearest, ties to even. */ NEAREST("nearest", UNARY),

    // Memory.
    /** Loads a value of the controlling type from address plus offset. */ LOAD("load", InstructionFormat.LOAD, Flag.CAN_TRAP, Flag.READS_MEMORY),
    /** Loads 8 bits and zero-extends them. */ ULOAD8("uload8", InstructionFormat.LOAD, Flag.CAN_TRAP, Flag.READS_MEMORY),
    /** Loads 8 bits and sign-extends them. */ SLOAD8("sload8", InstructionFormat.LOAD, Flag.CAN_TRAP, Flag.READS_MEMORY),
    /** Loads 16 bits and zero-extends them. */ ULOAD16("uload16", InstructionFormat.LOAD, Flag.CAN_TRAP, Flag.READS_MEMORY),
    /** Loads 16 bits and sign-extends them. */ SLOAD16("sload16", InstructionFormat.LOAD, Flag.CAN_TRAP, Flag.READS_MEMORY),
    /** Loads 32 bits and zero-extends them. */ ULOAD32("uload32", InstructionFormat.LOAD, Flag.CAN_TRAP, Flag.READS_MEMORY),
    /** Loads 32 bits and sign-extends them. */ SLOAD32("sload32", InstructionFormat.LOAD, Flag.CAN_TRAP, Flag.READS_MEMORY),
    /** Stores a value at address plus offset. */ STORE("store", InstructionFormat.STORE, Flag.CAN_TRAP, Flag.WRITES_MEMORY),
    /** Stores the low 8 bits of an integer. */ ISTORE8("istore8", InstructionFormat.STORE, Flag.CAN_TRAP, Flag.WRITES_MEMORY),
    /** Stores the low 16 bits of an integer. */ ISTORE16("istore16", InstructionFormat.STORE, Flag.CAN_TRAP, Flag.WRITES_MEMORY),
    /** Stores the low 32 bits of an integer. */ ISTORE32("istore32", InstructionFormat.STORE, Flag.CAN_TRAP, Flag.WRITES_MEMORY),
    // Atomics: on one thread of memory they are plain accesses; native code makes them atomic.
    /** Atomic load of the controlling type from an address. */ ATOMIC_LOAD("atomic_load", LOAD_NO_OFFSET, Flag.CAN_TRAP, Flag.READS_MEMORY),
    /** Atomic store of a value to an address. */ ATOMIC_STORE("atomic_store", STORE_NO_OFFSET, Flag.CAN_TRAP, Flag.WRITES_MEMORY),
    /** Atomic read-modify-write with its operation; the old value. */ ATOMIC_RMW("atomic_rmw", InstructionFormat.ATOMIC_RMW, Flag.CAN_TRAP, Flag.READS_MEMORY, Flag.WRITES_MEMORY),
    /** Atomic compare-and-swap; the old value. */ ATOMIC_CAS("atomic_cas", InstructionFormat.ATOMIC_CAS, Flag.CAN_TRAP, Flag.READS_MEMORY, Flag.WRITES_MEMORY),
    /** A full memory barrier; it has no operands and no results. */ FENCE("fence", NULLARY, Flag.READS_MEMORY, Flag.WRITES_MEMORY),
    // The pinned register: a value that lives across the whole task (Cranelift's enable_pinned_reg).
    /** Reads the pinned register. */ GET_PINNED_REG("get_pinned_reg", NULLARY),
    /** Writes the pinned register. */ SET_PINNED_REG("set_pinned_reg", UNARY),
    /** Loads from a stack slot at an offset. */ STACK_LOAD("stack_load", InstructionFormat.STACK_LOAD, Flag.READS_MEMORY),
    /** Stores to a stack slot at an offset. */ STACK_STORE("stack_store", InstructionFormat.STACK_STORE, Flag.WRITES_MEMORY),
    /** The address of a stack slot plus an offset. */ STACK_ADDR("stack_addr", InstructionFormat.STACK_LOAD),

    // Control flow.
    /** Unconditional branch, passing block arguments. */ JUMP("jump", InstructionFormat.JUMP, Flag.TERMINATOR, Flag.BRANCH),
    /** Two-way branch on an integer being non-zero. */ BRIF("brif", InstructionFormat.BRIF, Flag.TERMINATOR, Flag.BRANCH),
    /** Branch to the table entry an index selects, or to the default when out of range. */ BR_TABLE("br_table", BRANCH_TABLE, Flag.TERMINATOR, Flag.BRANCH),
    /** Returns the operands as the function's results. */ RETURN("return", MULTI_ARY, Flag.TERMINATOR),
    /** Traps unconditionally with its trap code. */ TRAP("trap", InstructionFormat.TRAP, Flag.TERMINATOR, Flag.CAN_TRAP),
    /** Traps with its code if the operand is zero. */ TRAPZ("trapz", COND_TRAP, Flag.CAN_TRAP),
    /** Traps with its code if the operand is non-zero. */ TRAPNZ("trapnz", COND_TRAP, Flag.CAN_TRAP),
    /** Does nothing. */ NOP("nop", NULLARY),

    // Calls.
    /** Direct call of a function reference. */ CALL("call", InstructionFormat.CALL, Flag.CALL),
    /** Call through a code address, with a signature reference. */ CALL_INDIRECT("call_indirect", InstructionFormat.CALL_INDIRECT, Flag.CALL),
    /** The code address of a function reference. */ FUNC_ADDR("func_addr", InstructionFormat.FUNC_ADDR),
    // Tail calls: the callee's results are the caller's; the caller's frame is gone before it runs.
    /** Tail call of a function reference. */ RETURN_CALL("return_call", InstructionFormat.CALL, Flag.TERMINATOR, Flag.CALL),
    /** Tail call through a code address, with a signature reference. */ RETURN_CALL_INDIRECT("return_call_indirect", InstructionFormat.CALL_INDIRECT, Flag.TERMINATOR, Flag.CALL),

    // Async extensions (ASYNC-IR.md).
    /** Awaits an async callee whose frame is embedded in the caller's (ASYNC-IR.md). */ AWAIT("await", InstructionFormat.CALL, Flag.CALL, Flag.SUSPENDS),
    /** Awaits an async callee whose frame is on the heap (recursion, large frames). */ AWAIT_BOXED("await_boxed", InstructionFormat.CALL, Flag.CALL, Flag.SUSPENDS),
    /** Starts an async callee as a new task; the result is its {@code i64} handle. */ SPAWN("spawn", InstructionFormat.CALL, Flag.CALL),
    /** Awaits an async function value ({@code func_addr} of an async function), its frame on the heap. */ AWAIT_INDIRECT("await_indirect", InstructionFormat.CALL_INDIRECT, Flag.CALL, Flag.SUSPENDS),
    /** Starts an async function value as a new task; the result is its {@code i64} handle. */ SPAWN_INDIRECT("spawn_indirect", InstructionFormat.CALL_INDIRECT, Flag.CALL);

    /** Properties that passes ask about; kept as a bit set so the queries are a mask test. */
    enum Flag {
        TERMINATOR, BRANCH, CALL, CAN_TRAP, READS_MEMORY, WRITES_MEMORY, SUSPENDS
    }

    private static final Map<String, Opcode> BY_NAME = new HashMap<>();

    static {
        for (Opcode op : values()) {
            BY_NAME.put(op.text, op);
        }
    }

    private final String text;
    private final InstructionFormat format;
    private final int flags;

    Opcode(String text, InstructionFormat format, Flag... flags) {
        this.text = text;
        this.format = format;
        int bits = 0;
        for (Flag f : flags) {
            bits |= 1 << f.ordinal();
        }
        this.flags = bits;
    }

    /** The opcode spelled {@code text} in CLIF, or null. */
    public static Opcode fromText(String text) {
        return BY_NAME.get(text);
    }

    /** The CLIF spelling. */
    public String text() {
        return text;
    }

    /** Which fields an instruction of this opcode carries. */
    public InstructionFormat format() {
        return format;
    }

    /** Ends a block: a branch, a return or an unconditional trap. */
    public boolean isTerminator() {
        return has(Flag.TERMINATOR);
    }

    /** Transfers control to blocks of the same function. */
    public boolean isBranch() {
        return has(Flag.BRANCH);
    }

    /** Calls a function: {@code call}, {@code call_indirect} and the async forms. */
    public boolean isCall() {
        return has(Flag.CALL);
    }

    /** May suspend the enclosing async function: {@code await} and {@code await_boxed}. */
    public boolean isSuspensionPoint() {
        return has(Flag.SUSPENDS);
    }

    /** Whether it may trap (a division, a checked conversion, a memory access, a trap). */
    public boolean canTrap() {
        return has(Flag.CAN_TRAP);
    }

    /** Whether it reads memory or a stack slot. */
    public boolean readsMemory() {
        return has(Flag.READS_MEMORY);
    }

    /** Whether it writes memory or a stack slot. */
    public boolean writesMemory() {
        return has(Flag.WRITES_MEMORY);
    }

    private boolean has(Flag f) {
        return (flags & (1 << f.ordinal())) != 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
