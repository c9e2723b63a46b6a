package dev.vex.ir;

import java.util.List;

/**
 * Cranelift's named libcalls that Vex runs: a callee declared as {@code fn0 = %CeilF32(f32) -> f32}
 * names a routine of the C library rather than a function of the module.
 *
 * <p>How engines resolve them: the interpreter computes each one itself. A native target calls
 * the C symbol {@link #symbol()} (libm's {@code ceilf}, libc's {@code memcpy}...) through an
 * absolute address the JIT linker looks up in the process (the JVM has libc and libm loaded), or
 * through an undefined-symbol relocation in an AOT object; the call uses the platform's C
 * calling convention, which is the signature's. A target may also inline one (x86-64's
 * {@code roundss} for {@code CeilF32} with SSE4.1) as long as the bits agree. Until a target
 * lists {@link IrFeature#LIBCALLS}, functions that call one are not compiled.
 *
 * <p>{@code NearestF32}/{@code NearestF64} round to nearest, ties to even ({@code nearbyintf} in
 * the default rounding mode); {@code Memcmp} returns a negative, zero or positive {@code i32}.
 */
public enum Libcall {
    /** Rounds an f32 up to an integer. */
    CEIL_F32("CeilF32", "ceilf", List.of(Type.F32), List.of(Type.F32)),
    /** Rounds an f64 up to an integer. */
    CEIL_F64("CeilF64", "ceil", List.of(Type.F64), List.of(Type.F64)),
    /** Rounds an f32 down to an integer. */
    FLOOR_F32("FloorF32", "floorf", List.of(Type.F32), List.of(Type.F32)),
    /** Rounds an f64 down to an integer. */
    FLOOR_F64("FloorF64", "floor", List.of(Type.F64), List.of(Type.F64)),
    /** Rounds an f32 toward zero to an integer. */
    TRUNC_F32("TruncF32", "truncf", List.of(Type.F32), List.of(Type.F32)),
    /** Rounds an f64 toward zero to an integer. */
    TRUNC_F64("TruncF64", "trunc", List.of(Type.F64), List.of(Type.F64)),
    /** Rounds an f32 to the nearest integer, ties to even. */
    NEAREST_F32("NearestF32", "nearbyintf", List.of(Type.F32), List.of(Type.F32)),
    /** Rounds an f64 to the nearest integer, ties to even. */
    NEAREST_F64("NearestF64", "nearbyint", List.of(Type.F64), List.of(Type.F64)),
    /** Fused multiply-add of f32s, rounded once. */
    FMA_F32("FmaF32", "fmaf", List.of(Type.F32, Type.F32, Type.F32), List.of(Type.F32)),
    /** Fused multiply-add of f64s, rounded once. */
    FMA_F64("FmaF64", "fma", List.of(Type.F64, Type.F64, Type.F64), List.of(Type.F64)),
    /** {@code (dst, src, n)}: copies n bytes; the regions must not overlap. */
    MEMCPY("Memcpy", "memcpy", List.of(Type.I64, Type.I64, Type.I64), List.of()),
    /** {@code (dst, byte, n)}: fills n bytes with the low byte of an {@code i32}. */
    MEMSET("Memset", "memset", List.of(Type.I64, Type.I32, Type.I64), List.of()),
    /** {@code (dst, src, n)}: copies n bytes as if through a temporary buffer. */
    MEMMOVE("Memmove", "memmove", List.of(Type.I64, Type.I64, Type.I64), List.of()),
    /** {@code (a, b, n)}: compares n bytes as unsigned. */
    MEMCMP("Memcmp", "memcmp", List.of(Type.I64, Type.I64, Type.I64), List.of(Type.I32));

    private final String clifName;
    private final String symbol;
    private final Signature signature;

    Libcall(String clifName, String symbol, List<Type> params, List<Type> returns) {
        this.clifName = clifName;
        this.symbol = symbol;
        this.signature = Signature.of(params, returns);
    }

    /** The libcall a callee name (without {@code %}) refers to, or null. */
    public static Libcall named(String name) {
        for (Libcall l : values()) {
            if (l.clifName.equals(name)) {
                return l;
            }
        }
        return null;
    }

    /**
     * The symbol a native target links a reference to {@code callee} from {@code module} to: the
     * libcall's C symbol when {@code callee} names one and the module defines no function of that
     * name, else {@code callee} itself.
     */
    public static String linkName(Module module, String callee) {
        Libcall l = module.function(callee) == null ? named(callee) : null;
        return l == null ? callee : l.symbol;
    }

    /** The name CLIF text gives it: {@code CeilF32}. */
    public String clifName() {
        return clifName;
    }

    /** The C symbol a native target calls. */
    public String symbol() {
        return symbol;
    }

    /** The signature a declaration of it must have. */
    public Signature signature() {
        return signature;
    }
}
