package dev.vex.text;

import dev.vex.diag.SourceLocation;

/**
 * Valid CLIF that uses a feature Vex leaves out (i128, vector types, atomics, global values,
 * dynamic types...). The test runner skips such a function and reports {@link #feature()} as the
 * reason.
 */
public class UnsupportedFeatureException extends ParseException {
    private static final long serialVersionUID = 1L;

    private final String feature;

    /** A {@code feature} Vex does not implement, found at {@code location}. */
    public UnsupportedFeatureException(SourceLocation location, String feature, String detail) {
        super(location, "unsupported feature " + feature + ": " + detail);
        this.feature = feature;
    }

    /** A short name of the feature: {@code i128}, {@code vector type i32x4}, {@code atomic_rmw}. */
    public String feature() {
        return feature;
    }
}
