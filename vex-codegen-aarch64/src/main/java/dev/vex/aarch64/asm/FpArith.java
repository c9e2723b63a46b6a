package dev.vex.aarch64.asm;

/** Scalar floating point, single and double (the FTYPE field): two-source arithmetic, one-source operations and rounding, fused multiply-add. One row per form. */
public enum FpArith implements Row {
    FMUL("fmul", 0x1E200800, Form.FP2),
    FDIV("fdiv", 0x1E201800, Form.FP2),
    FADD("fadd", 0x1E202800, Form.FP2),
    FSUB("fsub", 0x1E203800, Form.FP2),
    FMAX("fmax", 0x1E204800, Form.FP2),
    FMIN("fmin", 0x1E205800, Form.FP2),
    FMAXNM("fmaxnm", 0x1E206800, Form.FP2),
    FMINNM("fminnm", 0x1E207800, Form.FP2),
    FNMUL("fnmul", 0x1E208800, Form.FP2),
    FMOV("fmov", 0x1E204000, Form.FP1),
    FABS("fabs", 0x1E20C000, Form.FP1),
    FNEG("fneg", 0x1E214000, Form.FP1),
    FSQRT("fsqrt", 0x1E21C000, Form.FP1),
    FRINTN("frintn", 0x1E244000, Form.FP1),
    FRINTP("frintp", 0x1E24C000, Form.FP1),
    FRINTM("frintm", 0x1E254000, Form.FP1),
    FRINTZ("frintz", 0x1E25C000, Form.FP1),
    FRINTA("frinta", 0x1E264000, Form.FP1),
    FRINTX("frintx", 0x1E274000, Form.FP1),
    FRINTI("frinti", 0x1E27C000, Form.FP1),
    FMADD("fmadd", 0x1F000000, Form.FP3),
    FMSUB("fmsub", 0x1F008000, Form.FP3),
    FNMADD("fnmadd", 0x1F200000, Form.FP3),
    FNMSUB("fnmsub", 0x1F208000, Form.FP3);

    private final Encoding encoding;

    FpArith(String mnemonic, int bits, Form form) {
        this(mnemonic, bits, form, Feature.BASE);
    }

    FpArith(String mnemonic, int bits, Form form, Feature feature) {
        this.encoding = new Encoding(mnemonic, bits, form, feature);
    }

    @Override
    public Encoding encoding() {
        return encoding;
    }
}
