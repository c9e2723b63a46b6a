package dev.vex.code;

/** A named position in a code buffer, such as a function's entry point. */
public record SymbolDefinition(String name, int offset) {
}
