package dev.vex.aarch64.asm;

/**
 * Pc-relative loads of a literal within +-1 MiB (constant pools, jump tables): one row per
 * register kind, the offset a 19-bit word count.
 */
public enum LoadLiteral implements Row {
    LDR_W("ldr", 0x18000000, LoadStore.RegKind.W),
    LDR_X("ldr", 0x58000000, LoadStore.RegKind.X),
    LDRSW("ldrsw", 0x98000000, LoadStore.RegKind.X),
    LDR_S("ldr", 0x1C000000, LoadStore.RegKind.S),
    LDR_D("ldr", 0x5C000000, LoadStore.RegKind.D),
    LDR_Q("ldr", 0x9C000000, LoadStore.RegKind.Q);

    private final Encoding encoding;
    private final LoadStore.RegKind regKind;

    LoadLiteral(String mnemonic, int bits, LoadStore.RegKind regKind) {
        this.encoding = new Encoding(mnemonic, bits, Form.LOAD_LITERAL);
        this.regKind = regKind;
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }

    public LoadStore.RegKind regKind() {
        return regKind;
    }
}
