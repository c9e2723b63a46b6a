package dev.vex.aarch64.asm;

/** Move wide: a 16-bit immediate into one halfword (MOVZ zeroes the rest, MOVN inverts, MOVK keeps). One row per form. */
public enum MoveWide implements Row {
    MOVN("movn", 0x12800000, Form.MOVE_WIDE),
    MOVZ("movz", 0x52800000, Form.MOVE_WIDE),
    MOVK("movk", 0x72800000, Form.MOVE_WIDE);

    private final Encoding encoding;

    MoveWide(String mnemonic, int bits, Form form) {
        this(mnemonic, bits, form, Feature.BASE);
    }

    MoveWide(String mnemonic, int bits, Form form, Feature feature) {
        this.encoding = new Encoding(mnemonic, bits, form, feature);
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }
}
