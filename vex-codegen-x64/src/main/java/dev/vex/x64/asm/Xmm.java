package dev.vex.x64.asm;

/** An SSE register, XMM0 to XMM15. */
public final class Xmm {
    public static final Xmm XMM0 = new Xmm(0);
    public static final Xmm XMM1 = new Xmm(1);
    public static final Xmm XMM2 = new Xmm(2);
    public static final Xmm XMM3 = new Xmm(3);
    public static final Xmm XMM4 = new Xmm(4);
    public static final Xmm XMM5 = new Xmm(5);
    public static final Xmm XMM6 = new Xmm(6);
    public static final Xmm XMM7 = new Xmm(7);
    public static final Xmm XMM8 = new Xmm(8);
    public static final Xmm XMM9 = new Xmm(9);
    public static final Xmm XMM10 = new Xmm(10);
    public static final Xmm XMM11 = new Xmm(11);
    public static final Xmm XMM12 = new Xmm(12);
    public static final Xmm XMM13 = new Xmm(13);
    public static final Xmm XMM14 = new Xmm(14);
    public static final Xmm XMM15 = new Xmm(15);

    private static final Xmm[] ALL = {
        XMM0, XMM1, XMM2, XMM3, XMM4, XMM5, XMM6, XMM7, XMM8, XMM9, XMM10, XMM11, XMM12, XMM13, XMM14, XMM15,
    };

    /** The register number, 0 to 15. */
    public final int number;

    private Xmm(int number) {
        this.number = number;
    }

    /** XMM{@code number}. */
    public static Xmm of(int number) {
        return ALL[number];
    }

    @Override
    public String toString() {
        return "xmm" + number;
    }
}
