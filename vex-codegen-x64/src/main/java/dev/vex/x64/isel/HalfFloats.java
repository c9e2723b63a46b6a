package dev.vex.x64.isel;

import dev.vex.backend.BackendException;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.Type;

/**
 * What x64 does with {@code f16} values: it holds them as their 16 bits in the low bits of an
 * xmm register (as System V passes {@code _Float16}) and moves them about: {@code f16const},
 * {@code bitcast} to and from {@code i16}, {@code select}, loads and stores, calls, returns and
 * block arguments. Arithmetic and conversions on {@code f16} need F16C or AVX512-FP16 and
 * are not compiled (no conformance file that targets x86_64 uses them); an instruction that
 * would compute with one is an error naming it, never a silent miscompile.
 */
public final class HalfFloats {
    private HalfFloats() {
    }

    /** Whether {@code fn} computes with an {@code f16} rather than only moving its bits. */
    public static boolean computesWith(Function fn) {
        for (Instruction inst : fn.instructions()) {
            if (touchesF16(inst) && !movesBits(inst)) {
                return true;
            }
        }
        return false;
    }

    private static boolean movesBits(Instruction inst) {
        return switch (inst.opcode()) {
            case F16CONST, BITCAST, LOAD, STORE, STACK_LOAD, STACK_STORE, SELECT, SELECT_SPECTRE_GUARD, CALL,
                    CALL_INDIRECT, RETURN, RETURN_CALL, RETURN_CALL_INDIRECT, JUMP, BRIF, BR_TABLE, NOP -> true;
            default -> false;
        };
    }

    /** Throws unless {@code inst} only moves {@code f16} bits (or uses none). */
    static void check(Function f, Instruction inst) {
        if (touchesF16(inst) && !movesBits(inst)) {
            throw new BackendException(f.name(), inst.opcode().text()
                    + " on f16: x64 holds f16 values as bits only (constants, bitcasts, select, loads, stores,"
                    + " calls) and does not compute with them yet");
        }
    }

    private static boolean touchesF16(Instruction inst) {
        for (int i = 0; i < inst.resultCount(); i++) {
            if (inst.result(i).type() == Type.F16) {
                return true;
            }
        }
        for (int i = 0; i < inst.operandCount(); i++) {
            if (inst.operand(i).type() == Type.F16) {
                return true;
            }
        }
        return false;
    }
}
