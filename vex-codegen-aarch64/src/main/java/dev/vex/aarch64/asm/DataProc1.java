package dev.vex.aarch64.asm;

/** One-source data processing: bit and byte reversal, leading zero and sign counts. One row per form. */
public enum DataProc1 implements Row {
    RBIT("rbit", 0x5AC00000, Form.DP1),
    REV16("rev16", 0x5AC00400, Form.DP1),
    REV_W("rev", 0x5AC00800, Form.DP1_FIXED),
    REV32("rev32", 0xDAC00800, Form.DP1_FIXED),
    REV_X("rev", 0xDAC00C00, Form.DP1_FIXED),
    CLZ("clz", 0x5AC01000, Form.DP1),
    CLS("cls", 0x5AC01400, Form.DP1);

    private final Encoding encoding;

    DataProc1(String mnemonic, int bits, Form form) {
        this(mnemonic, bits, form, Feature.BASE);
    }

    DataProc1(String mnemonic, int bits, Form form, Feature feature) {
        this.encoding = new Encoding(mnemonic, bits, form, feature);
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }
}
