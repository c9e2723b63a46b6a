/**
 * The verifier: {@link dev.vex.verify.Verifier#verify} finds every way a
 * {@link dev.vex.ir.Module} breaks the rules of Vex IR that {@link dev.vex.ir.FunctionBuilder}
 * does not already enforce as it builds, and reports each as a
 * {@link dev.vex.verify.VerifierError} naming function, block, instruction and
 * {@link dev.vex.verify.Rule}.
 *
 * <p>One class per group of rules, each run by {@link dev.vex.verify.Verifier}:
 * {@link dev.vex.verify.StructureCheck} (entry block, terminators),
 * {@link dev.vex.verify.DominanceCheck} (SSA dominance),
 * {@link dev.vex.verify.OperandTypeCheck} (types against opcodes, blocks, signature),
 * {@link dev.vex.verify.CalleeCheck} (declarations against definitions and builtins; the async
 * rules of call, await, spawn and func_addr), {@link dev.vex.verify.AwaitCycleCheck} (module-wide
 * await cycles) and {@link dev.vex.verify.SuspensionSafetyCheck} (borrows and lock guards live
 * across an await, with {@link dev.vex.verify.PointerOrigins}).
 *
 * <p>Typing of each opcode's operands is a construction invariant: every function is made by
 * {@link dev.vex.ir.FunctionBuilder}, which applies {@link dev.vex.ir.TypeRules} to every
 * instruction and block call. The verifier re-checks the facts that connect an instruction to
 * something else (a block's parameters, the signature, a callee) cheaply, so a pass that builds
 * IR inconsistently is still caught.
 */
package dev.vex.verify;
