/**
 * The A64 disassembler for listings: it matches each word against the rows of the assembler's
 * encoding table ({@link dev.vex.aarch64.asm.EncodingTable}) and prints it as GNU objdump does,
 * preferred aliases included, so that listings read like the tools' and can be checked against
 * them.
 */
package dev.vex.aarch64.disasm;
