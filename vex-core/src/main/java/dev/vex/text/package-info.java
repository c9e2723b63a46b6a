/**
 * CLIF text: reading Cranelift's textual IR (its scalar subset plus Vex's async forms) into
 * {@link dev.vex.ir.Module}s, printing them back, and the test-file model ({@code test},
 * {@code set}, {@code target} headers, {@code ; run:} and {@code ; error:} directives) that the
 * test runner works from.
 *
 * <p>{@link dev.vex.text.ClifReader} is the entry point; every problem it finds is a
 * {@link dev.vex.text.ParseException} with a file:line:column location, or its subclass
 * {@link dev.vex.text.UnsupportedFeatureException} for CLIF that Vex deliberately leaves out
 * (i128, vectors, atomics, global values...). One bad function never stops the rest of a file.
 */
package dev.vex.text;
