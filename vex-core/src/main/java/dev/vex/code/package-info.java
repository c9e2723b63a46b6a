/**
 * The target-independent code buffer: the bytes an assembler emits, the labels that branch
 * between them, and the relocations and symbol definitions a JIT linker or an ELF writer reads.
 *
 * <ul>
 *   <li>{@link dev.vex.code.CodeBuffer}: a growable little-endian byte array with fused writers,
 *       label binding and the relocation and symbol lists.</li>
 *   <li>{@link dev.vex.code.Label}: a position in the code, bound once, used before or after it
 *       is bound; forward uses wait in an {@code int[]} and are patched when it is bound.</li>
 *   <li>{@link dev.vex.code.FixupFormat}: which bytes and bits a patch writes and how the value
 *       is scaled and range-checked. Label uses and relocations share this one description, so
 *       x86-64's rel8/rel32/abs64 fields and AArch64's 19- and 26-bit branch fields are all data.</li>
 *   <li>{@link dev.vex.code.Relocation} and {@link dev.vex.code.SymbolDefinition}: references to
 *       and definitions of named symbols, resolved later by a linker.</li>
 * </ul>
 *
 * <p>Nothing here knows a target's instruction encoding.
 */
package dev.vex.code;
