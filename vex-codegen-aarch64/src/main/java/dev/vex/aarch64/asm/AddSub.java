package dev.vex.aarch64.asm;

/** Add and subtract: immediate (12 bits, optionally shifted left by 12), shifted register and extended register, with and without setting the flags. One row per form. */
public enum AddSub implements Row {
    ADD_IMM("add", 0x11000000, Form.ADDSUB_IMM),
    ADDS_IMM("adds", 0x31000000, Form.ADDSUB_IMM),
    SUB_IMM("sub", 0x51000000, Form.ADDSUB_IMM),
    SUBS_IMM("subs", 0x71000000, Form.ADDSUB_IMM),
    ADD_SHIFTED("add", 0x0B000000, Form.ADDSUB_SHIFTED),
    ADDS_SHIFTED("adds", 0x2B000000, Form.ADDSUB_SHIFTED),
    SUB_SHIFTED("sub", 0x4B000000, Form.ADDSUB_SHIFTED),
    SUBS_SHIFTED("subs", 0x6B000000, Form.ADDSUB_SHIFTED),
    ADD_EXTENDED("add", 0x0B200000, Form.ADDSUB_EXTENDED),
    ADDS_EXTENDED("adds", 0x2B200000, Form.ADDSUB_EXTENDED),
    SUB_EXTENDED("sub", 0x4B200000, Form.ADDSUB_EXTENDED),
    SUBS_EXTENDED("subs", 0x6B200000, Form.ADDSUB_EXTENDED);

    private final Encoding encoding;

    AddSub(String mnemonic, int bits, Form form) {
        this(mnemonic, bits, form, Feature.BASE);
    }

    AddSub(String mnemonic, int bits, Form form, Feature feature) {
        this.encoding = new Encoding(mnemonic, bits, form, feature);
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }
}
