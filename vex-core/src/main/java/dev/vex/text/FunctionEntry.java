package dev.vex.text;

import dev.vex.diag.SourceLocation;
import dev.vex.ir.Function;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One function of a test file as read: the {@link Function} or the error that stopped it, where
 * it starts, and the directives that follow it.
 */
public final class FunctionEntry {
    private final String name;
    private final SourceLocation location;
    private final Function function;
    private final ParseException error;
    final List<RunLine> runs = new ArrayList<>();
    final List<ErrorDirective> expectedErrors = new ArrayList<>();

    FunctionEntry(String name, SourceLocation location, Function function, ParseException error) {
        this.name = name;
        this.location = location;
        this.function = function;
        this.error = error;
    }

    /** The function's name without {@code %}, or null if even that did not read. */
    public String name() {
        return name;
    }

    /** Where {@code function} (or {@code async}) is. */
    public SourceLocation location() {
        return location;
    }

    /** The function, or null if it did not read. */
    public Function function() {
        return function;
    }

    /** Why the function did not read, or null. */
    public ParseException error() {
        return error;
    }

    /** Whether the function failed to read because it uses something Vex leaves out. */
    public boolean isUnsupported() {
        return error instanceof UnsupportedFeatureException;
    }

    /** The {@code ; run} lines after the function, in order. */
    public List<RunLine> runs() {
        return Collections.unmodifiableList(runs);
    }

    /** The {@code ; error:} lines after the function, in order. */
    public List<ErrorDirective> expectedErrors() {
        return Collections.unmodifiableList(expectedErrors);
    }
}
