package dev.vex.aarch64.isel;

import static dev.vex.backend.Operand.def;
import static dev.vex.backend.Operand.earlyDef;
import static dev.vex.backend.Operand.use;

import dev.vex.backend.MachFunctionBuilder;
import dev.vex.backend.RegClass;
import dev.vex.ir.Instruction;
import dev.vex.ir.Opcode;
import dev.vex.ir.Type;

/**
 * The float part of {@link InstructionSelector}: f32/f64 constants, arithmetic, comparisons,
 * rounding, conversions and bit casts. Float values live in FLOAT-class virtual registers (the
 * S or D view of a v register). Arithmetic results are early defs, so that the emitter may still
 * read the operands after writing the result (the NaN canonicalization fix-up does). Bitwise
 * operations on floats are done on the bits in integer registers: a bitcast each way around the
 * integer operation.
 */
final class FloatSelection {
    private final InstructionSelector s;

    FloatSelection(InstructionSelector s) {
        this.s = s;
    }

    /** Whether {@link #lower} takes {@code op} (for any type; bitwise ops only on floats, see there). */
    static boolean handles(Opcode op) {
        return switch (op) {
            case F32CONST, F64CONST, FADD, FSUB, FMUL, FDIV, FMIN, FMAX, SQRT, FMA, FNEG, FABS, FCOPYSIGN, CEIL, FLOOR,
                    TRUNC, NEAREST, FCMP, FPROMOTE, FDEMOTE, FCVT_TO_UINT, FCVT_TO_SINT, FCVT_TO_UINT_SAT,
                    FCVT_TO_SINT_SAT, FCVT_FROM_UINT, FCVT_FROM_SINT, BITCAST -> true;
            default -> false;
        };
    }

    /** Whether {@code op} is a bitwise operation on a float type, which {@link #bitwise} lowers. */
    static boolean isFloatBitwise(Opcode op, Type rt) {
        return rt != null && rt.isFloat() && switch (op) {
            case BAND, BOR, BXOR, BNOT, BAND_NOT, BOR_NOT, BXOR_NOT, BITSELECT -> true;
            default -> false;
        };
    }

    private MachFunctionBuilder b() {
        return s.builder();
    }

    private A64Inst ir(Instruction inst, Opcode op, Type type, Type argType, long imm, int aux, int nd, int nu) {
        return new A64Inst(Kind.IR, op, type, argType, imm, aux, inst.trapCode(), null, nd, nu);
    }

    void lower(Instruction inst, Type rt, Type at) {
        Opcode op = inst.opcode();
        int r = inst.resultCount() > 0 ? s.v(inst.result()) : -1;
        switch (op) {
            case F32CONST, F64CONST -> {
                long bits = op == Opcode.F32CONST ? inst.ieee32Bits() & 0xffff_ffffL : inst.ieee64Bits();
                b().inst(ir(inst, op, rt, null, bits, 0, 1, 0), 0, def(r));
            }
            case FADD, FSUB, FMUL, FDIV, FMIN, FMAX, FCOPYSIGN -> b().inst(ir(inst, op, rt, at, 0, 0, 1, 2), 0,
                    earlyDef(r), use(s.v(inst.operand(0))), use(s.v(inst.operand(1))));
            case FMA -> b().inst(ir(inst, op, rt, at, 0, 0, 1, 3), 0, earlyDef(r), use(s.v(inst.operand(0))),
                    use(s.v(inst.operand(1))), use(s.v(inst.operand(2))));
            case SQRT, FNEG, FABS, CEIL, FLOOR, TRUNC, NEAREST, FPROMOTE, FDEMOTE -> b().inst(
                    ir(inst, op, rt, at, 0, 0, 1, 1), 0, earlyDef(r), use(s.v(inst.operand(0))));
            case FCMP -> b().inst(ir(inst, op, at, at, 0, inst.floatCC().ordinal(), 1, 2), 0, def(r),
                    use(s.v(inst.operand(0))), use(s.v(inst.operand(1))));
            case FCVT_TO_UINT, FCVT_TO_SINT, FCVT_TO_UINT_SAT, FCVT_TO_SINT_SAT, FCVT_FROM_UINT, FCVT_FROM_SINT ->
                b().inst(ir(inst, op, rt, at, 0, 0, 1, 1), 0, def(r), use(s.v(inst.operand(0))));
            case BITCAST -> {
                if (rt.isFloat() == at.isFloat()) {
                    b().inst(new A64Inst(Kind.COPY, null, rt, null, 0, 0, null, null, 1, 1), 0,
                            dev.vex.backend.Operand.defReuse(r, 1), use(s.v(inst.operand(0))));
                } else {
                    b().inst(ir(inst, op, rt, at, 0, 0, 1, 1), 0, def(r), use(s.v(inst.operand(0))));
                }
            }
            default -> throw new IllegalArgumentException(op.text() + " is not a float operation");
        }
    }

    /** {@code band} & co. on a float type: bitcast the operands to integers, operate, bitcast back. */
    void bitwise(Instruction inst, Type ft) {
        Type it = ft.asInt();
        int n = inst.operandCount();
        int[] ops = new int[n + 1];
        int ri = b().newVReg(RegClass.INT);
        ops[0] = inst.opcode() == Opcode.BITSELECT ? earlyDef(ri) : def(ri);
        for (int k = 0; k < n; k++) {
            Type ot = inst.operand(k).type();
            int o = s.v(inst.operand(k));
            if (ot.isFloat()) {
                int w = b().newVReg(RegClass.INT);
                b().inst(ir(inst, Opcode.BITCAST, it, ot, 0, 0, 1, 1), 0, def(w), use(o));
                o = w;
            }
            ops[k + 1] = use(o);
        }
        b().inst(ir(inst, inst.opcode(), it, it, 0, 0, 1, n), 0, ops);
        b().inst(ir(inst, Opcode.BITCAST, ft, it, 0, 0, 1, 1), 0, def(s.v(inst.result())), use(ri));
    }
}
