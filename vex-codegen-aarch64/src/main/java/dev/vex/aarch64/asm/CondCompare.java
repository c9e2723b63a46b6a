package dev.vex.aarch64.asm;

/**
 * Conditional compares: if the condition holds, the flags of CMP/CMN of Rn with a register or a
 * 5-bit immediate; else the flags are set to the given NZCV. They chain comparisons without
 * branches. One row per form.
 */
public enum CondCompare implements Row {
    CCMN_REG("ccmn", 0x3A400000, Form.COND_COMPARE_REG),
    CCMN_IMM("ccmn", 0x3A400800, Form.COND_COMPARE_IMM),
    CCMP_REG("ccmp", 0x7A400000, Form.COND_COMPARE_REG),
    CCMP_IMM("ccmp", 0x7A400800, Form.COND_COMPARE_IMM);

    private final Encoding encoding;

    CondCompare(String mnemonic, int bits, Form form) {
        this.encoding = new Encoding(mnemonic, bits, form);
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }
}
