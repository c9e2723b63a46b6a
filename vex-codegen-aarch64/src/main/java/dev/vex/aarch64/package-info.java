/**
 * The AArch64 target. Written so far: the A64 assembler ({@code dev.vex.aarch64.asm}), its
 * listing disassembler ({@code dev.vex.aarch64.disasm}) and the AAPCS64 register and argument
 * facts ({@code dev.vex.aarch64.abi}). Instruction selection, emission and the JIT and AOT paths
 * are not written yet; they will be a backend of the target-generic compile driver.
 */
package dev.vex.aarch64;
