package dev.vex.aarch64.asm;

import dev.vex.code.CodeBuffer;
import java.util.Set;

/**
 * Scalar floating point on S and D registers: arithmetic, rounding, fused multiply-add,
 * compares, conditional select, moves (register, immediate, to and from general registers) and
 * conversions; and the vector CNT/ADDV pair that gives a population count.
 */
public abstract sealed class FloatingPointInstructions extends LoadStoreInstructions permits A64Assembler {
    FloatingPointInstructions(CodeBuffer buf, Set<Feature> features) {
        super(buf, features);
    }

    /** The FTYPE field of an S or D register. */
    private static int ftype(String m, VReg r) {
        return switch (r.size()) {
            case S -> 0;
            case D -> Field.FTYPE.put(1);
            case Q -> throw new A64EncodingException(m + ": " + r + " is not a scalar S or D register");
        };
    }

    private static int ftype(String m, VReg a, VReg b) {
        if (a.size() != b.size()) {
            throw new A64EncodingException(m + ": registers of different sizes, " + a + " and " + b);
        }
        return ftype(m, a);
    }

    public A64Assembler fp2(FpArith row, VReg d, VReg n, VReg rm) {
        Encoding e = row.encoding();
        String m = e.mnemonic();
        if (e.form() != Form.FP2) {
            throw new IllegalArgumentException(row + " is not a two-source form");
        }
        int t = ftype(m, d, n) | ftype(m, d, rm);
        return emit(e.bits() | t | Field.RM.put(rm.number()) | Field.RN.put(n.number()) | Field.RD.put(d.number()));
    }

    public A64Assembler fp1(FpArith row, VReg d, VReg n) {
        Encoding e = row.encoding();
        String m = e.mnemonic();
        if (e.form() != Form.FP1) {
            throw new IllegalArgumentException(row + " is not a one-source form");
        }
        return emit(e.bits() | ftype(m, d, n) | Field.RN.put(n.number()) | Field.RD.put(d.number()));
    }

    public A64Assembler fp3(FpArith row, VReg d, VReg n, VReg rm, VReg a) {
        Encoding e = row.encoding();
        String m = e.mnemonic();
        if (e.form() != Form.FP3) {
            throw new IllegalArgumentException(row + " is not a three-source form");
        }
        int t = ftype(m, d, n) | ftype(m, d, rm) | ftype(m, d, a);
        return emit(e.bits() | t | Field.RM.put(rm.number()) | Field.RA.put(a.number()) | Field.RN.put(n.number())
            | Field.RD.put(d.number()));
    }

    public A64Assembler fmul(VReg d, VReg n, VReg m) {
        return fp2(FpArith.FMUL, d, n, m);
    }

    public A64Assembler fdiv(VReg d, VReg n, VReg m) {
        return fp2(FpArith.FDIV, d, n, m);
    }

    public A64Assembler fadd(VReg d, VReg n, VReg m) {
        return fp2(FpArith.FADD, d, n, m);
    }

    public A64Assembler fsub(VReg d, VReg n, VReg m) {
        return fp2(FpArith.FSUB, d, n, m);
    }

    public A64Assembler fmax(VReg d, VReg n, VReg m) {
        return fp2(FpArith.FMAX, d, n, m);
    }

    public A64Assembler fmin(VReg d, VReg n, VReg m) {
        return fp2(FpArith.FMIN, d, n, m);
    }

    public A64Assembler fmaxnm(VReg d, VReg n, VReg m) {
        return fp2(FpArith.FMAXNM, d, n, m);
    }

    public A64Assembler fminnm(VReg d, VReg n, VReg m) {
        return fp2(FpArith.FMINNM, d, n, m);
    }

    public A64Assembler fnmul(VReg d, VReg n, VReg m) {
        return fp2(FpArith.FNMUL, d, n, m);
    }

    public A64Assembler fabs(VReg d, VReg n) {
        return fp1(FpArith.FABS, d, n);
    }

    public A64Assembler fneg(VReg d, VReg n) {
        return fp1(FpArith.FNEG, d, n);
    }

    public A64Assembler fsqrt(VReg d, VReg n) {
        return fp1(FpArith.FSQRT, d, n);
    }

    public A64Assembler frintn(VReg d, VReg n) {
        return fp1(FpArith.FRINTN, d, n);
    }

    public A64Assembler frintp(VReg d, VReg n) {
        return fp1(FpArith.FRINTP, d, n);
    }

    public A64Assembler frintm(VReg d, VReg n) {
        return fp1(FpArith.FRINTM, d, n);
    }

    public A64Assembler frintz(VReg d, VReg n) {
        return fp1(FpArith.FRINTZ, d, n);
    }

    public A64Assembler frinta(VReg d, VReg n) {
        return fp1(FpArith.FRINTA, d, n);
    }

    public A64Assembler frintx(VReg d, VReg n) {
        return fp1(FpArith.FRINTX, d, n);
    }

    public A64Assembler frinti(VReg d, VReg n) {
        return fp1(FpArith.FRINTI, d, n);
    }

    public A64Assembler fmadd(VReg d, VReg n, VReg m, VReg a) {
        return fp3(FpArith.FMADD, d, n, m, a);
    }

    public A64Assembler fmsub(VReg d, VReg n, VReg m, VReg a) {
        return fp3(FpArith.FMSUB, d, n, m, a);
    }

    public A64Assembler fnmadd(VReg d, VReg n, VReg m, VReg a) {
        return fp3(FpArith.FNMADD, d, n, m, a);
    }

    public A64Assembler fnmsub(VReg d, VReg n, VReg m, VReg a) {
        return fp3(FpArith.FNMSUB, d, n, m, a);
    }

    /** FMOV between two FP registers of one size. */
    public A64Assembler fmov(VReg d, VReg n) {
        return fp1(FpArith.FMOV, d, n);
    }

    /** FCVT between single and double. */
    public A64Assembler fcvt(VReg d, VReg n) {
        FpConvert row;
        if (d.size() == VReg.Size.D && n.size() == VReg.Size.S) {
            row = FpConvert.FCVT_S_TO_D;
        } else if (d.size() == VReg.Size.S && n.size() == VReg.Size.D) {
            row = FpConvert.FCVT_D_TO_S;
        } else {
            throw new A64EncodingException("fcvt: converts between an S and a D register, not " + n + " to " + d);
        }
        return emit(row.encoding().bits() | Field.RN.put(n.number()) | Field.RD.put(d.number()));
    }

    // ---- compares and select -------------------------------------------------------------------

    public A64Assembler fcmp(VReg n, VReg m) {
        return emit(FpCompare.FCMP.encoding().bits() | ftype("fcmp", n, m) | Field.RM.put(m.number()) | Field.RN.put(n.number()));
    }

    /** FCMPE: like FCMP, but a quiet NaN raises Invalid Operation too. */
    public A64Assembler fcmpe(VReg n, VReg m) {
        return emit(FpCompare.FCMPE.encoding().bits() | ftype("fcmpe", n, m) | Field.RM.put(m.number()) | Field.RN.put(n.number()));
    }

    /** FCMP with #0.0. */
    public A64Assembler fcmpZero(VReg n) {
        return emit(FpCompare.FCMP_ZERO.encoding().bits() | ftype("fcmp", n) | Field.RN.put(n.number()));
    }

    public A64Assembler fcmpeZero(VReg n) {
        return emit(FpCompare.FCMPE_ZERO.encoding().bits() | ftype("fcmpe", n) | Field.RN.put(n.number()));
    }

    public A64Assembler fcsel(VReg d, VReg n, VReg m, Cond cond) {
        int t = ftype("fcsel", d, n) | ftype("fcsel", d, m);
        return emit(FpCompare.FCSEL.encoding().bits() | t | Field.RM.put(m.number()) | Field.COND.put(cond.code())
            | Field.RN.put(n.number()) | Field.RD.put(d.number()));
    }

    // ---- moves ---------------------------------------------------------------------------------

    /**
     * The 8-bit FMOV immediate of {@code value}, or -1: values of the form +-(16 + m)/16 * 2^e
     * with m in [0, 15] and e in [-3, 4]. Zero is not one of them (move xzr instead).
     */
    public static int fpImmediate(double value) {
        long bits = Double.doubleToRawLongBits(value);
        if ((bits & 0xFFFF_FFFF_FFFFL) != 0) {
            return -1;
        }
        int top = (int) (bits >>> 48);      // a, NOT(b), b x8, cdefgh
        int b = (top >>> 13) & 1;
        int notB = (top >>> 14) & 1;
        int repeated = (top >>> 6) & 0xFF;
        if (notB == b || repeated != (b == 1 ? 0xFF : 0)) {
            return -1;
        }
        return (top >>> 15) << 7 | b << 6 | (top & 0x3F);
    }

    /** FMOV of an immediate (see {@link #fpImmediate}); for an S register the value must be a float. */
    public A64Assembler fmov(VReg d, double value) {
        int imm8 = fpImmediate(value);
        if (imm8 < 0 || d.size() == VReg.Size.S && (double) (float) value != value) {
            throw new A64EncodingException("fmov: " + value + " is not encodable as an 8-bit floating-point immediate"
                + " (+-(16 + m)/16 * 2^e, m in [0, 15], e in [-3, 4])");
        }
        return emit(FpCompare.FMOV_IMM.encoding().bits() | ftype("fmov", d) | Field.IMM8.put(imm8) | Field.RD.put(d.number()));
    }

    /** FMOV from an FP register's bits into a general register of the same size (W from S, X from D). */
    public A64Assembler fmov(Reg d, VReg n) {
        FpConvert row = d.is64() ? FpConvert.FMOV_X_FROM_D : FpConvert.FMOV_W_FROM_S;
        if (n.size() != (d.is64() ? VReg.Size.D : VReg.Size.S)) {
            throw new A64EncodingException("fmov: " + d + " and " + n + " are not the same size");
        }
        return emit(row.encoding().bits() | Field.RN.put(n.number()) | Field.RD.put(zr("fmov", d)));
    }

    /** FMOV from a general register's bits into an FP register of the same size. */
    public A64Assembler fmov(VReg d, Reg n) {
        FpConvert row = n.is64() ? FpConvert.FMOV_D_FROM_X : FpConvert.FMOV_S_FROM_W;
        if (d.size() != (n.is64() ? VReg.Size.D : VReg.Size.S)) {
            throw new A64EncodingException("fmov: " + d + " and " + n + " are not the same size");
        }
        return emit(row.encoding().bits() | Field.RN.put(zr("fmov", n)) | Field.RD.put(d.number()));
    }

    // ---- conversions ---------------------------------------------------------------------------

    /** A conversion row between a general register (either width) and an FP register (S or D). */
    public A64Assembler convert(FpConvert row, int gp, boolean gp64, VReg fp, boolean toFp) {
        Encoding e = row.encoding();
        if (e.form() != Form.FP_INT) {
            throw new IllegalArgumentException(row + " is not an integer conversion form");
        }
        int size = gp64 ? Field.SF.mask : 0;
        int t = ftype(e.mnemonic(), fp);
        return emit(e.bits() | size | t | (toFp ? Field.RN.put(gp) | Field.RD.put(fp.number()) : Field.RN.put(fp.number()) | Field.RD.put(gp)));
    }

    /** Signed integer to floating point. */
    public A64Assembler scvtf(VReg d, Reg n) {
        return convert(FpConvert.SCVTF, zr("scvtf", n), n.is64(), d, true);
    }

    public A64Assembler ucvtf(VReg d, Reg n) {
        return convert(FpConvert.UCVTF, zr("ucvtf", n), n.is64(), d, true);
    }

    /** Floating point to signed integer, rounding toward zero, saturating. */
    public A64Assembler fcvtzs(Reg d, VReg n) {
        return convert(FpConvert.FCVTZS, zr("fcvtzs", d), d.is64(), n, false);
    }

    public A64Assembler fcvtzu(Reg d, VReg n) {
        return convert(FpConvert.FCVTZU, zr("fcvtzu", d), d.is64(), n, false);
    }

    // ---- population count ----------------------------------------------------------------------

    /** CNT v{d}.8b, v{n}.8b: the number of ones in each of the low 8 bytes (the registers' numbers are used). */
    public A64Assembler cnt8b(VReg d, VReg n) {
        return emit(Simd.CNT_8B.encoding().bits() | Field.RN.put(n.number()) | Field.RD.put(d.number()));
    }

    /** ADDV b{d}, v{n}.8b: the sum of the low 8 bytes, into the low byte of d (the rest cleared). */
    public A64Assembler addv8b(VReg d, VReg n) {
        return emit(Simd.ADDV_8B.encoding().bits() | Field.RN.put(n.number()) | Field.RD.put(d.number()));
    }
}
