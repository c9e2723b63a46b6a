package dev.vex.aarch64.asm;

/** Bitfield moves (the shifts by immediate, extensions and bitfield inserts and extracts are their aliases) and EXTR. One row per form. */
public enum Bitfield implements Row {
    SBFM("sbfm", 0x13000000, Form.BITFIELD),
    BFM("bfm", 0x33000000, Form.BITFIELD),
    UBFM("ubfm", 0x53000000, Form.BITFIELD),
    EXTR("extr", 0x13800000, Form.EXTRACT);

    private final Encoding encoding;

    Bitfield(String mnemonic, int bits, Form form) {
        this(mnemonic, bits, form, Feature.BASE);
    }

    Bitfield(String mnemonic, int bits, Form form, Feature feature) {
        this.encoding = new Encoding(mnemonic, bits, form, feature);
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }
}
