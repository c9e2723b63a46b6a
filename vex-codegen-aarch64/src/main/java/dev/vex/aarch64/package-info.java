/**
 * The AArch64 target ({@link dev.vex.aarch64.A64Target}) for vex-core's compile driver: the A64
 * assembler ({@code dev.vex.aarch64.asm}), its listing disassembler ({@code dev.vex.aarch64.disasm}),
 * the AAPCS64 register and argument facts ({@code dev.vex.aarch64.abi}), instruction selection of
 * the integer core ({@code dev.vex.aarch64.isel}) and emission ({@code dev.vex.aarch64.emit}).
 * Relocatable ELF objects come from vex-core's writer with {@link dev.vex.aarch64.A64ElfMachine}'s
 * relocation types. No JIT: the code runs as a static executable under qemu (vex-runtime).
 */
package dev.vex.aarch64;
