package dev.vex.aarch64.asm;

/** Conversions: between single and double, between integers and floating point, and bit moves between the register files. One row per form. */
public enum FpConvert implements Row {
    FCVT_S_TO_D("fcvt", 0x1E22C000, Form.FP1_FIXED),
    FCVT_D_TO_S("fcvt", 0x1E624000, Form.FP1_FIXED),
    SCVTF("scvtf", 0x1E220000, Form.FP_INT),
    UCVTF("ucvtf", 0x1E230000, Form.FP_INT),
    FCVTZS("fcvtzs", 0x1E380000, Form.FP_INT),
    FCVTZU("fcvtzu", 0x1E390000, Form.FP_INT),
    FMOV_W_FROM_S("fmov", 0x1E260000, Form.FP_INT_FIXED),
    FMOV_S_FROM_W("fmov", 0x1E270000, Form.FP_INT_FIXED),
    FMOV_X_FROM_D("fmov", 0x9E660000, Form.FP_INT_FIXED),
    FMOV_D_FROM_X("fmov", 0x9E670000, Form.FP_INT_FIXED);

    private final Encoding encoding;

    FpConvert(String mnemonic, int bits, Form form) {
        this(mnemonic, bits, form, Feature.BASE);
    }

    FpConvert(String mnemonic, int bits, Form form, Feature feature) {
        this.encoding = new Encoding(mnemonic, bits, form, feature);
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }
}
