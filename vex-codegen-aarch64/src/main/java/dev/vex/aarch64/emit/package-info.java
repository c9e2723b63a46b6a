/**
 * AArch64 emission: allocated machine functions to A64 code ({@link dev.vex.aarch64.emit.FunctionEmitter}
 * with {@link dev.vex.aarch64.emit.IntegerEmitter}, {@link dev.vex.aarch64.emit.FloatEmitter},
 * {@link dev.vex.aarch64.emit.ConversionEmitter} and {@link dev.vex.aarch64.emit.AtomicEmitter}), and array-call entries
 * ({@link dev.vex.aarch64.emit.ArrayEntryEmitter}).
 */
package dev.vex.aarch64.emit;
