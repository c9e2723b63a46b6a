package dev.vex.compile;

/** A target's instruction decoder, as the {@link Listing} uses it. */
@FunctionalInterface
public interface Disassembler {
    /**
     * Decodes the instruction at {@code offset} of {@code code}, appends its text to {@code out}
     * and returns its length in bytes (at least 1, so a listing always moves on).
     */
    int decode(byte[] code, int offset, StringBuilder out);
}
