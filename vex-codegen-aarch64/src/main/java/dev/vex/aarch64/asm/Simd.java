package dev.vex.aarch64.asm;

/** The few vector forms scalar code needs: a population count is CNT on the 8 bytes, then ADDV. One row per form. */
public enum Simd implements Row {
    CNT_8B("cnt", 0x0E205800, Form.SIMD_FIXED),
    ADDV_8B("addv", 0x0E31B800, Form.SIMD_FIXED);

    private final Encoding encoding;

    Simd(String mnemonic, int bits, Form form) {
        this(mnemonic, bits, form, Feature.BASE);
    }

    Simd(String mnemonic, int bits, Form form, Feature feature) {
        this.encoding = new Encoding(mnemonic, bits, form, feature);
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }
}
