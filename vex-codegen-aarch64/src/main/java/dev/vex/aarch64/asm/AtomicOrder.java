package dev.vex.aarch64.asm;

/**
 * The memory ordering of an LSE atomic: the A (acquire) and R (release) bits, and the suffix
 * they give the mnemonic (LDADD, LDADDA, LDADDL, LDADDAL).
 */
public enum AtomicOrder {
    RELAXED(""), ACQUIRE("a"), RELEASE("l"), ACQ_REL("al");

    private final String suffix;

    AtomicOrder(String suffix) {
        this.suffix = suffix;
    }

    public boolean acquire() {
        return this == ACQUIRE || this == ACQ_REL;
    }

    public boolean release() {
        return this == RELEASE || this == ACQ_REL;
    }

    public String suffix() {
        return suffix;
    }

    public static AtomicOrder of(boolean acquire, boolean release) {
        return acquire ? (release ? ACQ_REL : ACQUIRE) : (release ? RELEASE : RELAXED);
    }
}
