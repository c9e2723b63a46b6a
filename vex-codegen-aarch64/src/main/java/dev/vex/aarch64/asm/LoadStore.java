package dev.vex.aarch64.asm;

/**
 * Single-register loads and stores: one row per access kind (size, SIMD bit, opc), from which
 * the five addressing forms follow by fixed bit patterns: unsigned scaled 12-bit offset,
 * unscaled signed 9-bit offset (LDUR/STUR), post-index, pre-index and register offset.
 */
public enum LoadStore {
    STRB(0, false, 0, "strb", "sturb", RegKind.W),
    LDRB(0, false, 1, "ldrb", "ldurb", RegKind.W),
    LDRSB_X(0, false, 2, "ldrsb", "ldursb", RegKind.X),
    LDRSB_W(0, false, 3, "ldrsb", "ldursb", RegKind.W),
    STRH(1, false, 0, "strh", "sturh", RegKind.W),
    LDRH(1, false, 1, "ldrh", "ldurh", RegKind.W),
    LDRSH_X(1, false, 2, "ldrsh", "ldursh", RegKind.X),
    LDRSH_W(1, false, 3, "ldrsh", "ldursh", RegKind.W),
    STR_W(2, false, 0, "str", "stur", RegKind.W),
    LDR_W(2, false, 1, "ldr", "ldur", RegKind.W),
    LDRSW(2, false, 2, "ldrsw", "ldursw", RegKind.X),
    STR_X(3, false, 0, "str", "stur", RegKind.X),
    LDR_X(3, false, 1, "ldr", "ldur", RegKind.X),
    STR_S(2, true, 0, "str", "stur", RegKind.S),
    LDR_S(2, true, 1, "ldr", "ldur", RegKind.S),
    STR_D(3, true, 0, "str", "stur", RegKind.D),
    LDR_D(3, true, 1, "ldr", "ldur", RegKind.D),
    STR_Q(0, true, 2, "str", "stur", RegKind.Q),
    LDR_Q(0, true, 3, "ldr", "ldur", RegKind.Q);

    /** The register the access moves: a general register of a width, or an FP/SIMD register of a size. */
    public enum RegKind { W, X, S, D, Q }

    /** The addressing forms, in the order of {@link #encodings()}. */
    public enum AddressForm { UNSIGNED_OFFSET, UNSCALED, POST_INDEX, PRE_INDEX, REGISTER }

    private final RegKind regKind;
    /** log2 of the access size in bytes (4 for Q). */
    private final int log2Size;
    private final Encoding[] encodings = new Encoding[5];

    LoadStore(int size, boolean simd, int opc, String mnemonic, String unscaledMnemonic, RegKind regKind) {
        this.regKind = regKind;
        this.log2Size = regKind == RegKind.Q ? 4 : size;
        int kind = size << 30 | (simd ? 1 << 26 : 0) | opc << 22;
        encodings[0] = new Encoding(mnemonic, 0x39000000 | kind, Form.LOAD_STORE_UIMM);
        encodings[1] = new Encoding(unscaledMnemonic, 0x38000000 | kind, Form.LOAD_STORE_IMM9);
        encodings[2] = new Encoding(mnemonic, 0x38000400 | kind, Form.LOAD_STORE_IMM9);
        encodings[3] = new Encoding(mnemonic, 0x38000C00 | kind, Form.LOAD_STORE_IMM9);
        encodings[4] = new Encoding(mnemonic, 0x38200800 | kind, Form.LOAD_STORE_REG);
    }

    public Encoding encoding(AddressForm form) {
        return encodings[form.ordinal()];
    }

    /** All five forms' rows. */
    public Encoding[] encodings() {
        return encodings.clone();
    }

    public RegKind regKind() {
        return regKind;
    }

    /** log2 of the number of bytes moved. */
    public int log2Size() {
        return log2Size;
    }

    /** Whether this kind stores (the others load). */
    public boolean isStore() {
        return encodings[0].mnemonic().startsWith("st");
    }
}
