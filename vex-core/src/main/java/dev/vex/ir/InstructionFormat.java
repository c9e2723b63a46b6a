package dev.vex.ir;

/**
 * The operand shapes of instructions, after CLIF's instruction formats. The format fixes how an
 * instruction is written, which immediates it carries and how its value operands are laid out;
 * the {@link Opcode} fixes what it computes.
 */
public enum InstructionFormat {
    /** {@code op v0}. */
    UNARY,
    /** {@code iconst.i32 imm}. */
    UNARY_IMM,
    /** {@code f32const imm}. */
    UNARY_IEEE32,
    /** {@code f64const imm}. */
    UNARY_IEEE64,
    /** {@code f16const imm}. */
    UNARY_IEEE16,
    /** {@code f128const imm}: the low half of the bits in the immediate, the high half beside it. */
    UNARY_IEEE128,
    /** {@code op v0, v1}. */
    BINARY,
    /** {@code op v0, imm}: an integer immediate of the controlling type. */
    BINARY_IMM64,
    /** {@code op v0, v1, v2}. */
    TERNARY,
    /** {@code icmp cond, v0, v1}. */
    INT_COMPARE,
    /** {@code icmp_imm cond, v0, imm}. */
    INT_COMPARE_IMM,
    /** {@code fcmp cond, v0, v1}. */
    FLOAT_COMPARE,
    /** {@code jump block(args)}. */
    JUMP,
    /** {@code brif v0, block(args), block(args)}. */
    BRIF,
    /** {@code br_table v0, block_default(args), [block(args), ...]}. */
    BRANCH_TABLE,
    /** {@code return v0, v1, ...}. */
    MULTI_ARY,
    /** {@code call fnN(args)}, and the async forms {@code await}, {@code await_boxed}, {@code spawn}. */
    CALL,
    /** {@code call_indirect sigN, callee(args)}. */
    CALL_INDIRECT,
    /** {@code func_addr.i64 fnN}. */
    FUNC_ADDR,
    /** {@code load.T flags v0+offset}. */
    LOAD,
    /** {@code bitcast.T flags v0}: memory flags (only the byte order matters) and no offset. */
    LOAD_NO_OFFSET,
    /** {@code store flags v0, v1+offset}: value, then address. */
    STORE,
    /** {@code atomic_store flags v0, v1}: value, then address; no offset. */
    STORE_NO_OFFSET,
    /** {@code atomic_rmw.T flags op v0, v1}: address, then operand. */
    ATOMIC_RMW,
    /** {@code atomic_cas flags v0, v1, v2}: address, expected, replacement. */
    ATOMIC_CAS,
    /** {@code stack_load.T ssN+offset}, and {@code stack_addr.T ssN+offset}. */
    STACK_LOAD,
    /** {@code stack_store v0, ssN+offset}. */
    STACK_STORE,
    /** {@code trap code}. */
    TRAP,
    /** {@code trapz v0, code}. */
    COND_TRAP,
    /** {@code uadd_overflow_trap v0, v1, code}. */
    INT_ADD_TRAP,
    /** {@code nop}. */
    NULLARY
}
