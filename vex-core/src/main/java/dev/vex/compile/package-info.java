/**
 * The compile driver: one pipeline for every target, in {@link dev.vex.compile.CompileDriver}.
 * A {@link dev.vex.compile.Target} supplies only what its ISA must; everything else is here.
 *
 * <pre>
 *   Module (IR, from text or the builder)
 *     │ Verifier.check                 every function well-formed and typed; the async rules hold
 *     ▼                                (no borrow across an await, no await cycles)     [VERIFY]
 *   Module (verified)
 *     │ AsyncLowering.lower            every async fn becomes a sync resume fn %f$resume(frame, task)
 *     ▼                                with a fixed frame layout; leaf futures' frames are the
 *   LoweredModule                      constants of RuntimeLeafFrames (the runtime is not loaded)
 *     │                                                                                  [LOWER]
 *     │ per function, in module order:
 *     │ CodeGenerator.select (target)  machine instructions on virtual registers, SSA, no critical
 *     ▼                                edges, ABI places as fixed-register operands; no IR opcode
 *   MachFunction                       is needed after this                               [ISEL]
 *     │ LinearScan.allocate            a location per operand, moves between instructions, the
 *     ▼                                frame; the MachFunction is left as it was       [REGALLOC]
 *   Allocation
 *     │ RegisterAllocationChecker      (an option) every use reads its vreg's value       [CHECK]
 *     │ CodeGenerator.emitFunction     at a 16-byte boundary: prologue with the stack-limit check,
 *     ▼ (target)                       moves, instructions, out-of-line stubs              [EMIT]
 *   bytes in the one CodeBuffer; calls inside the module go to labels
 *     │ then, once per module:
 *     │ CodeGenerator.emitArrayEntry   f$array for every function (the ISA's entry stub)
 *     │ FutureDescriptorWriter         f$desc for every async function (plain data)
 *     │ AsyncLinkage                   names: %vex_sleep$resume → vex_sleep; resume fns
 *     ▼                                reported as their async fns                        [FINISH]
 *   CompiledModule {code, symbols, relocations (target-declared FixupFormats), functions}
 *     ├─▶ JIT (vex-runtime): executable memory, relocations resolved against the runtime
 *     └─▶ AOT: ElfObjectWriter with the target's ElfMachine
 * </pre>
 *
 * <h2>Purity</h2>
 * The output is a function of the module and the {@link dev.vex.backend.CompileOptions} alone:
 * labels and symbols are made in module order, nothing reads the clock into the output, and
 * the CPU features come from the options ({@link dev.vex.backend.CpuFeatureSet}). The one
 * impure option is {@code host}, which the target resolves by looking at the machine; the JIT
 * uses it, ahead-of-time compiles default to {@code baseline}.
 *
 * <h2>Watching a compile</h2>
 * A {@link dev.vex.compile.CompileListener} receives each stage's output (for printing:
 * {@code vex compile --emit lowered|vcode|regalloc}) and each stage's time; the driver reads the
 * clock only when the listener asks for timings.
 *
 * <h2>What a target provides</h2>
 * Its name and {@code os.arch} names, {@link dev.vex.backend.MachineSpec}, ELF machine and
 * relocation types ({@link dev.vex.code.elf.ElfMachine}), CPU feature names (and the host's),
 * a disassembler for listings, and per module a {@link dev.vex.compile.CodeGenerator}: select,
 * emit (prologue and stack-limit check included), the array entry, and code padding. Targets
 * are found with {@link java.util.ServiceLoader} ({@link dev.vex.compile.Targets}).
 */
package dev.vex.compile;
