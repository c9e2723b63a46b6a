/**
 * The hand-written x86-64 assembler and its table of encoding facts.
 *
 * <p>{@link dev.vex.x64.asm.X64Assembler} is the fluent front: {@code asm.add(RAX, R12)},
 * {@code asm.mov(mem(RSP, 8), RDI)}. Its mnemonic methods are inherited from a sealed chain of
 * layers, one per instruction group ({@code AssemblerCore}, {@code ArithmeticMnemonics},
 * {@code MoveMnemonics}, {@code BitMnemonics}, {@code SseMnemonics}), so that no file holds
 * them all. Operands are typed: {@link dev.vex.x64.asm.Gpr} (8 to 64
 * bits), {@link dev.vex.x64.asm.Xmm}, {@link dev.vex.x64.asm.Mem}, Java ints and longs for
 * immediates, {@link dev.vex.code.Label} for branch targets, {@link dev.vex.x64.asm.Cond} for
 * conditions. {@link dev.vex.x64.asm.CpuFeatures} says which optional extensions may be used.
 *
 * <p><b>The table.</b> Each instruction family is declared once, in its own file, as rows of
 * {@link dev.vex.x64.asm.Encoding}: one row per form, with its operands
 * ({@link dev.vex.x64.asm.Operand}) and their placement ({@link dev.vex.x64.asm.Format}),
 * prefixes, opcode bytes, ModRM use, immediate size and CPU feature. The families are enums
 * where the family has members the caller names ({@code AluOp}, {@code ShiftOp}, {@code UnaryOp},
 * {@code ExtendOp}, {@code BitTestOp}, {@code BitCountOp}, {@code BmiOp}, {@code SseOp},
 * {@code SseConvertOp}, {@code FmaOp}) and small classes otherwise ({@code MoveInstructions},
 * {@code StackInstructions}, {@code ConditionalInstructions}, {@code BranchInstructions},
 * {@code MultiplyInstructions}, {@code TestInstruction}, {@code SseMoveInstructions},
 * {@code MiscInstructions}). A family picks the row for its operands (the width through
 * {@code Widths}, the shortest immediate, the accumulator form, ...) and emits it through the
 * package-private {@code Encoder}, which only accepts rows. Rows and {@code Widths} are records
 * so that the JIT folds a constant row's fields: this keeps the table-driven assembler close to
 * the speed of literal opcodes (X64AssemblerBenchmark). {@link dev.vex.x64.asm.EncodingTable} gathers all rows; the disassembler
 * ({@code dev.vex.x64.disasm}) decodes with them, and the tests check that the encoding matrix
 * emits every row and decodes back to it.
 */
package dev.vex.x64.asm;
