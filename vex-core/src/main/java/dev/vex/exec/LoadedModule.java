package dev.vex.exec;

/** A module an {@link Engine} has made ready to run. Closing it frees what loading took. */
public interface LoadedModule extends AutoCloseable {
    /**
     * Calls {@code function} with canonical argument bit patterns, blocking on it as a task when
     * it is async, and returns what it produced.
     */
    Outcome invoke(String function, long[] args);

    @Override
    void close();
}
