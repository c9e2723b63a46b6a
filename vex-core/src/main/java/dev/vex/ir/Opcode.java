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
    ICONST("iconst", UNARY_IMM),
    F32CONST("f32const", UNARY_IEEE32),
    F64CONST("f64const", UNARY_IEEE64),
    F16CONST("f16const", UNARY_IEEE16),
    F128CONST("f128const", UNARY_IEEE128),

    // Integer arithmetic.
    IADD("iadd", BINARY),
    ISUB("isub", BINARY),
    INEG("ineg", UNARY),
    IABS("iabs", UNARY),
    IMUL("imul", BINARY),
    UMULHI("umulhi", BINARY),
    SMULHI("smulhi", BINARY),
    UDIV("udiv", BINARY, Flag.CAN_TRAP),
    SDIV("sdiv", BINARY, Flag.CAN_TRAP),
    UREM("urem", BINARY, Flag.CAN_TRAP),
    SREM("srem", BINARY, Flag.CAN_TRAP),
    IADD_IMM("iadd_imm", BINARY_IMM64),
    IMUL_IMM("imul_imm", BINARY_IMM64),
    UDIV_IMM("udiv_imm", BINARY_IMM64, Flag.CAN_TRAP),
    SDIV_IMM("sdiv_imm", BINARY_IMM64, Flag.CAN_TRAP),
    UREM_IMM("urem_imm", BINARY_IMM64, Flag.CAN_TRAP),
    SREM_IMM("srem_imm", BINARY_IMM64, Flag.CAN_TRAP),
    IRSUB_IMM("irsub_imm", BINARY_IMM64),
    SMIN("smin", BINARY),
    SMAX("smax", BINARY),
    UMIN("umin", BINARY),
    UMAX("umax", BINARY),

    // Arithmetic with overflow, carry and borrow.
    SADD_OVERFLOW("sadd_overflow", BINARY),
    UADD_OVERFLOW("uadd_overflow", BINARY),
    SSUB_OVERFLOW("ssub_overflow", BINARY),
    USUB_OVERFLOW("usub_overflow", BINARY),
    SMUL_OVERFLOW("smul_overflow", BINARY),
    UMUL_OVERFLOW("umul_overflow", BINARY),
    SADD_OVERFLOW_CIN("sadd_overflow_cin", TERNARY),
    UADD_OVERFLOW_CIN("uadd_overflow_cin", TERNARY),
    SSUB_OVERFLOW_BIN("ssub_overflow_bin", TERNARY),
    USUB_OVERFLOW_BIN("usub_overflow_bin", TERNARY),
    UADD_OVERFLOW_TRAP("uadd_overflow_trap", INT_ADD_TRAP, Flag.CAN_TRAP),

    // Bitwise operations, shifts and rotates.
    BAND("band", BINARY),
    BOR("bor", BINARY),
    BXOR("bxor", BINARY),
    BNOT("bnot", UNARY),
    BAND_NOT("band_not", BINARY),
    BOR_NOT("bor_not", BINARY),
    BXOR_NOT("bxor_not", BINARY),
    BAND_IMM("band_imm", BINARY_IMM64),
    BOR_IMM("bor_imm", BINARY_IMM64),
    BXOR_IMM("bxor_imm", BINARY_IMM64),
    ISHL("ishl", BINARY),
    USHR("ushr", BINARY),
    SSHR("sshr", BINARY),
    ROTL("rotl", BINARY),
    ROTR("rotr", BINARY),
    ISHL_IMM("ishl_imm", BINARY_IMM64),
    USHR_IMM("ushr_imm", BINARY_IMM64),
    SSHR_IMM("sshr_imm", BINARY_IMM64),
    ROTL_IMM("rotl_imm", BINARY_IMM64),
    ROTR_IMM("rotr_imm", BINARY_IMM64),
    BITREV("bitrev", UNARY),
    BSWAP("bswap", UNARY),
    CLZ("clz", UNARY),
    CLS("cls", UNARY),
    CTZ("ctz", UNARY),
    POPCNT("popcnt", UNARY),
    BMASK("bmask", UNARY),
    BITSELECT("bitselect", TERNARY),

    // Comparison and selection.
    ICMP("icmp", INT_COMPARE),
    ICMP_IMM("icmp_imm", INT_COMPARE_IMM),
    FCMP("fcmp", FLOAT_COMPARE),
    SELECT("select", TERNARY),
    SELECT_SPECTRE_GUARD("select_spectre_guard", TERNARY),

    // Width changes and conversions.
    UEXTEND("uextend", UNARY),
    SEXTEND("sextend", UNARY),
    IREDUCE("ireduce", UNARY),
    ICONCAT("iconcat", BINARY),
    ISPLIT("isplit", UNARY),
    BITCAST("bitcast", LOAD_NO_OFFSET),
    FPROMOTE("fpromote", UNARY),
    FDEMOTE("fdemote", UNARY),
    FCVT_TO_UINT("fcvt_to_uint", UNARY, Flag.CAN_TRAP),
    FCVT_TO_SINT("fcvt_to_sint", UNARY, Flag.CAN_TRAP),
    FCVT_TO_UINT_SAT("fcvt_to_uint_sat", UNARY),
    FCVT_TO_SINT_SAT("fcvt_to_sint_sat", UNARY),
    FCVT_FROM_UINT("fcvt_from_uint", UNARY),
    FCVT_FROM_SINT("fcvt_from_sint", UNARY),

    // Floating-point arithmetic.
    FADD("fadd", BINARY),
    FSUB("fsub", BINARY),
    FMUL("fmul", BINARY),
    FDIV("fdiv", BINARY),
    SQRT("sqrt", UNARY),
    FMA("fma", TERNARY),
    FNEG("fneg", UNARY),
    FABS("fabs", UNARY),
    FCOPYSIGN("fcopysign", BINARY),
    FMIN("fmin", BINARY),
    FMAX("fmax", BINARY),
    CEIL("ceil", UNARY),
    FLOOR("floor", UNARY),
    TRUNC("trunc", UNARY),
    NEAREST("nearest", UNARY),

    // Memory.
    LOAD("load", InstructionFormat.LOAD, Flag.CAN_TRAP, Flag.READS_MEMORY),
    ULOAD8("uload8", InstructionFormat.LOAD, Flag.CAN_TRAP, Flag.READS_MEMORY),
    SLOAD8("sload8", InstructionFormat.LOAD, Flag.CAN_TRAP, Flag.READS_MEMORY),
    ULOAD16("uload16", InstructionFormat.LOAD, Flag.CAN_TRAP, Flag.READS_MEMORY),
    SLOAD16("sload16", InstructionFormat.LOAD, Flag.CAN_TRAP, Flag.READS_MEMORY),
    ULOAD32("uload32", InstructionFormat.LOAD, Flag.CAN_TRAP, Flag.READS_MEMORY),
    SLOAD32("sload32", InstructionFormat.LOAD, Flag.CAN_TRAP, Flag.READS_MEMORY),
    STORE("store", InstructionFormat.STORE, Flag.CAN_TRAP, Flag.WRITES_MEMORY),
    ISTORE8("istore8", InstructionFormat.STORE, Flag.CAN_TRAP, Flag.WRITES_MEMORY),
    ISTORE16("istore16", InstructionFormat.STORE, Flag.CAN_TRAP, Flag.WRITES_MEMORY),
    ISTORE32("istore32", InstructionFormat.STORE, Flag.CAN_TRAP, Flag.WRITES_MEMORY),
    // Atomics: on one thread of memory they are plain accesses; native code makes them atomic.
    ATOMIC_LOAD("atomic_load", LOAD_NO_OFFSET, Flag.CAN_TRAP, Flag.READS_MEMORY),
    ATOMIC_STORE("atomic_store", STORE_NO_OFFSET, Flag.CAN_TRAP, Flag.WRITES_MEMORY),
    ATOMIC_RMW("atomic_rmw", InstructionFormat.ATOMIC_RMW, Flag.CAN_TRAP, Flag.READS_MEMORY, Flag.WRITES_MEMORY),
    ATOMIC_CAS("atomic_cas", InstructionFormat.ATOMIC_CAS, Flag.CAN_TRAP, Flag.READS_MEMORY, Flag.WRITES_MEMORY),
    /** A full memory barrier; it has no operands and no results. */
    FENCE("fence", NULLARY, Flag.READS_MEMORY, Flag.WRITES_MEMORY),
    /** The pinned register: a value that lives across the whole task (Cranelift's {@code enable_pinned_reg}). */
    GET_PINNED_REG("get_pinned_reg", NULLARY),
    SET_PINNED_REG("set_pinned_reg", UNARY),
    STACK_LOAD("stack_load", InstructionFormat.STACK_LOAD, Flag.READS_MEMORY),
    STACK_STORE("stack_store", InstructionFormat.STACK_STORE, Flag.WRITES_MEMORY),
    STACK_ADDR("stack_addr", InstructionFormat.STACK_LOAD),

    // Control flow.
    JUMP("jump", InstructionFormat.JUMP, Flag.TERMINATOR, Flag.BRANCH),
    BRIF("brif", InstructionFormat.BRIF, Flag.TERMINATOR, Flag.BRANCH),
    BR_TABLE("br_table", BRANCH_TABLE, Flag.TERMINATOR, Flag.BRANCH),
    RETURN("return", MULTI_ARY, Flag.TERMINATOR),
    TRAP("trap", InstructionFormat.TRAP, Flag.TERMINATOR, Flag.CAN_TRAP),
    TRAPZ("trapz", COND_TRAP, Flag.CAN_TRAP),
    TRAPNZ("trapnz", COND_TRAP, Flag.CAN_TRAP),
    NOP("nop", NULLARY),

    // Calls.
    CALL("call", InstructionFormat.CALL, Flag.CALL),
    CALL_INDIRECT("call_indirect", InstructionFormat.CALL_INDIRECT, Flag.CALL),
    FUNC_ADDR("func_addr", InstructionFormat.FUNC_ADDR),
    /** Tail calls: the callee's results are the caller's; the caller's frame is gone before it runs. */
    RETURN_CALL("return_call", InstructionFormat.CALL, Flag.TERMINATOR, Flag.CALL),
    RETURN_CALL_INDIRECT("return_call_indirect", InstructionFormat.CALL_INDIRECT, Flag.TERMINATOR, Flag.CALL),

    // Async extensions (ASYNC-IR.md).
    AWAIT("await", InstructionFormat.CALL, Flag.CALL, Flag.SUSPENDS),
    AWAIT_BOXED("await_boxed", InstructionFormat.CALL, Flag.CALL, Flag.SUSPENDS),
    SPAWN("spawn", InstructionFormat.CALL, Flag.CALL);

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

    public String text() {
        return text;
    }

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

    public boolean canTrap() {
        return has(Flag.CAN_TRAP);
    }

    public boolean readsMemory() {
        return has(Flag.READS_MEMORY);
    }

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
