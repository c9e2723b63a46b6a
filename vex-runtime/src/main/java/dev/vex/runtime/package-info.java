/**
 * The native side of Vex, as Java sees it.
 *
 * <ul>
 *   <li>The JIT API: {@link dev.vex.runtime.Vex} compiles a verified module for this machine into a
 *       {@link dev.vex.runtime.NativeModule} (executable memory, freed on close), whose
 *       {@link dev.vex.runtime.NativeFunction}s are called with Java values or raw bit patterns. A
 *       trap in generated code surfaces as a {@link dev.vex.runtime.VexTrapException}; a bad call
 *       as a {@link dev.vex.runtime.VexCallException}. The linking lives in
 *       {@code dev.vex.runtime.jit}.</li>
 *   <li>The C runtime's Java API: {@link dev.vex.runtime.VexRuntime}, tasks by
 *       {@link dev.vex.runtime.FutureDescriptor}, or compiled async functions run as tasks with
 *       {@code blockOn(nativeFunction, args...)} and {@code spawn(...)} (typed like sync calls).
 *       The leaf futures' frames are ABI constants in vex-core
 *       ({@code dev.vex.compile.RuntimeLeafFrames}); compiling never loads the runtime.</li>
 * </ul>
 * The C sources live in {@code src/main/c}; {@code vex_runtime.h} is the ABI contract.
 */
package dev.vex.runtime;
