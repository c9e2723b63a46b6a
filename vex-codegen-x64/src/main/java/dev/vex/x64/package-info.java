/**
 * The x86-64 System V target. {@link dev.vex.x64.X64Target} is what vex-core's compile driver
 * ({@code dev.vex.compile.CompileDriver}) asks for the ISA's facts: the machine spec
 * ({@code abi}), the ELF machine ({@link dev.vex.x64.X64ElfMachine}), the CPU features
 * ({@link dev.vex.x64.X64CpuFeatures}), and per module an {@link dev.vex.x64.X64CodeGenerator}
 * that runs isel ({@code isel}) and emit ({@code emit}) over the assembler in {@code asm}.
 */
package dev.vex.x64;
