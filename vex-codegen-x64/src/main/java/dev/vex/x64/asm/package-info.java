/**
 * The hand-written x86-64 assembler.
 *
 * <p>{@link dev.vex.x64.asm.X64Assembler} is the fluent front: {@code asm.add(RAX, R12)},
 * {@code asm.mov(mem(RSP, 8), RDI)}. Its mnemonic methods are inherited from a sealed chain of
 * layers, one per instruction group ({@code AssemblerCore}, {@code ArithmeticMnemonics},
 * {@code MoveMnemonics}, {@code BitMnemonics}, {@code SseMnemonics}), so that no file holds
 * them all. Operands are typed: {@link dev.vex.x64.asm.Gpr} (8 to 64
 * bits), {@link dev.vex.x64.asm.Xmm}, {@link dev.vex.x64.asm.Mem}, Java ints and longs for
 * immediates, {@link dev.vex.code.Label} for branch targets, {@link dev.vex.x64.asm.Cond} for
 * conditions. Each instruction family is one descriptor table in its own file ({@code AluOp},
 * {@code ShiftOp}, {@code UnaryOp}, {@code SseOp}, {@code BmiOp}, {@code FmaOp}, ...) or, for
 * families of one-off encodings, one small class; all of them emit through the package-private
 * {@code Encoder}. {@link dev.vex.x64.asm.CpuFeatures} says which optional extensions may be used.
 */
package dev.vex.x64.asm;
