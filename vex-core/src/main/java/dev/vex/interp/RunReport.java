package dev.vex.interp;

import dev.vex.exec.Outcome;

/**
 * A run's {@link Outcome} with what it cost: instructions executed over all tasks, and the
 * virtual time (nanoseconds) the scheduler's clock showed at the end.
 */
public record RunReport(Outcome outcome, long steps, long virtualNanos) {}
