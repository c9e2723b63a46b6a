/**
 * Linear-scan register allocation on SSA with block parameters, after Wimmer and Franz, "Linear
 * Scan Register Allocation on SSA Form" (CGO 2010), organised like Graal's LSRA: a driver
 * ({@link dev.vex.backend.regalloc.LinearScan}) and one class per phase.
 *
 * <pre>
 *   MachFunction ─ LifetimeAnalysis ─▶ Lifetimes   live-in bit sets; per vreg an Interval (ranges
 *                                                  [from,to) + sentinel, packed use positions);
 *                                                  per register a fixed Interval (constraints,
 *                                                  clobbers) whose ranges name their owner vreg
 *                ─ LinearScanWalker ──▶ the same intervals, split, each part in a register or
 *                                       "stack"; no two overlapping parts share a register, no
 *                                       part sits in a register blocked for another vreg
 *                ─ SpillSlotAssigner ─▶ SpillSlots  store once at the def or at each spill; slots
 *                                                   reused by class once their span has ended
 *                ─ DataFlowResolver ──▶ MoveList    edge moves (live-ins, block parameters)
 *                ─ LocationAssigner ──▶ operand locations; copies for fixed registers and
 *                                       reused inputs; moves where a vreg was split in a block
 *                ─ MoveSequencer ─────▶ Allocation  parallel moves ordered, cycles broken with
 *                                                   the scratch register (or a spare slot)
 *   RegisterAllocationChecker: abstract interpretation proving the Allocation right (tests, debug)
 * </pre>
 *
 * <p>Positions are even for the early point of an instruction and odd for its late point; moves
 * go only in the gap before an instruction, in the order edge-in, after-def (splits, copies out of
 * fixed def registers, spill stores, reused inputs into their def's register), before-use
 * (copies into fixed use registers), edge-out. The MachFunction is never modified.
 *
 * <p>Async functions: an await is an instruction that clobbers every allocatable register (its
 * results fixed to the return registers). Values live across it therefore end up in spill slots
 * around it, stored once after their definition when that is cheaper, and values not live across
 * it keep their registers; a later pass can map those slots into the async frame.
 */
package dev.vex.backend.regalloc;
