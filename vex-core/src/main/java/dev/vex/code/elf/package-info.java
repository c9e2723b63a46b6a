/**
 * ELF output. Ahead of time: an ELF64 relocatable object ({@code .o}) from a
 * {@link dev.vex.backend.CompiledModule}, which a system linker links with libvexrt and C code.
 * Just in time: an object that only names code already in memory, for debuggers.
 *
 * <ul>
 *   <li>{@link dev.vex.code.elf.ElfObjectWriter}: the sections and their layout, target-neutral.</li>
 *   <li>{@link dev.vex.code.elf.ElfObjectOptions}: symbol prefix and the weak runtime defaults of an object that links without libvexrt.</li>
 *   <li>{@link dev.vex.code.elf.ElfMachine}: a machine's {@code e_machine} and how each
 *       {@link dev.vex.code.FixupFormat} becomes one of its relocation types, declared by its target ({@code Target.elfMachine()}).</li>
 *   <li>{@link dev.vex.code.elf.ElfSymbolFile}: symbols for code at a given address, no code
 *       (what GDB's JIT interface reads).</li>
 *   <li>{@link dev.vex.code.elf.ElfBytes}, {@link dev.vex.code.elf.ElfStringTable}: the
 *       little-endian byte writer and the string tables.</li>
 * </ul>
 */
package dev.vex.code.elf;
