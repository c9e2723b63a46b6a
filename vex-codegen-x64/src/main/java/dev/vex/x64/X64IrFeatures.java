package dev.vex.x64;

import dev.vex.ir.IrFeature;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The {@link IrFeature}s beyond the scalar core that the x64 target compiles, each with where
 * its lowering lives: i128 as two 64-bit registers in {@code isel.I128Lowering} and
 * {@code emit.I128Emitter}; atomics in {@code isel.AtomicLowering} and {@code emit.AtomicEmitter}; libcalls are
 * calls of their C symbols ({@link dev.vex.ir.Libcall#linkName}) in the C convention; tail calls
 * in {@code isel.TailCallLowering}, {@code emit.TailCallEmitter} and {@code abi.TailCallConvention}; f16 as bits only
 * ({@code isel.HalfFloats}, {@code emit.HalfFloatEmitter}).
 */
final class X64IrFeatures {
    static final Set<IrFeature> SUPPORTED = Collections.unmodifiableSet(EnumSet.of(IrFeature.I128, IrFeature.ATOMICS, IrFeature.LIBCALLS, IrFeature.TAIL_CALLS,
            IrFeature.F16));

    private X64IrFeatures() {
    }
}
