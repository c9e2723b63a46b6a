package dev.vex.code.elf;

import dev.vex.code.FixupFormat;
import java.util.Map;
import java.util.Set;

/**
 * What the ELF writer needs to know about one machine, declared by its target: its
 * {@code e_machine} number, the relocation type each fixup format becomes, and which formats
 * reach thread-local symbols ({@code STT_TLS}).
 *
 * @param name         the Vex target name
 * @param eMachine     ELF's machine number
 * @param relocations  relocation type per fixup format
 * @param threadLocal  the formats whose symbol is thread-local
 */
public record ElfMachine(String name, int eMachine, Map<FixupFormat, Integer> relocations,
        Set<FixupFormat> threadLocal) {
    /** Keeps copies of the relocation and thread-local tables. */
    public ElfMachine {
        relocations = Map.copyOf(relocations);
        threadLocal = Set.copyOf(threadLocal);
    }

    /** The relocation type for {@code format}, or -1 if this machine has none. */
    public int relocationType(FixupFormat format) {
        Integer t = relocations.get(format);
        return t == null ? -1 : t;
    }

    /** Whether {@code format} is a thread-local access, whose symbol is {@code STT_TLS}. */
    public boolean isThreadLocal(FixupFormat format) {
        return threadLocal.contains(format);
    }
}
