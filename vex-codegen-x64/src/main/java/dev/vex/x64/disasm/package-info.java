/**
 * A decoder from x86-64 code back to Intel-syntax text, for listings, driven by the assembler's
 * encoding rows ({@link dev.vex.x64.asm.EncodingTable}) through {@code DecodeIndex}.
 */
package dev.vex.x64.disasm;
