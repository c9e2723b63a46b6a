package dev.vex.diag;

/**
 * A place in a text input: file name (or a description such as {@code <string>}), 1-based line
 * and 1-based column. Printed as {@code file:line:column}, the form editors and compilers use.
 */
public record SourceLocation(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
