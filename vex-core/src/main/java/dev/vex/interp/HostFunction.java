package dev.vex.interp;

/**
 * A function written in Java that interpreted code calls by name, as it would call a C symbol:
 * {@code call fnN(args)} on a name that no function of the module defines. Given to an
 * {@link InterpreterSession}; it sees the session's memory through the session.
 *
 * <p>It receives the arguments as canonical bit patterns and returns at least as many results as
 * the call site expects (canonical too). Throwing {@link IllegalStateException} or any other
 * runtime exception ends the call as {@code Outcome.Failed}.
 */
@FunctionalInterface
public interface HostFunction {
    /** Runs the function on argument bit patterns; returns result bit patterns. */
    long[] invoke(long[] args);
}
