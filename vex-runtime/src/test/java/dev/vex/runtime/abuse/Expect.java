package dev.vex.runtime.abuse;

/** Checks for the abuse cases, which run in a child JVM without JUnit. */
final class Expect {
    private Expect() {
    }

    static void check(boolean condition, String what) {
        if (!condition) throw new AssertionError(what);
    }

    /** Runs body and returns what it threw, which must be a {@code type}. */
    static <T extends Throwable> T thrown(Class<T> type, ThrowingRunnable body) {
        try {
            body.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) return type.cast(t);
            throw new AssertionError("expected " + type.getSimpleName() + ", got " + t, t);
        }
        throw new AssertionError("expected " + type.getSimpleName() + ", nothing was thrown");
    }

    /** Polls until condition holds, for at most millis. */
    static void eventually(long millis, String what, java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("not within " + millis + " ms: " + what);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
