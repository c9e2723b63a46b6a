/**
 * The async lowering: every {@code async function %f} of a verified module becomes a sync
 * resume function, a stackless state machine in plain IR that any backend compiles like other
 * code. Entry point: {@link dev.vex.async.AsyncLowering#lower}, which gives a
 * {@link dev.vex.async.LoweredModule} (the module, and an {@link dev.vex.async.AsyncFrameLayout}
 * per async function). The frames of awaitables the module does not define (the runtime's leaf
 * futures) come from a {@link dev.vex.async.FrameSizes}.
 *
 * <h2>The resume function</h2>
 * {@code %f$resume(i64 frame, i64 task) -> i64 status, i64 value} is C's
 * {@code vex_poll f$resume(void *frame, vex_task *task)}: status 0 READY with result 0 in
 * {@code value} (zero-extended; floats as their bits), 1 PENDING. Any other status a callee
 * returns (the runtime's proposed 2 = FAILED) is passed up unchanged, like PENDING.
 *
 * <h2>The frame</h2>
 * <pre>
 *   offset                         what                                  who writes it
 *   0                              u64 state: 0 not started, k at await k  caller zeroes; f
 *   8 + 8i                         parameter i (low bits of a 64-bit slot) caller
 *   8 + 8P + 8(i-1)                result i &gt;= 1, zero-extended to 64 bits  f, before READY
 *   ---------------------------------------------- the shared ABI ends; f's own part: --------
 *   saveOffset                     save area: the values live across the await f is
 *                                  suspended in (widest first), and for await_boxed the
 *                                  callee frame pointer; sized for the largest await
 *   (each at its alignment)        f's stack slots, all of them: stack_addr is frame + offset,
 *                                  valid across awaits because frames never move
 *   calleeOffset (aligned)         callee area: the frame of the callee being awaited, embedded;
 *                                  one await is in progress at a time, so all share it, sized
 *                                  for the largest callee, at the strictest callee alignment
 *   size = rounded up to align     align = max(8, slot alignments, callee alignments)
 * </pre>
 * A frame must not be polled again after it returned READY.
 *
 * <h2>The shape of {@code %f$resume}</h2>
 * <pre>
 *   dispatch(frame, task):   state = load frame+0; br_table state, trap, [start, resume_1 .. resume_n]
 *   start:                   params = loads; the original entry block follows (or is jumped to)
 *   ...original code, each block split after each await...
 *   at await k (first poll): cf = frame + calleeOffset          (await_boxed: cf = vex_frame_alloc)
 *                            store args to cf+8+8i; store 0 to cf+0
 *                            status, word = call %callee$resume(cf, task)
 *                            brif status, pending_k, after_k(word, phis...)
 *   pending_k (cold):        store the saved values (and cf if boxed); store k to frame+0
 *                            return status, word
 *   resume_k:                cf = frame + calleeOffset           (boxed: load it from the frame)
 *                            status, word = call %callee$resume(cf, task)
 *                            brif status, suspend(status, word), reload_k
 *   reload_k:                load the saved values; jump after_k(word, phis...)
 *   after_k(word, ...):      constants and addresses live across the await recomputed;
 *                            results: word (narrowed), the rest loaded from cf's result slots;
 *                            boxed: vex_frame_free(task, cf); then the original code goes on
 *   return a0, a1..:         store a1.. to the result slots; return 0, word(a0)
 * </pre>
 * So a READY await costs the call and one branch, with nothing stored or loaded; a suspension
 * stores the live set once, and re-polling a callee that is still pending stores nothing. A
 * function without awaits has no dispatch at all. Values live across an await reach their uses
 * through new block parameters where the first-poll and resume paths meet
 * ({@link dev.vex.async.ReachingDefinitions}: SSA is rebuilt, not patched). Unreachable blocks are
 * dropped. Original values, blocks and callee declarations keep their numbers and names.
 *
 * <h2>Plan, then write</h2>
 * Each async function is lowered in two stages. {@link dev.vex.async.FrameLayoutPlanner} lays out
 * the frames ({@link dev.vex.async.AsyncFrameLayout}: the states, what each await saves where);
 * {@link dev.vex.async.ResumePlanner} then plans the resume function: the pieces the blocks are
 * split into, the control flow between them, the merges SSA reconstruction needs and the
 * {@link dev.vex.async.Definition} each use of a value live across an await reads. The result, a
 * {@link dev.vex.async.ResumePlan}, is immutable and prints itself (the golden files under
 * {@code src/test/resources/dev/vex/async/plan} show it). {@link dev.vex.async.ResumeWriter}
 * turns the plan into IR through {@link dev.vex.async.CodeWriter} and decides nothing on its own.
 *
 * <h2>{@code spawn}</h2>
 * {@code vT = spawn fnN(args)}, in sync and async functions, becomes
 * {@code vT = call %vex_spawn(func_addr %callee$desc, args_ptr)}, the arguments in 64-bit slots
 * of a stack slot of the caller (NULL when there are none): the runtime's existing
 * {@code int64_t vex_spawn(const vex_future_desc *, const uint64_t *)}. The descriptor is a data
 * object the backend emits per async function, since the runtime keeps the pointer for the task's
 * life (a descriptor built on the stack would dangle).
 *
 * <h2>Names and symbols</h2>
 * {@link dev.vex.async.AsyncSymbols}: {@code %f$resume} and {@code %f$desc} for the module's
 * async functions; for any other awaitable {@code X}, {@code %X$resume} is the C symbol {@code X}
 * and {@code %X$desc} is {@code X_desc} (the runtime's leaves, named after their builtins).
 *
 * <h2>What the compile driver does with a lowered module</h2>
 * {@link dev.vex.compile.CompileDriver} does this for every target; a target only compiles sync
 * functions.
 * <ol>
 *   <li>Compiles every function of {@link dev.vex.async.LoweredModule#module()} as an ordinary sync
 *       function in the platform C convention; a resume function's two i64 results come back in
 *       the platform's two return registers, which is exactly {@code vex_poll}.</li>
 *   <li>Maps every callee name to its symbol with {@link dev.vex.async.AsyncSymbols#symbolOf}.</li>
 *   <li>For every layout in {@link dev.vex.async.LoweredModule#layouts()}, emits the data object
 *       {@code f$desc}, a {@code vex_future_desc}
 *       ({@link dev.vex.compile.FutureDescriptorLayout}: 32 bytes, 8-aligned: resume =
 *       {@code &f$resume} at 0, u32 frame_size at 8, u32 frame_align at 12, u32 nparams at 16,
 *       u32 nresults at 20, name pointer at 24).</li>
 *   <li>Gives {@code func_addr} of a {@code $desc} name the data object's address (a data
 *       relocation, not a PLT or code address).</li>
 *   <li>Runs an async function as a task with {@code vex_block_on(rt, &f$desc, args, results)}.</li>
 * </ol>
 *
 * <h2>Preconditions</h2>
 * The module has passed {@link dev.vex.verify.Verifier#check}: SSA with dominance, awaits only in
 * async functions on async callees, no cycle of plain awaits, no borrow or guard live across an
 * await. The lowered module verifies again (its functions are sync, and its new callees are
 * external symbols as far as the verifier knows).
 */
package dev.vex.async;
