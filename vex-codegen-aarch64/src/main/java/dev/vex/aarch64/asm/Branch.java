package dev.vex.aarch64.asm;

/** Branches (immediate, conditional, compare-and-branch, test-and-branch, register) and pc-relative addresses. One row per form. */
public enum Branch implements Row {
    B("b", 0x14000000, Form.BRANCH26),
    BL("bl", 0x94000000, Form.BRANCH26),
    B_COND("b", 0x54000000, Form.BRANCH_COND),
    CBZ("cbz", 0x34000000, Form.COMPARE_BRANCH),
    CBNZ("cbnz", 0x35000000, Form.COMPARE_BRANCH),
    TBZ("tbz", 0x36000000, Form.TEST_BRANCH),
    TBNZ("tbnz", 0x37000000, Form.TEST_BRANCH),
    BR("br", 0xD61F0000, Form.BRANCH_REG),
    BLR("blr", 0xD63F0000, Form.BRANCH_REG),
    RET("ret", 0xD65F0000, Form.BRANCH_REG),
    ADR("adr", 0x10000000, Form.PC_REL),
    ADRP("adrp", 0x90000000, Form.PC_REL);

    private final Encoding encoding;

    Branch(String mnemonic, int bits, Form form) {
        this(mnemonic, bits, form, Feature.BASE);
    }

    Branch(String mnemonic, int bits, Form form, Feature feature) {
        this.encoding = new Encoding(mnemonic, bits, form, feature);
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }
}
