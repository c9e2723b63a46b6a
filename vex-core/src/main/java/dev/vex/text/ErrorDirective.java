package dev.vex.text;

import dev.vex.diag.SourceLocation;

/**
 * A {@code ; error: TEXT} line after a function: reading and verifying that function must fail
 * with a message containing {@link #text()}.
 */
public record ErrorDirective(String text, SourceLocation location) {
}
