package dev.vex.code.elf;

import dev.vex.code.FixupFormat;
import java.util.Map;

/**
 * What the ELF writer needs to know about one machine: its {@code e_machine} number and the
 * relocation type each fixup format becomes.
 *
 * @param name         the Vex target name ({@code x64})
 * @param eMachine     ELF's machine number
 * @param relocations  relocation type per fixup format
 */
public record ElfMachine(String name, int eMachine, Map<FixupFormat, Integer> relocations) {
    /**
     * x86-64 (System V psABI): a rel32 is a call or jump to a function, so {@code R_X86_64_PLT32}
     * (the linker may route it through the PLT); the initial-exec TLS load is {@code
     * R_X86_64_GOTTPOFF}; absolute addresses are {@code R_X86_64_64} and {@code R_X86_64_32}.
     */
    public static final ElfMachine X86_64 = new ElfMachine("x64", 62, Map.of(
            FixupFormat.PC_REL32, 4,          // R_X86_64_PLT32
            FixupFormat.TLS_IE_PC_REL32, 22,  // R_X86_64_GOTTPOFF
            FixupFormat.ABS64, 1,             // R_X86_64_64
            FixupFormat.ABS32, 10,            // R_X86_64_32
            FixupFormat.PC_REL8, 15));        // R_X86_64_PC8

    /** Keeps a copy of the relocation table. */
    public ElfMachine {
        relocations = Map.copyOf(relocations);
    }

    /** The machine of the Vex target named {@code targetName}, or null if the writer has none. */
    public static ElfMachine forTarget(String targetName) {
        return targetName.equals(X86_64.name()) ? X86_64 : null;
    }

    /** The relocation type for {@code format}, or -1 if this machine has none. */
    public int relocationType(FixupFormat format) {
        Integer t = relocations.get(format);
        return t == null ? -1 : t;
    }

    /** Whether {@code format} is a thread-local access, whose symbol is {@code STT_TLS}. */
    public boolean isThreadLocal(FixupFormat format) {
        return format.equals(FixupFormat.TLS_IE_PC_REL32);
    }
}
