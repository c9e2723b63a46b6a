package dev.vex.code.elf;

import java.util.List;

/**
 * An ELF64 little-endian object that names code already in memory, for a debugger: what GDB's
 * JIT interface loads. It holds no code and no relocations: a {@code .text} section of type
 * {@code SHT_NOBITS} whose address is where the code runs, a {@code .symtab} of
 * {@code STT_FUNC} symbols (values relative to {@code .text}, as in any relocatable object), and
 * their string tables.
 */
public final class ElfSymbolFile {
    private static final int SHT_SYMTAB = 2;
    private static final int SHT_STRTAB = 3;
    private static final int SHT_NOBITS = 8;
    private static final int SHF_ALLOC = 0x2;
    private static final int SHF_EXECINSTR = 0x4;
    private static final int STB_LOCAL = 0;
    private static final int STB_GLOBAL = 1;
    private static final int STT_FUNC = 2;
    private static final int STT_SECTION = 3;
    private static final int TEXT_INDEX = 1;
    private static final int STRTAB_INDEX = 3;
    private static final int SHSTRTAB_INDEX = 4;
    private static final int SECTION_COUNT = 5;

    /** A function: {@code offset} bytes into the code, {@code size} bytes long. */
    public record Symbol(String name, long offset, long size) {
    }

    private ElfSymbolFile() {
    }

    /** The object's bytes, for code of {@code textSize} bytes at {@code textAddress}. */
    public static byte[] write(ElfMachine machine, long textAddress, long textSize, List<Symbol> symbols) {
        ElfStringTable strtab = new ElfStringTable();
        ElfBytes out = new ElfBytes();
        out.bytes(new byte[64]); // the header, written last

        out.align(8);
        int symtabOffset = out.size();
        symbol(out, 0, 0, 0, 0, 0);
        symbol(out, 0, (STB_LOCAL << 4) | STT_SECTION, TEXT_INDEX, 0, 0);
        for (Symbol s : symbols) {
            symbol(out, strtab.add(s.name()), (STB_GLOBAL << 4) | STT_FUNC, TEXT_INDEX, s.offset(), s.size());
        }
        int symtabSize = out.size() - symtabOffset;

        int strtabOffset = out.size();
        byte[] strBytes = strtab.bytes();
        out.bytes(strBytes);

        ElfStringTable shstr = new ElfStringTable();
        int text = shstr.add(".text");
        int symtab = shstr.add(".symtab");
        int str = shstr.add(".strtab");
        int shstrtab = shstr.add(".shstrtab");
        int shstrOffset = out.size();
        byte[] shstrBytes = shstr.bytes();
        out.bytes(shstrBytes);

        out.align(8);
        int shoff = out.size();
        section(out, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        section(out, text, SHT_NOBITS, SHF_ALLOC | SHF_EXECINSTR, textAddress, 0, textSize, 0, 0, 16, 0);
        section(out, symtab, SHT_SYMTAB, 0, 0, symtabOffset, symtabSize, STRTAB_INDEX, 2, 8, 24);
        section(out, str, SHT_STRTAB, 0, 0, strtabOffset, strBytes.length, 0, 0, 1, 0);
        section(out, shstrtab, SHT_STRTAB, 0, 0, shstrOffset, shstrBytes.length, 0, 0, 1, 0);

        byte[] file = out.toByteArray();
        ElfBytes h = new ElfBytes();
        h.u8(0x7F).u8('E').u8('L').u8('F')
                .u8(2)  // ELFCLASS64
                .u8(1)  // ELFDATA2LSB
                .u8(1)  // EV_CURRENT
                .u8(0)  // ELFOSABI_NONE
                .u64(0) // ABI version and padding
                .u16(1) // ET_REL
                .u16(machine.eMachine())
                .u32(1) // EV_CURRENT
                .u64(0) // e_entry
                .u64(0) // e_phoff
                .u64(shoff)
                .u32(0) // e_flags
                .u16(64).u16(0).u16(0) // e_ehsize, e_phentsize, e_phnum
                .u16(64).u16(SECTION_COUNT).u16(SHSTRTAB_INDEX);
        byte[] header = h.toByteArray();
        System.arraycopy(header, 0, file, 0, header.length);
        return file;
    }

    private static void symbol(ElfBytes out, int name, int info, int shndx, long value, long size) {
        out.u32(name).u8(info).u8(0).u16(shndx).u64(value).u64(size);
    }

    private static void section(ElfBytes out, int name, int type, long flags, long addr, long offset, long size,
            int link, int info, long align, long entsize) {
        out.u32(name).u32(type).u64(flags).u64(addr).u64(offset).u64(size).u32(link).u32(info).u64(align).u64(entsize);
    }
}
