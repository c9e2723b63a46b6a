/**
 * AArch64 instruction selection: verified sync IR to {@link dev.vex.backend.MachFunction}s over
 * virtual registers: the integer and float core and atomics
 * ({@link dev.vex.aarch64.isel.InstructionSelector}, floats in {@link dev.vex.aarch64.isel.FloatSelection}).
 */
package dev.vex.aarch64.isel;
