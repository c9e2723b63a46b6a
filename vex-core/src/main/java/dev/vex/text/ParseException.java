package dev.vex.text;

import dev.vex.diag.SourceLocation;
import dev.vex.diag.VexException;

/**
 * CLIF text that does not read: the message says what was expected and what was found, and
 * starts with the {@link SourceLocation} ({@code t.clif:12:9: expected ',' ..., found 'v3'}).
 */
public class ParseException extends VexException {
    private static final long serialVersionUID = 1L;

    private final SourceLocation location;
    private final String detail;

    /** A parse error at {@code location}. */
    public ParseException(SourceLocation location, String detail) {
        super(location + ": " + detail);
        this.location = location;
        this.detail = detail;
    }

    /** Where in the text the error is. */
    public SourceLocation location() {
        return location;
    }

    /** The message without the location. */
    public String detail() {
        return detail;
    }
}
