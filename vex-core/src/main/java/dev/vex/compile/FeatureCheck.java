package dev.vex.compile;

import dev.vex.backend.BackendException;

import dev.vex.ir.Function;
import dev.vex.ir.IrFeature;
import dev.vex.ir.Module;

/**
 * The gate before a target's {@link Target#compile code generation}: a function that uses an {@link IrFeature}
 * the target does not list in {@link Target#irFeatures()} is an error naming the feature, so
 * that no backend has to notice (or silently mis-handle) an opcode or type it does not know.
 */
public final class FeatureCheck {
    private FeatureCheck() {
    }

    /** Null if {@code target} compiles every feature {@code fn} uses, else why not. */
    public static String reason(Function fn, Target target) {
        for (IrFeature f : IrFeature.usedBy(fn)) {
            if (!target.irFeatures().contains(f)) {
                return target.name() + " does not compile " + f + " yet";
            }
        }
        String declined = target.declines(fn);
        return declined == null ? null : target.name() + " does not compile " + declined + " yet";
    }

    /** @throws BackendException for the first function of {@code module} that {@code target} cannot compile */
    public static void require(Module module, Target target) {
        for (Function fn : module.functions()) {
            String why = reason(fn, target);
            if (why != null) {
                throw new BackendException(fn.name(), why);
            }
        }
    }
}
