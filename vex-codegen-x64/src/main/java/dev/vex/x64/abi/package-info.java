/**
 * The System V x86-64 side of the target: the register description the allocator uses
 * ({@link dev.vex.x64.abi.X64MachineSpec}) and where parameters and results live
 * ({@link dev.vex.x64.abi.AbiLayout}).
 */
package dev.vex.x64.abi;
