package dev.vex.aarch64.asm;

/** The LSE atomics (ARMv8.1): atomic memory operations and compare-and-swap, with acquire/release orderings and sizes as fields. One row per form. */
public enum Atomic implements Row {
    LDADD("ldadd", 0x38200000, Form.ATOMIC, Feature.LSE),
    LDCLR("ldclr", 0x38201000, Form.ATOMIC, Feature.LSE),
    LDEOR("ldeor", 0x38202000, Form.ATOMIC, Feature.LSE),
    LDSET("ldset", 0x38203000, Form.ATOMIC, Feature.LSE),
    SWP("swp", 0x38208000, Form.ATOMIC, Feature.LSE),
    CAS("cas", 0x08A07C00, Form.COMPARE_AND_SWAP, Feature.LSE);

    private final Encoding encoding;

    Atomic(String mnemonic, int bits, Form form) {
        this(mnemonic, bits, form, Feature.BASE);
    }

    Atomic(String mnemonic, int bits, Form form, Feature feature) {
        this.encoding = new Encoding(mnemonic, bits, form, feature);
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }
}
