package dev.vex.aarch64.asm;

/** Multiply-add and multiply-subtract, the long (32x32 to 64) forms and the high halves of 64x64 products. One row per form. */
public enum Multiply implements Row {
    MADD("madd", 0x1B000000, Form.DP3),
    MSUB("msub", 0x1B008000, Form.DP3),
    SMADDL("smaddl", 0x9B200000, Form.DP3_LONG),
    SMSUBL("smsubl", 0x9B208000, Form.DP3_LONG),
    UMADDL("umaddl", 0x9BA00000, Form.DP3_LONG),
    UMSUBL("umsubl", 0x9BA08000, Form.DP3_LONG),
    SMULH("smulh", 0x9B407C00, Form.DP3_HIGH),
    UMULH("umulh", 0x9BC07C00, Form.DP3_HIGH);

    private final Encoding encoding;

    Multiply(String mnemonic, int bits, Form form) {
        this(mnemonic, bits, form, Feature.BASE);
    }

    Multiply(String mnemonic, int bits, Form form, Feature feature) {
        this.encoding = new Encoding(mnemonic, bits, form, feature);
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }
}
