/**
 * The reference interpreter: the oracle every native result is compared against, bit for bit.
 *
 * <p>Values are held canonically: a value of type {@code T} is a {@code long} whose low
 * {@code T.bits()} bits are the value and whose upper bits are zero; floats are their IEEE 754
 * bit patterns. {@link dev.vex.interp.ScalarEvaluator} computes one pure scalar operation on
 * such values with Cranelift's semantics; the families of operations live in their own
 * classes ({@code IntArithmetic}, {@code BitOperations}, {@code OverflowArithmetic},
 * {@code Comparisons}, {@code FloatArithmetic}, {@code Conversions}). An operation that traps
 * throws {@link dev.vex.interp.Trap}.
 *
 * <p>The interpreter proper, entered through {@link dev.vex.interp.Interpreter}:
 * <pre>
 *   Module ─▶ Program (functions decoded on first use: DecodedFunction, DecodedInstruction,
 *             DecodedBranch; callee names resolved to a Callee; func_addr tokens)
 *   run ─▶ Scheduler (run queue, VirtualClock, task handles)
 *             └─ Task (explicit Frame stack, StackSegment) ─▶ Executor (the instruction loop)
 *                   ├─ Memory (simulated 32-bit address space: task stacks, heap)
 *                   └─ Builtins (%vex_* behaviour; Channel; NetReactor: real sockets through NIO)
 * </pre>
 * A run that uses no sockets is deterministic: same module, function and arguments give the same
 * outcome, the same instruction count and the same virtual time. A run with sockets follows its
 * peer; docs/BUILTINS.md ("On the interpreter") says how I/O readiness meets virtual time.
 *
 * <p>{@link dev.vex.interp.InterpreterSession} keeps one address space across many calls of sync
 * functions and lets {@link dev.vex.interp.HostFunction}s (Java) stand in for C symbols: the hook
 * with which tests drive lowered async code (resume functions polled against frames in memory)
 * the way the native runtime does.
 */
package dev.vex.interp;
