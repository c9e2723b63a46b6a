package dev.vex.x64;

import dev.vex.code.FixupFormat;
import dev.vex.code.elf.ElfMachine;
import java.util.Map;
import java.util.Set;

/**
 * x86-64 in ELF (System V psABI): {@code EM_X86_64}, and a relocation type per fixup format.
 * A rel32 is a call or jump to a function, so {@code R_X86_64_PLT32} (the linker may route it
 * through the PLT); the initial-exec TLS load is {@code R_X86_64_GOTTPOFF}; absolute addresses
 * are {@code R_X86_64_64} and {@code R_X86_64_32}.
 */
final class X64ElfMachine {
    static final ElfMachine INSTANCE = new ElfMachine("x64", 62, Map.of(
            FixupFormat.PC_REL32, 4,          // R_X86_64_PLT32
            FixupFormat.TLS_IE_PC_REL32, 22,  // R_X86_64_GOTTPOFF
            FixupFormat.ABS64, 1,             // R_X86_64_64
            FixupFormat.ABS32, 10,            // R_X86_64_32
            FixupFormat.PC_REL8, 15),         // R_X86_64_PC8
            Set.of(FixupFormat.TLS_IE_PC_REL32));

    private X64ElfMachine() {
    }
}
