/**
 * Analyses of Vex IR that the verifier, the async lowering, the register allocator and the
 * backends share. Each one is computed once from a finished {@link dev.vex.ir.Function} (or
 * {@link dev.vex.ir.Module}), is immutable afterwards, keeps its facts in int arrays or bit sets
 * indexed by {@link dev.vex.ir.Block#id()} and {@link dev.vex.ir.Value#id()}, and prints itself.
 *
 * <ul>
 *   <li>{@link dev.vex.analysis.ControlFlowGraph}: predecessors, successors, reverse postorder,
 *       reachability.</li>
 *   <li>{@link dev.vex.analysis.DominatorTree}: immediate dominators (Cooper, Harvey and Kennedy's
 *       iterative algorithm) and constant-time dominance queries.</li>
 *   <li>{@link dev.vex.analysis.Liveness}: live-in and live-out {@link dev.vex.analysis.ValueSet}s
 *       per block, block parameters treated SSA-style.</li>
 *   <li>{@link dev.vex.analysis.AwaitAnalysis}: the suspension points of an async function and the
 *       values live across each, which the async lowering keeps in the frame.</li>
 *   <li>{@link dev.vex.analysis.CallGraph}: call, await, await_boxed and spawn edges of a module,
 *       with cycle finding.</li>
 *   <li>{@link dev.vex.analysis.RuntimeBuiltin}: the runtime builtins of ASYNC-IR.md, their
 *       signatures and kinds, in one table.</li>
 * </ul>
 */
package dev.vex.analysis;
