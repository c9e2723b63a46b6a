/**
 * AAPCS64, the AArch64 procedure call standard, as Vex uses it: the registers the allocator sees
 * ({@link dev.vex.aarch64.abi.A64MachineSpec}) and where a signature's parameters and results
 * live ({@link dev.vex.aarch64.abi.Aapcs64Layout}).
 */
package dev.vex.aarch64.abi;
