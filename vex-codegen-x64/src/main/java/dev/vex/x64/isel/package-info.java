/**
 * Instruction selection for x86-64: verified IR to a {@link dev.vex.backend.MachFunction} whose
 * payloads are {@link dev.vex.x64.isel.X64Inst}. The register-content invariant and the operand
 * conventions are described on {@link dev.vex.x64.isel.InstructionSelector}; atomics, tail calls
 * and f16 values have their own lowerings ({@code AtomicLowering}, {@code TailCallLowering},
 * {@link dev.vex.x64.isel.HalfFloats}).
 */
package dev.vex.x64.isel;
