package dev.vex.x64.asm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scalar FMA3 instructions: {@code VEX.LIG.66.0F38.W0} (ss) or {@code .W1} (sd). In
 * {@code vfmadd231sd a, b, c} a is ModRM.reg, b VEX.vvvv and c ModRM.rm (a register or memory);
 * the digits say which operands are multiplied and which is added:
 * 132 computes a = a*c + b, 213 a = b*a + c, 231 a = b*c + a. vfmsub subtracts the addend,
 * vfnmadd negates the product, vfnmsub does both. All need {@link CpuFeature#FMA}. Each constant
 * is one row: its opcode and VEX.W.
 */
public enum FmaOp {
    VFMADD132SS(0x99, 0),
    VFMADD132SD(0x99, 1),
    VFMADD213SS(0xA9, 0),
    VFMADD213SD(0xA9, 1),
    VFMADD231SS(0xB9, 0),
    VFMADD231SD(0xB9, 1),
    VFMSUB132SS(0x9B, 0),
    VFMSUB132SD(0x9B, 1),
    VFMSUB213SS(0xAB, 0),
    VFMSUB213SD(0xAB, 1),
    VFMSUB231SS(0xBB, 0),
    VFMSUB231SD(0xBB, 1),
    VFNMADD132SS(0x9D, 0),
    VFNMADD132SD(0x9D, 1),
    VFNMADD213SS(0xAD, 0),
    VFNMADD213SD(0xAD, 1),
    VFNMADD231SS(0xBD, 0),
    VFNMADD231SD(0xBD, 1),
    VFNMSUB132SS(0x9F, 0),
    VFNMSUB132SD(0x9F, 1),
    VFNMSUB213SS(0xAF, 0),
    VFNMSUB213SD(0xAF, 1),
    VFNMSUB231SS(0xBF, 0),
    VFNMSUB231SD(0xBF, 1);

    final String mnemonic;
    /** The row: {@code VEX.LIG.66.0F38.W0/W1 op /r}, operands xmm, xmm (vvvv), xmm/m32 or xmm/m64. */
    private final Encoding form;

    FmaOp(int opcode, int w) {
        this.mnemonic = name().toLowerCase(Locale.ROOT);
        this.form = Encoding.vex("fma", mnemonic, Format.RVM, Encoder.P66 | (w == 1 ? Encoder.W : 0), 0x0F3800 | opcode,
            Encoding.REG, CpuFeature.FMA, Operand.XMM, Operand.XMM, w == 1 ? Operand.XMM_M64 : Operand.XMM_M32);
    }

    static List<Encoding> rows() {
        List<Encoding> all = new ArrayList<>();
        for (FmaOp op : values()) {
            all.add(op.form);
        }
        return all;
    }

    void rrr(Encoder e, Xmm a, Xmm b, Xmm c) {
        e.require(form);
        e.vexRR(form, a.number, b.number, c.number);
    }

    void rrm(Encoder e, Xmm a, Xmm b, Mem c) {
        e.require(form);
        Encoder.memBits(c, form.w() ? 64 : 32);
        e.vexRM(form, a.number, b.number, c);
    }
}
