package dev.vex.aarch64.asm;

/**
 * An operand field of an A64 instruction word: its first bit and width. The encoder puts values
 * into fields, the disassembler gets them back out; a {@link Form} lists the fields it uses.
 */
public enum Field {
    RD(0, 5), RN(5, 5), RM(16, 5), RA(10, 5), RS(16, 5),
    SF(31, 1), SH(22, 1), SHIFT(22, 2), IMM12(10, 12), IMM6(10, 6), OPTION(13, 3), IMM3(10, 3),
    N(22, 1), IMMR(16, 6), IMMS(10, 6), HW(21, 2), IMM16(5, 16), COND(12, 4), BCOND(0, 4),
    IMM26(0, 26), IMM19(5, 19), IMM14(5, 14), B5(31, 1), B40(19, 5), IMMLO(29, 2), IMMHI(5, 19),
    IMM9(12, 9), IMM7(15, 7), RT2(10, 5), S(12, 1), SIZE(30, 2), AR(22, 2), L(22, 1), O0(15, 1),
    FTYPE(22, 2), IMM8(13, 8), CRM(8, 4), UDF16(0, 16), IMM5(16, 5), NZCV(0, 4);

    final int lsb;
    final int width;
    final int mask;

    Field(int lsb, int width) {
        this.lsb = lsb;
        this.width = width;
        this.mask = (int) (((1L << width) - 1) << lsb);
    }

    /** {@code value}'s low {@code width} bits moved into place. */
    int put(int value) {
        return (value << lsb) & mask;
    }

    /** The field's value in {@code word}, unsigned. */
    public int get(int word) {
        return (word & mask) >>> lsb;
    }

    /** The field's value in {@code word}, sign-extended. */
    public int getSigned(int word) {
        return (word << (32 - lsb - width)) >> (32 - width);
    }

    /** The bits of the word this field occupies. */
    public int mask() {
        return mask;
    }
}
