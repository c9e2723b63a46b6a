package dev.vex.filetest;

import java.io.PrintStream;

/**
 * The running tally of a test run and where its lines go: one line per failure and per skipped
 * function as they happen, then the summary line {@code N passed, N failed, N skipped}.
 */
public final class TestReport {
    private final PrintStream out;
    private final boolean verbose;
    private int passed;
    private int failed;
    private int skipped;
    private boolean malformedInput;

    public TestReport(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    void pass(String where, String what) {
        passed++;
        if (verbose) {
            out.println(where + ": ok " + what);
        }
    }

    void fail(String where, String message) {
        failed++;
        out.println(where + ": " + message);
    }

    /** A failure caused by input that does not read or verify. */
    void malformed(String where, String message) {
        malformedInput = true;
        fail(where, message);
    }

    /** A remark about a check that counts neither way, printed always. */
    void note(String where, String message) {
        out.println(where + ": note: " + message);
    }

    void skip(int checks, String where, String reason) {
        skipped += checks;
        out.println(where + ": skipped " + checks + (checks == 1 ? " check: " : " checks: ") + reason);
    }

    public int passed() {
        return passed;
    }

    public int failed() {
        return failed;
    }

    public int skipped() {
        return skipped;
    }

    /** Whether some input did not read or verify where no directive expected it to fail. */
    public boolean sawMalformedInput() {
        return malformedInput;
    }

    public String summary() {
        return passed + " passed, " + failed + " failed, " + skipped + " skipped";
    }
}
