package dev.vex.aarch64.asm;

/**
 * An operand layout: which {@link Field}s an instruction form has. A row of the encoding table
 * ({@link Encoding}) is its fixed bits plus a form; every bit outside the form's fields is fixed,
 * which is how the disassembler matches a word to its row.
 */
public enum Form {
    ADDSUB_IMM(Field.SF, Field.SH, Field.IMM12, Field.RN, Field.RD),
    ADDSUB_SHIFTED(Field.SF, Field.SHIFT, Field.RM, Field.IMM6, Field.RN, Field.RD),
    ADDSUB_EXTENDED(Field.SF, Field.RM, Field.OPTION, Field.IMM3, Field.RN, Field.RD),
    LOGICAL_SHIFTED(Field.SF, Field.SHIFT, Field.RM, Field.IMM6, Field.RN, Field.RD),
    LOGICAL_IMM(Field.SF, Field.N, Field.IMMR, Field.IMMS, Field.RN, Field.RD),
    MOVE_WIDE(Field.SF, Field.HW, Field.IMM16, Field.RD),
    /** SBFM/BFM/UBFM: N must equal sf, so it is part of the width, not a free field. */
    BITFIELD(Field.SF, Field.N, Field.IMMR, Field.IMMS, Field.RN, Field.RD),
    EXTRACT(Field.SF, Field.N, Field.RM, Field.IMMS, Field.RN, Field.RD),
    COND_SELECT(Field.SF, Field.RM, Field.COND, Field.RN, Field.RD),
    COND_COMPARE_IMM(Field.SF, Field.IMM5, Field.COND, Field.RN, Field.NZCV),
    COND_COMPARE_REG(Field.SF, Field.RM, Field.COND, Field.RN, Field.NZCV),
    DP2(Field.SF, Field.RM, Field.RN, Field.RD),
    DP1(Field.SF, Field.RN, Field.RD),
    /** A 1-source form that exists in one width only (REV32, REV of the other width). */
    DP1_FIXED(Field.RN, Field.RD),
    DP3(Field.SF, Field.RM, Field.RA, Field.RN, Field.RD),
    /** A 3-source form of one width (the long multiplies, with a W and an X register). */
    DP3_LONG(Field.RM, Field.RA, Field.RN, Field.RD),
    /** SMULH/UMULH: Ra is fixed to 31. */
    DP3_HIGH(Field.RM, Field.RN, Field.RD),
    BRANCH26(Field.IMM26),
    BRANCH_COND(Field.IMM19, Field.BCOND),
    COMPARE_BRANCH(Field.SF, Field.IMM19, Field.RD),
    TEST_BRANCH(Field.B5, Field.B40, Field.IMM14, Field.RD),
    BRANCH_REG(Field.RN),
    PC_REL(Field.IMMLO, Field.IMMHI, Field.RD),
    /** A pc-relative load of a literal: the 19-bit word offset and the target register. */
    LOAD_LITERAL(Field.IMM19, Field.RD),
    LOAD_STORE_UIMM(Field.IMM12, Field.RN, Field.RD),
    LOAD_STORE_IMM9(Field.IMM9, Field.RN, Field.RD),
    LOAD_STORE_REG(Field.RM, Field.OPTION, Field.S, Field.RN, Field.RD),
    LOAD_STORE_PAIR(Field.IMM7, Field.RT2, Field.RN, Field.RD),
    /** Load-acquire/exclusive forms: size, base and one register. */
    LOAD_STORE_ORDERED(Field.SIZE, Field.RN, Field.RD),
    /** Store-exclusive: the status register too. */
    STORE_EXCLUSIVE(Field.SIZE, Field.RS, Field.RN, Field.RD),
    /** LSE atomic memory operations: size, acquire/release, source, base, target. */
    ATOMIC(Field.SIZE, Field.AR, Field.RS, Field.RN, Field.RD),
    COMPARE_AND_SWAP(Field.SIZE, Field.L, Field.O0, Field.RS, Field.RN, Field.RD),
    FP2(Field.FTYPE, Field.RM, Field.RN, Field.RD),
    FP1(Field.FTYPE, Field.RN, Field.RD),
    /** A 1-source FP form with fixed types (FCVT between S and D). */
    FP1_FIXED(Field.RN, Field.RD),
    FP3(Field.FTYPE, Field.RM, Field.RA, Field.RN, Field.RD),
    FP_COMPARE(Field.FTYPE, Field.RM, Field.RN),
    FP_COMPARE_ZERO(Field.FTYPE, Field.RN),
    FP_COND_SELECT(Field.FTYPE, Field.RM, Field.COND, Field.RN, Field.RD),
    FP_MOVE_IMM(Field.FTYPE, Field.IMM8, Field.RD),
    /** Conversions between a general register (width sf) and an FP register (type ftype). */
    FP_INT(Field.SF, Field.FTYPE, Field.RN, Field.RD),
    /** FMOV between same-sized general and FP registers: fixed sf and type. */
    FP_INT_FIXED(Field.RN, Field.RD),
    /** A SIMD form on fixed arrangements (CNT v.8b, ADDV b, v.8b). */
    SIMD_FIXED(Field.RN, Field.RD),
    BARRIER(Field.CRM),
    EXCEPTION(Field.IMM16),
    PERMANENTLY_UNDEFINED(Field.UDF16),
    NO_OPERANDS();

    private final Field[] fields;
    private final int operandMask;

    Form(Field... fields) {
        this.fields = fields;
        int m = 0;
        for (Field f : fields) {
            m |= f.mask;
        }
        this.operandMask = m;
    }

    /** The bits the operands occupy; every other bit is fixed by the row. */
    public int operandMask() {
        return operandMask;
    }

    /** The operand fields, in declaration order. */
    public Field[] fields() {
        return fields.clone();
    }
}
