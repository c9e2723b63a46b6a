package dev.vex.ir;

import java.util.EnumSet;
import java.util.Set;

/**
 * Parts of the IR beyond the scalar core (i8..i64, f32, f64, their operations, memory, control
 * flow and calls) that a code generator may not handle yet. Every target compiles the core; a
 * target names the features it compiles besides ({@link dev.vex.compile.Target#irFeatures()}), so
 * that a function using another one is reported as not compiled, with the feature, instead of
 * failing deep inside instruction selection.
 */
public enum IrFeature {
    /** Values of type {@code i128}. */
    I128("i128"),
    /** Values of type {@code f16}. */
    F16("f16"),
    /** Values of type {@code f128}. */
    F128("f128"),
    /** {@code atomic_load}, {@code atomic_store}, {@code atomic_rmw}, {@code atomic_cas}, {@code fence}. */
    ATOMICS("atomics"),
    /** Calls of Cranelift's named libcalls ({@link Libcall}). */
    LIBCALLS("libcalls"),
    /** {@code return_call}, {@code return_call_indirect}. */
    TAIL_CALLS("tail calls"),
    /** {@code get_pinned_reg}, {@code set_pinned_reg}. */
    PINNED_REGISTER("pinned register"),
    /** The {@code vmctx} parameter purpose and global value declarations. */
    VMCTX("vmctx and global values");

    private final String text;

    IrFeature(String text) {
        this.text = text;
    }

    /** The feature's name as a message gives it ({@code i128}). */
    @Override
    public String toString() {
        return text;
    }

    /** The features {@code fn} uses, in declaration order. */
    public static Set<IrFeature> usedBy(Function fn) {
        EnumSet<IrFeature> used = EnumSet.noneOf(IrFeature.class);
        for (AbiParam p : fn.signature().params()) {
            addType(used, p.type());
        }
        for (AbiParam p : fn.signature().returns()) {
            addType(used, p.type());
        }
        for (Value v : fn.values()) {
            if (v.type() != null) {
                addType(used, v.type());
            }
        }
        for (FuncRef ref : fn.funcRefs()) {
            if (Libcall.named(ref.name()) != null) {
                used.add(LIBCALLS);
            }
            if (hasVmctx(ref.signature())) {
                used.add(VMCTX);
            }
        }
        for (SigRef ref : fn.sigRefs()) {
            if (hasVmctx(ref.signature())) {
                used.add(VMCTX);
            }
        }
        if (hasVmctx(fn.signature()) || !fn.globalValues().isEmpty()) {
            used.add(VMCTX);
        }
        for (Instruction inst : fn.instructions()) {
            if (inst.controllingType() != null) {
                addType(used, inst.controllingType());
            }
            IrFeature f = ofOpcode(inst.opcode());
            if (f != null) {
                used.add(f);
            }
        }
        return used;
    }

    /** The feature an opcode belongs to, or null if it is in the core. */
    public static IrFeature ofOpcode(Opcode op) {
        return switch (op) {
            case ATOMIC_LOAD, ATOMIC_STORE, ATOMIC_RMW, ATOMIC_CAS, FENCE -> ATOMICS;
            case RETURN_CALL, RETURN_CALL_INDIRECT -> TAIL_CALLS;
            case GET_PINNED_REG, SET_PINNED_REG -> PINNED_REGISTER;
            default -> null;
        };
    }

    private static boolean hasVmctx(Signature sig) {
        return sig.params().stream().anyMatch(p -> p.has(ParamFlag.VMCTX));
    }

    private static void addType(Set<IrFeature> used, Type t) {
        switch (t) {
            case I128 -> used.add(I128);
            case F16 -> used.add(F16);
            case F128 -> used.add(F128);
            default -> { }
        }
    }
}
