/**
 * Vex IR: an SSA intermediate representation with Cranelift's CLIF as its text form, plus async
 * functions and the {@code await}, {@code await_boxed} and {@code spawn} instructions.
 *
 * <ul>
 *   <li>Vocabulary: {@link dev.vex.ir.Type}, {@link dev.vex.ir.Opcode},
 *       {@link dev.vex.ir.InstructionFormat}, {@link dev.vex.ir.IntCC}, {@link dev.vex.ir.FloatCC},
 *       {@link dev.vex.ir.TrapCode}, {@link dev.vex.ir.MemFlags}, {@link dev.vex.ir.TypeRules}.</li>
 *   <li>The model: a {@link dev.vex.ir.Module} of {@link dev.vex.ir.Function}s; a function's
 *       {@link dev.vex.ir.Signature} (of {@link dev.vex.ir.AbiParam}s with
 *       {@link dev.vex.ir.ParamFlag}s), its preamble ({@link dev.vex.ir.StackSlot},
 *       {@link dev.vex.ir.SigRef}, {@link dev.vex.ir.FuncRef}) and its {@link dev.vex.ir.Block}s in
 *       layout order, each with parameters and {@link dev.vex.ir.Instruction}s whose operands and
 *       results are {@link dev.vex.ir.Value}s; branches carry {@link dev.vex.ir.BlockCall}s.</li>
 *   <li>Making it: {@link dev.vex.ir.FunctionBuilder} (type-checked as it builds, errors are
 *       {@link dev.vex.ir.IrBuildException}), {@link dev.vex.ir.InstructionSpec} for opcode-generic
 *       code, {@link dev.vex.ir.ModuleBuilder}; SSA construction from {@link dev.vex.ir.Variable}s
 *       (the builder's {@code SsaBuilder}, after Braun et al.) for front ends that would rather not
 *       place block parameters themselves.</li>
 *   <li>Looking at it: {@link dev.vex.ir.IrPrinter} (CLIF text, also {@code toString()}),
 *       {@link dev.vex.ir.IeeeFormat}, {@link dev.vex.ir.StructuralEquality}.</li>
 * </ul>
 *
 * <p>Invariants of a built function: every value used is defined exactly once; every operand
 * and block argument has the type its opcode or block wants; result types follow Cranelift's
 * rules. Not checked here (the verifier's job): terminators, dominance, async rules.
 */
package dev.vex.ir;
