package dev.vex.aarch64.asm;

/**
 * Loads and stores of register pairs: one row per access kind (opc, SIMD bit, load bit), with
 * the three addressing forms (post-index, signed offset, pre-index) as fixed bit patterns. The
 * 7-bit offset is scaled by the size of one register.
 */
public enum LoadStorePair {
    STP_W(0, false, false, LoadStore.RegKind.W),
    LDP_W(0, false, true, LoadStore.RegKind.W),
    LDPSW(1, false, true, LoadStore.RegKind.X),
    STP_X(2, false, false, LoadStore.RegKind.X),
    LDP_X(2, false, true, LoadStore.RegKind.X),
    STP_S(0, true, false, LoadStore.RegKind.S),
    LDP_S(0, true, true, LoadStore.RegKind.S),
    STP_D(1, true, false, LoadStore.RegKind.D),
    LDP_D(1, true, true, LoadStore.RegKind.D),
    STP_Q(2, true, false, LoadStore.RegKind.Q),
    LDP_Q(2, true, true, LoadStore.RegKind.Q);

    /** The addressing forms, in the order of {@link #encodings()}. */
    public enum PairForm { POST_INDEX, OFFSET, PRE_INDEX }

    private final LoadStore.RegKind regKind;
    private final int log2Size;
    private final Encoding[] encodings = new Encoding[3];

    LoadStorePair(int opc, boolean simd, boolean load, LoadStore.RegKind regKind) {
        this.regKind = regKind;
        // LDPSW loads two words into X registers: its offset is scaled by 4.
        this.log2Size = opc == 1 && !simd ? 2 : switch (regKind) {
            case W, S -> 2;
            case X, D -> 3;
            case Q -> 4;
        };
        String mnemonic = opc == 1 && !simd ? "ldpsw" : load ? "ldp" : "stp";
        int kind = opc << 30 | (simd ? 1 << 26 : 0) | (load ? 1 << 22 : 0);
        for (int mode = 1; mode <= 3; mode++) {
            encodings[mode - 1] = new Encoding(mnemonic, 0x28000000 | kind | mode << 23, Form.LOAD_STORE_PAIR);
        }
    }

    public Encoding encoding(PairForm form) {
        return encodings[form.ordinal()];
    }

    public Encoding[] encodings() {
        return encodings.clone();
    }

    public LoadStore.RegKind regKind() {
        return regKind;
    }

    /** log2 of the bytes one register of the pair moves in memory: the offset's scale. */
    public int log2Size() {
        return log2Size;
    }
}
