package dev.vex.aarch64.asm;

/** Two-source data processing: division and shifts by a register. One row per form. */
public enum DataProc2 implements Row {
    UDIV("udiv", 0x1AC00800, Form.DP2),
    SDIV("sdiv", 0x1AC00C00, Form.DP2),
    LSLV("lslv", 0x1AC02000, Form.DP2),
    LSRV("lsrv", 0x1AC02400, Form.DP2),
    ASRV("asrv", 0x1AC02800, Form.DP2),
    RORV("rorv", 0x1AC02C00, Form.DP2);

    private final Encoding encoding;

    DataProc2(String mnemonic, int bits, Form form) {
        this(mnemonic, bits, form, Feature.BASE);
    }

    DataProc2(String mnemonic, int bits, Form form, Feature feature) {
        this.encoding = new Encoding(mnemonic, bits, form, feature);
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }
}
