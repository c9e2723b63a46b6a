/**
 * Ahead-of-time output: an ELF64 relocatable object ({@code .o}) from a
 * {@link dev.vex.backend.CompiledModule}, which a system linker links with libvexrt and C code.
 *
 * <ul>
 *   <li>{@link dev.vex.code.elf.ElfObjectWriter}: the sections and their layout, target-neutral.</li>
 *   <li>{@link dev.vex.code.elf.ElfMachine}: a machine's {@code e_machine} and how each
 *       {@link dev.vex.code.FixupFormat} becomes one of its relocation types, declared by its target ({@code Target.elfMachine()}).</li>
 *   <li>{@link dev.vex.code.elf.ElfBytes}: the little-endian byte writer.</li>
 * </ul>
 */
package dev.vex.code.elf;
