/**
 * The native side of Vex: the C runtime's Java API ({@link dev.vex.runtime.VexRuntime}, tasks by
 * {@link dev.vex.runtime.FutureDescriptor}), and later executable memory and the JIT API. The C
 * sources live in {@code src/main/c}; {@code vex_runtime.h} is the ABI contract.
 */
package dev.vex.runtime;
