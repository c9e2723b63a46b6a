package dev.vex.aarch64.asm;

/** Bitwise logic: shifted register (with the inverted-operand forms BIC, ORN, EON, BICS) and bitmask immediate. One row per form. */
public enum Logical implements Row {
    AND("and", 0x0A000000, Form.LOGICAL_SHIFTED),
    BIC("bic", 0x0A200000, Form.LOGICAL_SHIFTED),
    ORR("orr", 0x2A000000, Form.LOGICAL_SHIFTED),
    ORN("orn", 0x2A200000, Form.LOGICAL_SHIFTED),
    EOR("eor", 0x4A000000, Form.LOGICAL_SHIFTED),
    EON("eon", 0x4A200000, Form.LOGICAL_SHIFTED),
    ANDS("ands", 0x6A000000, Form.LOGICAL_SHIFTED),
    BICS("bics", 0x6A200000, Form.LOGICAL_SHIFTED),
    AND_IMM("and", 0x12000000, Form.LOGICAL_IMM),
    ORR_IMM("orr", 0x32000000, Form.LOGICAL_IMM),
    EOR_IMM("eor", 0x52000000, Form.LOGICAL_IMM),
    ANDS_IMM("ands", 0x72000000, Form.LOGICAL_IMM);

    private final Encoding encoding;

    Logical(String mnemonic, int bits, Form form) {
        this(mnemonic, bits, form, Feature.BASE);
    }

    Logical(String mnemonic, int bits, Form form, Feature feature) {
        this.encoding = new Encoding(mnemonic, bits, form, feature);
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }
}
