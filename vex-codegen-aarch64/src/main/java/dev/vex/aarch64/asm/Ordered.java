package dev.vex.aarch64.asm;

/** Load-acquire, store-release and the exclusive pairs, in byte, halfword, word and doubleword sizes (the SIZE field). One row per form. */
public enum Ordered implements Row {
    LDAR("ldar", 0x08DFFC00, Form.LOAD_STORE_ORDERED),
    STLR("stlr", 0x089FFC00, Form.LOAD_STORE_ORDERED),
    LDXR("ldxr", 0x085F7C00, Form.LOAD_STORE_ORDERED),
    LDAXR("ldaxr", 0x085FFC00, Form.LOAD_STORE_ORDERED),
    STXR("stxr", 0x08007C00, Form.STORE_EXCLUSIVE),
    STLXR("stlxr", 0x0800FC00, Form.STORE_EXCLUSIVE);

    private final Encoding encoding;

    Ordered(String mnemonic, int bits, Form form) {
        this(mnemonic, bits, form, Feature.BASE);
    }

    Ordered(String mnemonic, int bits, Form form, Feature feature) {
        this.encoding = new Encoding(mnemonic, bits, form, feature);
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }
}
