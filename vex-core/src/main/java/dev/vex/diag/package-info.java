/**
 * Diagnostics shared by every stage: the {@link dev.vex.diag.VexException} root of Vex's error
 * types and {@link dev.vex.diag.SourceLocation}, the file:line:column of a text input.
 */
package dev.vex.diag;
