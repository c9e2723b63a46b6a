package dev.vex.aarch64.asm;

/**
 * A SIMD and floating-point register operand used as a scalar: a number (0 to 31) and a size,
 * S (32-bit single), D (64-bit double) or Q (the whole 128 bits, for loads, stores and spills).
 * Instances are interned: compare them with {@code ==}.
 */
public final class VReg {
    /** The scalar sizes, with the letter used in the register name. */
    public enum Size {
        S('s', 2), D('d', 3), Q('q', 4);

        final char letter;
        /** log2 of the size in bytes. */
        final int log2Bytes;

        Size(char letter, int log2Bytes) {
            this.letter = letter;
            this.log2Bytes = log2Bytes;
        }
    }

    private static final VReg[] S_REGS = new VReg[32];
    private static final VReg[] D_REGS = new VReg[32];
    private static final VReg[] Q_REGS = new VReg[32];

    static {
        for (int i = 0; i < 32; i++) {
            S_REGS[i] = new VReg(i, Size.S);
            D_REGS[i] = new VReg(i, Size.D);
            Q_REGS[i] = new VReg(i, Size.Q);
        }
    }

    public static final VReg S0 = S_REGS[0];
    public static final VReg S1 = S_REGS[1];
    public static final VReg S2 = S_REGS[2];
    public static final VReg S3 = S_REGS[3];
    public static final VReg S4 = S_REGS[4];
    public static final VReg S5 = S_REGS[5];
    public static final VReg S6 = S_REGS[6];
    public static final VReg S7 = S_REGS[7];
    public static final VReg S8 = S_REGS[8];
    public static final VReg S9 = S_REGS[9];
    public static final VReg S10 = S_REGS[10];
    public static final VReg S11 = S_REGS[11];
    public static final VReg S12 = S_REGS[12];
    public static final VReg S13 = S_REGS[13];
    public static final VReg S14 = S_REGS[14];
    public static final VReg S15 = S_REGS[15];
    public static final VReg S16 = S_REGS[16];
    public static final VReg S17 = S_REGS[17];
    public static final VReg S18 = S_REGS[18];
    public static final VReg S19 = S_REGS[19];
    public static final VReg S20 = S_REGS[20];
    public static final VReg S21 = S_REGS[21];
    public static final VReg S22 = S_REGS[22];
    public static final VReg S23 = S_REGS[23];
    public static final VReg S24 = S_REGS[24];
    public static final VReg S25 = S_REGS[25];
    public static final VReg S26 = S_REGS[26];
    public static final VReg S27 = S_REGS[27];
    public static final VReg S28 = S_REGS[28];
    public static final VReg S29 = S_REGS[29];
    public static final VReg S30 = S_REGS[30];
    public static final VReg S31 = S_REGS[31];
    public static final VReg D0 = D_REGS[0];
    public static final VReg D1 = D_REGS[1];
    public static final VReg D2 = D_REGS[2];
    public static final VReg D3 = D_REGS[3];
    public static final VReg D4 = D_REGS[4];
    public static final VReg D5 = D_REGS[5];
    public static final VReg D6 = D_REGS[6];
    public static final VReg D7 = D_REGS[7];
    public static final VReg D8 = D_REGS[8];
    public static final VReg D9 = D_REGS[9];
    public static final VReg D10 = D_REGS[10];
    public static final VReg D11 = D_REGS[11];
    public static final VReg D12 = D_REGS[12];
    public static final VReg D13 = D_REGS[13];
    public static final VReg D14 = D_REGS[14];
    public static final VReg D15 = D_REGS[15];
    public static final VReg D16 = D_REGS[16];
    public static final VReg D17 = D_REGS[17];
    public static final VReg D18 = D_REGS[18];
    public static final VReg D19 = D_REGS[19];
    public static final VReg D20 = D_REGS[20];
    public static final VReg D21 = D_REGS[21];
    public static final VReg D22 = D_REGS[22];
    public static final VReg D23 = D_REGS[23];
    public static final VReg D24 = D_REGS[24];
    public static final VReg D25 = D_REGS[25];
    public static final VReg D26 = D_REGS[26];
    public static final VReg D27 = D_REGS[27];
    public static final VReg D28 = D_REGS[28];
    public static final VReg D29 = D_REGS[29];
    public static final VReg D30 = D_REGS[30];
    public static final VReg D31 = D_REGS[31];

    private final int number;
    private final Size size;
    private final String name;

    private VReg(int number, Size size) {
        this.number = number;
        this.size = size;
        this.name = String.valueOf(size.letter) + number;
    }

    public static VReg s(int n) {
        return S_REGS[n];
    }

    public static VReg d(int n) {
        return D_REGS[n];
    }

    public static VReg q(int n) {
        return Q_REGS[n];
    }

    public int number() {
        return number;
    }

    public Size size() {
        return size;
    }

    /** Whether this is a D register (double precision). */
    public boolean isDouble() {
        return size == Size.D;
    }

    @Override
    public String toString() {
        return name;
    }
}
