/**
 * The run-test runner: reads CLIF test files, verifies their functions, checks their
 * {@code ; error:} directives and runs their {@code ; run:} lines on one or more
 * {@link dev.vex.exec.Engine}s, comparing results bit for bit.
 *
 * <p>Counting: every run line on every engine is one check, and so is every error directive.
 * A check is skipped, never passed, when its function uses a feature outside Vex's scalar core
 * or the engine does not run the file's targets; the reason is reported once per function.
 */
package dev.vex.filetest;
