/**
 * AArch64 instruction selection: verified sync IR to {@link dev.vex.backend.MachFunction}s over
 * virtual registers, integer operations only so far ({@link dev.vex.aarch64.isel.InstructionSelector}).
 */
package dev.vex.aarch64.isel;
