package dev.vex.aarch64.asm;

/**
 * A general-purpose register operand: a number (0 to 31) and a width, X (64-bit) or W (32-bit).
 * Number 31 is the zero register or the stack pointer depending on the instruction; the two are
 * distinct operands here ({@link #XZR} and {@link #SP}), and each encoder checks that the one
 * passed is the one its field means. Instances are interned: compare them with {@code ==}.
 */
public final class Reg {
    private static final Reg[] X_REGS = new Reg[32];
    private static final Reg[] W_REGS = new Reg[32];

    static {
        for (int i = 0; i < 32; i++) {
            X_REGS[i] = new Reg(i, true, false);
            W_REGS[i] = new Reg(i, false, false);
        }
    }

    public static final Reg X0 = X_REGS[0];
    public static final Reg X1 = X_REGS[1];
    public static final Reg X2 = X_REGS[2];
    public static final Reg X3 = X_REGS[3];
    public static final Reg X4 = X_REGS[4];
    public static final Reg X5 = X_REGS[5];
    public static final Reg X6 = X_REGS[6];
    public static final Reg X7 = X_REGS[7];
    public static final Reg X8 = X_REGS[8];
    public static final Reg X9 = X_REGS[9];
    public static final Reg X10 = X_REGS[10];
    public static final Reg X11 = X_REGS[11];
    public static final Reg X12 = X_REGS[12];
    public static final Reg X13 = X_REGS[13];
    public static final Reg X14 = X_REGS[14];
    public static final Reg X15 = X_REGS[15];
    public static final Reg X16 = X_REGS[16];
    public static final Reg X17 = X_REGS[17];
    public static final Reg X18 = X_REGS[18];
    public static final Reg X19 = X_REGS[19];
    public static final Reg X20 = X_REGS[20];
    public static final Reg X21 = X_REGS[21];
    public static final Reg X22 = X_REGS[22];
    public static final Reg X23 = X_REGS[23];
    public static final Reg X24 = X_REGS[24];
    public static final Reg X25 = X_REGS[25];
    public static final Reg X26 = X_REGS[26];
    public static final Reg X27 = X_REGS[27];
    public static final Reg X28 = X_REGS[28];
    public static final Reg X29 = X_REGS[29];
    public static final Reg X30 = X_REGS[30];
    public static final Reg W0 = W_REGS[0];
    public static final Reg W1 = W_REGS[1];
    public static final Reg W2 = W_REGS[2];
    public static final Reg W3 = W_REGS[3];
    public static final Reg W4 = W_REGS[4];
    public static final Reg W5 = W_REGS[5];
    public static final Reg W6 = W_REGS[6];
    public static final Reg W7 = W_REGS[7];
    public static final Reg W8 = W_REGS[8];
    public static final Reg W9 = W_REGS[9];
    public static final Reg W10 = W_REGS[10];
    public static final Reg W11 = W_REGS[11];
    public static final Reg W12 = W_REGS[12];
    public static final Reg W13 = W_REGS[13];
    public static final Reg W14 = W_REGS[14];
    public static final Reg W15 = W_REGS[15];
    public static final Reg W16 = W_REGS[16];
    public static final Reg W17 = W_REGS[17];
    public static final Reg W18 = W_REGS[18];
    public static final Reg W19 = W_REGS[19];
    public static final Reg W20 = W_REGS[20];
    public static final Reg W21 = W_REGS[21];
    public static final Reg W22 = W_REGS[22];
    public static final Reg W23 = W_REGS[23];
    public static final Reg W24 = W_REGS[24];
    public static final Reg W25 = W_REGS[25];
    public static final Reg W26 = W_REGS[26];
    public static final Reg W27 = W_REGS[27];
    public static final Reg W28 = W_REGS[28];
    public static final Reg W29 = W_REGS[29];
    public static final Reg W30 = W_REGS[30];
    /** The 64-bit zero register (reads as 0, writes are discarded). */
    public static final Reg XZR = X_REGS[31];
    /** The 32-bit zero register. */
    public static final Reg WZR = W_REGS[31];
    /** The stack pointer. */
    public static final Reg SP = new Reg(31, true, true);
    /** The stack pointer's low 32 bits. */
    public static final Reg WSP = new Reg(31, false, true);
    /** The frame pointer, x29. */
    public static final Reg FP = X29;
    /** The link register, x30. */
    public static final Reg LR = X30;

    private final int number;
    private final boolean is64;
    private final boolean isSp;
    private final String name;

    private Reg(int number, boolean is64, boolean isSp) {
        this.number = number;
        this.is64 = is64;
        this.isSp = isSp;
        this.name = isSp ? (is64 ? "sp" : "wsp") : number == 31 ? (is64 ? "xzr" : "wzr") : (is64 ? "x" : "w") + number;
    }

    /** The 64-bit register {@code n} (0 to 31, 31 being xzr). */
    public static Reg x(int n) {
        return X_REGS[n];
    }

    /** The 32-bit register {@code n} (0 to 31, 31 being wzr). */
    public static Reg w(int n) {
        return W_REGS[n];
    }

    /** The same register at the given width. */
    public Reg withSize(boolean sixtyFour) {
        if (isSp) {
            return sixtyFour ? SP : WSP;
        }
        return sixtyFour ? X_REGS[number] : W_REGS[number];
    }

    /** The register field value, 0 to 31. */
    public int number() {
        return number;
    }

    /** Whether this is an X (64-bit) register. */
    public boolean is64() {
        return is64;
    }

    /** Whether this is sp or wsp. */
    public boolean isSp() {
        return isSp;
    }

    /** Whether this is xzr or wzr. */
    public boolean isZr() {
        return number == 31 && !isSp;
    }

    @Override
    public String toString() {
        return name;
    }
}
