/**
 * The target-independent backend: machine functions, the target's register description, and
 * frame layout. Register allocation lives in {@link dev.vex.backend.regalloc}; the driver that
 * runs the whole pipeline, from verified IR to bytes, and the {@code Target} interface live in
 * {@link dev.vex.compile}. {@link dev.vex.backend.CompileOptions} (with its
 * {@link dev.vex.backend.CpuFeatureSet}) is everything a compile depends on besides the module.
 *
 * <pre>
 *   Module (verified IR)
 *     │ isel (per target)        every value is a virtual register (vreg) of one RegClass;
 *     ▼                          SSA: one def per vreg, block params instead of phis,
 *   MachFunction                 no critical edges, entry block has no params or preds,
 *     │                          ABI places expressed as fixed-register operands
 *     │ LinearScan.allocate      lifetime analysis → allocation (with splitting) →
 *     ▼                          spill positions and slots → data-flow resolution → locations
 *   Allocation                   per operand a physical register or spill slot; moves to insert
 *     │                          before each instruction; FrameLayout; used callee-saved regs.
 *     │                          The MachFunction is unchanged (stage outputs are immutable).
 *     │ RegisterAllocationChecker (tests, debug): every use reads the value of its vreg
 *     ▼
 *   emit (per target)            instruction by instruction: the edits before it, then it,
 *                                with each operand at its location
 * </pre>
 *
 * <h2>What a target provides</h2>
 * A {@link dev.vex.backend.MachineSpec}: register numbering and classes, allocation order
 * (caller-saved first), caller- and callee-saved sets, one scratch register per class that is
 * never allocated, spill slot sizes. A {@link dev.vex.backend.MachInst} payload per instruction.
 *
 * <h2>What isel produces</h2>
 * A {@link dev.vex.backend.MachFunction} through {@link dev.vex.backend.MachFunctionBuilder}:
 * incoming register arguments as fixed defs of a pseudo-instruction at the top of the entry block;
 * calls as one instruction with fixed uses (arguments), fixed defs (results) and the caller-saved
 * set as clobbers; returns as a terminator with fixed uses; x86 two-address forms as
 * {@code REUSE_INPUT} defs; memory-capable operands as {@code REG_OR_STACK}; critical edges split.
 * An await is an instruction that clobbers every register.
 *
 * <h2>What emit consumes</h2>
 * The {@link dev.vex.backend.regalloc.Allocation}: for each instruction in layout order, first the
 * moves before it (register to register, register to slot, slot to register; never slot to slot),
 * then the instruction with each operand at its location (a register or a spill slot, whose
 * offset is in the {@link dev.vex.backend.FrameLayout}); the prologue saves
 * {@code usedCalleeSaved()} at the layout's save offsets. Moves are plain moves, loads and
 * stores: they must not change condition flags, as a compare may precede the branch they
 * precede. Block arguments need no code of their own: the edge moves are among the moves.
 *
 * <p>Program points: instruction {@code i} has the early point {@code 2i} (uses are read) and the
 * late point {@code 2i+1} (defs are written). Moves are only ever inserted in the gap before an
 * instruction, so live ranges are split at even positions only.
 */
package dev.vex.backend;
