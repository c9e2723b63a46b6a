/**
 * The JIT: compiled code made runnable in this process.
 *
 * <pre>
 * CompiledModule ──JitLinker──▶ JitImage
 *   lay out   code | call stubs (one per external symbol) | TLS slots (thread-pointer offsets)
 *   map       ExecutableMemory: mmap read-write, copy the linked image, mprotect read-execute
 *             (never writable and executable at once); munmap on close
 *   resolve   module symbols to their mapped addresses, externals through RuntimeSymbols
 *             (libvexrt first, then the process, libm and libc)
 * </pre>
 *
 * <ul>
 *   <li>{@link dev.vex.runtime.jit.JitLinker} and {@link dev.vex.runtime.jit.JitImage}: linking
 *       and the linked, mapped result, which also maps a trap's address back to its function.</li>
 *   <li>{@link dev.vex.runtime.jit.ExecutableMemory}: one mapping and its W^X life cycle.</li>
 *   <li>{@link dev.vex.runtime.jit.CallStubFormat}: the per-target far-call stub.</li>
 *   <li>{@link dev.vex.runtime.jit.TrapExit}: {@code vex_invoke} and the stack limit's TLS offset,
 *       bound to libvexrt with JNA direct mapping.</li>
 *   <li>{@link dev.vex.runtime.jit.Targets}: the JIT's view of vex-core's target registry (this machine's target, a target by name).</li>
 *   <li>{@link dev.vex.runtime.jit.NativeEngine}: the {@code x64} engine of the run-test runner
 *       and the {@code vex} tool; {@link dev.vex.runtime.jit.AsyncRunLine} runs an async run line
 *       as a task, {@link dev.vex.runtime.jit.NativeCallThread} a sync one on a big stack.</li>
 * </ul>
 */
package dev.vex.runtime.jit;
