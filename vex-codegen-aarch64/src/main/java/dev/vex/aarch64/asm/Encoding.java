package dev.vex.aarch64.asm;

/**
 * One row of the A64 encoding table: a mnemonic, the bits the form fixes, the operand layout
 * ({@link Form}) and the feature it needs. Each instruction family declares its rows once, as
 * an enum implementing {@link Row}; the assembler, the disassembler and the encoding matrix all
 * read these rows.
 *
 * @param mnemonic the assembler mnemonic of the basic (non-alias) form
 * @param bits     the fixed bits, with every operand field zero
 * @param form     the operand fields
 * @param feature  the architecture feature the form needs
 */
public record Encoding(String mnemonic, int bits, Form form, Feature feature) {
    public Encoding {
        if ((bits & form.operandMask()) != 0) {
            throw new IllegalArgumentException(mnemonic + ": fixed bits overlap the operand fields of " + form);
        }
    }

    Encoding(String mnemonic, int bits, Form form) {
        this(mnemonic, bits, form, Feature.BASE);
    }

    /** Whether {@code word} is an instance of this row (its fixed bits match). */
    public boolean matches(int word) {
        return (word & ~form.operandMask()) == bits;
    }
}
