/**
 * The x86-64 target: {@link dev.vex.x64.X64Target} drives isel ({@code isel}), the System V ABI
 * ({@code abi}) and emit ({@code emit}) over the assembler in {@code asm}.
 */
package dev.vex.x64;
