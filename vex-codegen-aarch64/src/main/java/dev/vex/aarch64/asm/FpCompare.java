package dev.vex.aarch64.asm;

/** Floating-point compares (quiet and signalling, with a register or 0.0), conditional select and immediate moves. One row per form. */
public enum FpCompare implements Row {
    FCMP("fcmp", 0x1E202000, Form.FP_COMPARE),
    FCMPE("fcmpe", 0x1E202010, Form.FP_COMPARE),
    FCMP_ZERO("fcmp", 0x1E202008, Form.FP_COMPARE_ZERO),
    FCMPE_ZERO("fcmpe", 0x1E202018, Form.FP_COMPARE_ZERO),
    FCSEL("fcsel", 0x1E200C00, Form.FP_COND_SELECT),
    FMOV_IMM("fmov", 0x1E201000, Form.FP_MOVE_IMM);

    private final Encoding encoding;

    FpCompare(String mnemonic, int bits, Form form) {
        this(mnemonic, bits, form, Feature.BASE);
    }

    FpCompare(String mnemonic, int bits, Form form, Feature feature) {
        this.encoding = new Encoding(mnemonic, bits, form, feature);
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }
}
