/**
 * Emit: turns an allocated machine function into x86-64 code with
 * {@link dev.vex.x64.asm.X64Assembler}. {@link dev.vex.x64.emit.FunctionEmitter} drives it
 * (prologue with the stack-limit check, the allocator's moves, control flow, memory, calls,
 * trap stubs); integer, float, conversion, atomic, tail-call and f16 operations each have their
 * own emitter;
 * {@link dev.vex.x64.emit.ArrayEntryEmitter} writes the array-call entries. The loop over
 * functions, the listing and the async descriptors are the core driver's
 * ({@code dev.vex.compile}).
 */
package dev.vex.x64.emit;
