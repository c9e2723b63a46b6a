package dev.vex.aarch64.asm;

import java.util.Locale;

/** The domain and access types of a DMB or DSB (the CRm field). */
public enum BarrierOption {
    OSHLD(1), OSHST(2), OSH(3), NSHLD(5), NSHST(6), NSH(7), ISHLD(9), ISHST(10), ISH(11), LD(13), ST(14), SY(15);

    private final int crm;
    private final String lower = name().toLowerCase(Locale.ROOT);

    BarrierOption(int crm) {
        this.crm = crm;
    }

    public int crm() {
        return crm;
    }

    public String text() {
        return lower;
    }

    /** The option with this CRm value, or null. */
    public static BarrierOption ofCrm(int crm) {
        for (BarrierOption o : values()) {
            if (o.crm == crm) {
                return o;
            }
        }
        return null;
    }
}
