package dev.vex.x64.asm;

import dev.vex.code.Label;

/**
 * A memory operand: {@code [base + index*scale + disp]}, {@code [rip + disp]}, {@code [rip + label]}
 * or an absolute {@code [disp32]}.
 *
 * <p>The width is usually implied by the register operand ({@code mov(RAX, mem(RSP, 8))} reads 64
 * bits). Where nothing implies it (an immediate store, {@code inc}, a shift, {@code cvtsi2sd}),
 * give it with {@link #qword}, {@link #dword}, {@link #word}, {@link #bytePtr} or
 * {@link #withBits}; a width that contradicts the register operand is an error.
 *
 * <p>Instances are immutable and small; a code generator that keeps them in locals lets the JIT's
 * escape analysis remove the allocation.
 */
public final class Mem {
    final Gpr base;
    final Gpr index;
    /** log2 of the scale: 0 to 3. */
    final int scaleLog2;
    final int disp;
    final boolean rip;
    final Label label;
    /** 0 when unspecified, else 8, 16, 32 or 64. */
    final int bits;

    private Mem(Gpr base, Gpr index, int scaleLog2, int disp, boolean rip, Label label, int bits) {
        this.base = base;
        this.index = index;
        this.scaleLog2 = scaleLog2;
        this.disp = disp;
        this.rip = rip;
        this.label = label;
        this.bits = bits;
    }

    /** {@code [base]}. */
    public static Mem mem(Gpr base) {
        return mem(base, 0);
    }

    /** {@code [base + disp]}. */
    public static Mem mem(Gpr base, int disp) {
        checkAddressRegister(base, "base");
        return new Mem(base, null, 0, disp, false, null, 0);
    }

    /** {@code [base + index*scale]}. */
    public static Mem mem(Gpr base, Gpr index, int scale) {
        return mem(base, index, scale, 0);
    }

    /** {@code [base + index*scale + disp]}; scale is 1, 2, 4 or 8 and index may not be rsp. */
    public static Mem mem(Gpr base, Gpr index, int scale, int disp) {
        checkAddressRegister(base, "base");
        return new Mem(base, checkIndex(index), scaleLog2(scale), disp, false, null, 0);
    }

    /** {@code [index*scale + disp]}, with no base (always a 32-bit displacement). */
    public static Mem indexed(Gpr index, int scale, int disp) {
        return new Mem(null, checkIndex(index), scaleLog2(scale), disp, false, null, 0);
    }

    /** {@code [disp]}: an absolute address in the low 2 GiB (sign-extended 32 bits). */
    public static Mem absolute(int disp) {
        return new Mem(null, null, 0, disp, false, null, 0);
    }

    /** {@code [rip + disp]}, relative to the end of the instruction. */
    public static Mem rip(int disp) {
        return new Mem(null, null, 0, disp, true, null, 0);
    }

    /** {@code [rip + label]}: the address of {@code label}, bound before or after the use. */
    public static Mem rip(Label label) {
        return new Mem(null, null, 0, 0, true, label, 0);
    }

    /** {@code qword ptr [base + disp]}. */
    public static Mem qword(Gpr base, int disp) {
        return mem(base, disp).withBits(64);
    }

    /** {@code dword ptr [base + disp]}. */
    public static Mem dword(Gpr base, int disp) {
        return mem(base, disp).withBits(32);
    }

    /** {@code word ptr [base + disp]}. */
    public static Mem word(Gpr base, int disp) {
        return mem(base, disp).withBits(16);
    }

    /** {@code byte ptr [base + disp]}. */
    public static Mem bytePtr(Gpr base, int disp) {
        return mem(base, disp).withBits(8);
    }

    /** This operand with an explicit width of 8, 16, 32 or 64 bits. */
    public Mem withBits(int newBits) {
        if (newBits != 8 && newBits != 16 && newBits != 32 && newBits != 64) {
            throw new X64EncodingException("a memory operand is 8, 16, 32 or 64 bits wide, not " + newBits);
        }
        return new Mem(base, index, scaleLog2, disp, rip, label, newBits);
    }

    /** The explicit width in bits, or 0 when none was given. */
    public int bits() {
        return bits;
    }

    private static void checkAddressRegister(Gpr r, String role) {
        if (r == null || r.bits != 64) {
            throw new X64EncodingException("the " + role + " of an address must be a 64-bit register, not " + r);
        }
    }

    private static Gpr checkIndex(Gpr index) {
        checkAddressRegister(index, "index");
        if (index.number == 4) {
            throw new X64EncodingException("rsp cannot be an index register");
        }
        return index;
    }

    private static int scaleLog2(int scale) {
        return switch (scale) {
            case 1 -> 0;
            case 2 -> 1;
            case 4 -> 2;
            case 8 -> 3;
            default -> throw new X64EncodingException("scale must be 1, 2, 4 or 8, not " + scale);
        };
    }

    /** Intel syntax as GNU as reads it, e.g. {@code qword ptr [rsp+rbp*2-0x8]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        switch (bits) {
            case 8 -> sb.append("byte ptr ");
            case 16 -> sb.append("word ptr ");
            case 32 -> sb.append("dword ptr ");
            case 64 -> sb.append("qword ptr ");
            default -> { }
        }
        sb.append('[');
        boolean any = false;
        if (rip) {
            sb.append("rip");
            any = true;
            if (label != null) {
                return sb.append("+").append(label).append(']').toString();
            }
        }
        if (base != null) {
            sb.append(base);
            any = true;
        }
        if (index != null) {
            if (any) {
                sb.append('+');
            }
            sb.append(index).append('*').append(1 << scaleLog2);
            any = true;
        }
        if (!any) {
            sb.append("0x").append(Integer.toHexString(disp));
        } else if (disp > 0) {
            sb.append("+0x").append(Integer.toHexString(disp));
        } else if (disp < 0) {
            sb.append("-0x").append(Long.toHexString(-(long) disp));
        }
        return sb.append(']').toString();
    }
}
