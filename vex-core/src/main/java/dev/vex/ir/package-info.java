/**
 * Vex IR: an SSA intermediate representation with Cranelift's CLIF as its text form, plus async
 * functions and the {@code await}, {@code await_boxed} and {@code spawn} instructions.
 *
 * <p>Types, opcodes and instruction formats; values, blocks with parameters, instructions,
 * signatures, stack slots, function and signature references; functions and modules; and the
 * builder through which front ends make them.
 */
package dev.vex.ir;
