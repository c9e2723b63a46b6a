/**
 * AArch64 emission: allocated machine functions to A64 code ({@link dev.vex.aarch64.emit.FunctionEmitter}
 * with {@link dev.vex.aarch64.emit.IntegerEmitter}), and array-call entries
 * ({@link dev.vex.aarch64.emit.ArrayEntryEmitter}).
 */
package dev.vex.aarch64.emit;
