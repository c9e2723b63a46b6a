package dev.vex.aarch64.asm;

/** Conditional select: CSEL, CSINC, CSINV, CSNEG (CSET, CSETM, CINC, CINV, CNEG are aliases). One row per form. */
public enum CondSelect implements Row {
    CSEL("csel", 0x1A800000, Form.COND_SELECT),
    CSINC("csinc", 0x1A800400, Form.COND_SELECT),
    CSINV("csinv", 0x5A800000, Form.COND_SELECT),
    CSNEG("csneg", 0x5A800400, Form.COND_SELECT);

    private final Encoding encoding;

    CondSelect(String mnemonic, int bits, Form form) {
        this(mnemonic, bits, form, Feature.BASE);
    }

    CondSelect(String mnemonic, int bits, Form form, Feature feature) {
        this.encoding = new Encoding(mnemonic, bits, form, feature);
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }
}
