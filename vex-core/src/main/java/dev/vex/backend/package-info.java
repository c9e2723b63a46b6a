/**
 * The target-independent backend: machine functions, the target's register description, and
 * frame layout. Register allocation lives in {@link dev.vex.backend.regalloc}.
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
 * <p>Program points: instruction {@code i} has the early point {@code 2i} (uses are read) and the
 * late point {@code 2i+1} (defs are written). Moves are only ever inserted in the gap before an
 * instruction, so live ranges are split at even positions only.
 */
package dev.vex.backend;
