package dev.vex.exec;

/** A module an {@link Engine} has made ready to run. Closing it frees what loading took. */
public interface LoadedModule extends AutoCloseable {
    /**
     * Calls {@code function} with canonical argument bit patterns, blocking on it as a task when
     * it is async, and returns what it produced.
     */
    Outcome invoke(String function, long[] args);

    /**
     * Announces a call that {@link #invoke} will be asked for later, in the order the calls will
     * come: an engine that runs code in another process (under an emulator) runs the announced
     * calls of a file together, once. The default ignores it.
     */
    default void expect(String function, long[] args) {
    }

    /**
     * Why this engine declined to compile {@code function} (it uses something the target does not
     * select yet), or null when it did not decline it. A declined function's run lines are
     * skipped, not failed. The default declines nothing.
     */
    default String declined(String function) {
        return null;
    }

    @Override
    void close();
}
