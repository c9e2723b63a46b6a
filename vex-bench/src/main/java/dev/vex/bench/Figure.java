package dev.vex.bench;

/**
 * One figure of the suite against its target, with what was measured beside it in the same run.
 *
 * @param name      stable identifier, as in {@code bench-results.json}
 * @param title     what the figure is, for the table
 * @param value     Vex's figure
 * @param unit      unit of {@code value} and {@code target}
 * @param target    the target, or NaN for a figure reported without one
 * @param atMost    true when the target is an upper bound (times, bytes, ratios), false when a lower one (throughput)
 * @param context   the same-run baseline and peers, free text
 */
record Figure(String name, String title, double value, String unit, double target, boolean atMost, String context) {
    boolean hasTarget() {
        return !Double.isNaN(target);
    }

    /** Whether the figure meets its target; null without one. */
    Boolean meets() {
        if (!hasTarget()) return null;
        return atMost ? value <= target : value >= target;
    }

    /** How far from the target, 1 = on it, below 1 = better: value/target, or target/value for a lower bound. */
    double shortfall() {
        return atMost ? value / target : target / value;
    }

    String targetText() {
        if (!hasTarget()) return "—";
        return (atMost ? "≤ " : "≥ ") + Numbers.format(target) + " " + unit;
    }
}
