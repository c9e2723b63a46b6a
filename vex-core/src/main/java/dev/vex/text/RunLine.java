package dev.vex.text;

import dev.vex.diag.SourceLocation;
import java.util.List;

/**
 * A {@code ; run:} directive, read against the signature of the function it calls.
 *
 * <p>Arguments and expected results are bit patterns: one {@code long} per value, holding the low
 * {@code bits()} of its type with the upper bits zero; floats as their IEEE bits. A line that does
 * not read (or calls a function that did not) has {@link #error()} set and no values.
 */
public final class RunLine {
    /** What the line checks. */
    public enum Comparison {
        /** {@code %f(args) == expected}. */
        EQUALS,
        /** {@code %f(args) != expected}. */
        NOT_EQUALS,
        /** A bare {@code ; run}: {@code %f()} returns an integer that must be non-zero. */
        NON_ZERO,
        /** {@code %f(args)} with no comparison: it must run to its end without trapping. */
        NONE
    }

    private final SourceLocation location;
    private final String text;
    private final String functionName;
    private final List<Long> args;
    private final Comparison comparison;
    private final List<Long> expected;
    private final ParseException error;

    RunLine(SourceLocation location, String text, String functionName, List<Long> args, Comparison comparison,
            List<Long> expected, ParseException error) {
        this.location = location;
        this.text = text;
        this.functionName = functionName;
        this.args = args == null ? List.of() : List.copyOf(args);
        this.comparison = comparison;
        this.expected = expected == null ? List.of() : List.copyOf(expected);
        this.error = error;
    }

    static RunLine failed(SourceLocation location, String text, String functionName, ParseException error) {
        return new RunLine(location, text, functionName, null, null, null, error);
    }

    /** Where the {@code ;} of the line is. */
    public SourceLocation location() {
        return location;
    }

    /** The directive as written, after the {@code ;}. */
    public String text() {
        return text;
    }

    /**
     * The function name written on the line, without {@code %}; null if the line did not get that
     * far. In a test file the line calls the function it follows, and its arguments and results
     * are read against that function's signature, even when this name differs (as in Cranelift).
     */
    public String functionName() {
        return functionName;
    }

    /** The arguments as bit patterns, one per parameter. */
    public List<Long> args() {
        return args;
    }

    /** Null when the line did not read. */
    public Comparison comparison() {
        return comparison;
    }

    /** The expected results for {@code ==} and {@code !=}; empty otherwise. */
    public List<Long> expected() {
        return expected;
    }

    /** Why the line did not read, or null. */
    public ParseException error() {
        return error;
    }

    /** Whether the line could be parsed into a call and an expectation. */
    public boolean isValid() {
        return error == null;
    }

    @Override
    public String toString() {
        return location + ":" + text;
    }
}
