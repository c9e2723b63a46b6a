/**
 * The hand-written A64 (AArch64) assembler: one table of encoding facts per instruction family
 * ({@link dev.vex.aarch64.asm.Encoding} rows in the family enums), typed operands
 * ({@link dev.vex.aarch64.asm.Reg}, {@link dev.vex.aarch64.asm.VReg}, {@link dev.vex.aarch64.asm.Mem},
 * {@link dev.vex.aarch64.asm.Cond}, ...) and the layered {@link dev.vex.aarch64.asm.A64Assembler}.
 * The disassembler in {@code dev.vex.aarch64.disasm} reads the same rows.
 */
package dev.vex.aarch64.asm;
