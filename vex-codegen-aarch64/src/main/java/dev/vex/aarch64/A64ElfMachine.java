package dev.vex.aarch64;

import dev.vex.code.FixupFormat;
import dev.vex.code.elf.ElfMachine;
import java.util.Map;
import java.util.Set;

/**
 * AArch64 in ELF (the ARM ELF ABI, "ELF for the Arm 64-bit Architecture"): {@code EM_AARCH64}
 * (183) and a relocation type per fixup format. A 26-bit branch to a symbol is a call
 * ({@code R_AARCH64_CALL26}; the code makes no tail calls, so {@code JUMP26} has no format of its
 * own yet); {@code ADRP}/{@code ADD :lo12:} pairs address functions; the initial-exec TLS pair
 * reaches {@code vex_stack_limit}.
 */
final class A64ElfMachine {
    static final ElfMachine INSTANCE = new ElfMachine("aarch64", 183, Map.of(
            FixupFormat.PC_REL26_SCALED4, 283,                   // R_AARCH64_CALL26
            FixupFormat.PC_PAGE21_SPLIT, 275,                    // R_AARCH64_ADR_PREL_PG_HI21
            FixupFormat.PAGE_OFFSET12_AT10, 277,                 // R_AARCH64_ADD_ABS_LO12_NC
            FixupFormat.ABS64, 257,                              // R_AARCH64_ABS64
            FixupFormat.TLS_IE_PAGE21_SPLIT, 541,                // R_AARCH64_TLSIE_ADR_GOTTPREL_PAGE21
            FixupFormat.TLS_IE_PAGE_OFFSET12_AT10_SCALED8, 542), // R_AARCH64_TLSIE_LD64_GOTTPREL_LO12_NC
            Set.of(FixupFormat.TLS_IE_PAGE21_SPLIT, FixupFormat.TLS_IE_PAGE_OFFSET12_AT10_SCALED8));

    private A64ElfMachine() {
    }
}
