package dev.vex.aarch64.asm;

/** Hints, barriers and exceptions. One row per form. */
public enum SystemOp implements Row {
    NOP("nop", 0xD503201F, Form.NO_OPERANDS),
    ISB("isb", 0xD5033FDF, Form.NO_OPERANDS),
    DMB("dmb", 0xD50330BF, Form.BARRIER),
    DSB("dsb", 0xD503309F, Form.BARRIER),
    BRK("brk", 0xD4200000, Form.EXCEPTION),
    UDF("udf", 0x00000000, Form.PERMANENTLY_UNDEFINED);

    private final Encoding encoding;

    SystemOp(String mnemonic, int bits, Form form) {
        this(mnemonic, bits, form, Feature.BASE);
    }

    SystemOp(String mnemonic, int bits, Form form, Feature feature) {
        this.encoding = new Encoding(mnemonic, bits, form, feature);
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }
}
