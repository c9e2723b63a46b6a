/** A decoder from the x86-64 code Vex emits back to Intel-syntax text, for listings. */
package dev.vex.x64.disasm;
