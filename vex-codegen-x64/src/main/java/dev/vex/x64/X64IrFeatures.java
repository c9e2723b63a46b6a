package dev.vex.x64;

import dev.vex.ir.IrFeature;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The {@link IrFeature}s beyond the scalar core that the x64 target compiles, each with where
 * its lowering lives: atomics in {@code isel.AtomicLowering} and {@code emit.AtomicEmitter}.
 */
final class X64IrFeatures {
    static final Set<IrFeature> SUPPORTED = Collections.unmodifiableSet(EnumSet.of(IrFeature.ATOMICS));

    private X64IrFeatures() {
    }
}
