package dev.vex.code.elf;

import dev.vex.backend.CompiledFunction;
import dev.vex.backend.CompiledModule;
import dev.vex.code.CodeException;
import dev.vex.code.Relocation;
import dev.vex.code.SymbolDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link CompiledModule} as an ELF64 little-endian relocatable object.
 *
 * <p>Sections, in this order: the null section, {@code .text} (the code, 16-aligned),
 * {@code .rela.text}, {@code .symtab}, {@code .strtab}, {@code .shstrtab} and an empty
 * {@code .note.GNU-stack}, which tells the linker the code needs no executable stack. Symbols:
 * the {@code .text} section symbol (local), then every symbol the module defines as a global
 * {@code STT_FUNC} (functions with their size, other symbols such as array entries up to the
 * next symbol), then every symbol it only references as a global undefined symbol ({@code
 * STT_TLS} when a thread-local access names it). Each relocation names its symbol, with its
 * addend, so calls between the module's functions stay relocations for the linker too.
 */
public final class ElfObjectWriter {
    private static final int SHT_PROGBITS = 1;
    private static final int SHT_SYMTAB = 2;
    private static final int SHT_STRTAB = 3;
    private static final int SHT_RELA = 4;
    private static final int SHF_ALLOC = 0x2;
    private static final int SHF_EXECINSTR = 0x4;
    private static final int SHF_INFO_LINK = 0x40;
    private static final int STB_LOCAL = 0;
    private static final int STB_GLOBAL = 1;
    private static final int STT_NOTYPE = 0;
    private static final int STT_FUNC = 2;
    private static final int STT_SECTION = 3;
    private static final int STT_TLS = 6;
    private static final int TEXT_INDEX = 1;
    private static final int SYMTAB_INDEX = 3;
    private static final int STRTAB_INDEX = 4;
    private static final int SHSTRTAB_INDEX = 5;
    private static final int SECTION_COUNT = 7;

    private final ElfMachine machine;

    /** A writer of objects for {@code machine}. */
    public ElfObjectWriter(ElfMachine machine) {
        this.machine = machine;
    }

    private record Sym(String name, int info, int shndx, long value, long size) {
    }

    /** The object file's bytes. */
    public byte[] write(CompiledModule module) {
        if (!module.targetName().equals(machine.name())) {
            throw new CodeException("code for " + module.targetName() + " given to the " + machine.name() + " ELF writer");
        }
        byte[] code = module.code();
        ElfStringTable strtab = new ElfStringTable();
        List<Sym> symbols = symbols(module, code.length);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            index.put(symbols.get(i).name(), i);
        }
        int firstGlobal = 2; // null, .text section symbol

        ElfBytes out = new ElfBytes();
        out.bytes(new byte[64]); // the header, written last

        out.align(16);
        int textOffset = out.size();
        out.bytes(code);

        out.align(8);
        int relaOffset = out.size();
        for (Relocation r : module.relocations()) {
            int type = machine.relocationType(r.format());
            if (type < 0) {
                throw new CodeException("no " + machine.name() + " ELF relocation for a " + r.format().name()
                        + " field (symbol '" + r.symbol() + "' at offset " + r.offset() + ")");
            }
            out.u64(r.offset()).u64(((long) index.get(r.symbol()) << 32) | type).u64(r.addend());
        }
        int relaSize = out.size() - relaOffset;

        out.align(8);
        int symtabOffset = out.size();
        for (Sym s : symbols) {
            out.u32(s.name().isEmpty() ? 0 : strtab.add(s.name())).u8(s.info()).u8(0).u16(s.shndx())
                    .u64(s.value()).u64(s.size());
        }
        int symtabSize = out.size() - symtabOffset;

        int strtabOffset = out.size();
        byte[] strBytes = strtab.bytes();
        out.bytes(strBytes);

        ElfStringTable shstr = new ElfStringTable();
        String[] names = {"", ".text", ".rela.text", ".symtab", ".strtab", ".shstrtab", ".note.GNU-stack"};
        int[] nameOffsets = new int[names.length];
        for (int i = 1; i < names.length; i++) {
            nameOffsets[i] = shstr.add(names[i]);
        }
        int shstrOffset = out.size();
        byte[] shstrBytes = shstr.bytes();
        out.bytes(shstrBytes);
        int noteOffset = out.size();

        out.align(8);
        int shoff = out.size();
        section(out, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        section(out, nameOffsets[1], SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, textOffset, code.length, 0, 0, 16, 0);
        section(out, nameOffsets[2], SHT_RELA, SHF_INFO_LINK, relaOffset, relaSize, SYMTAB_INDEX, TEXT_INDEX, 8, 24);
        section(out, nameOffsets[3], SHT_SYMTAB, 0, symtabOffset, symtabSize, STRTAB_INDEX, firstGlobal, 8, 24);
        section(out, nameOffsets[4], SHT_STRTAB, 0, strtabOffset, strBytes.length, 0, 0, 1, 0);
        section(out, nameOffsets[5], SHT_STRTAB, 0, shstrOffset, shstrBytes.length, 0, 0, 1, 0);
        section(out, nameOffsets[6], SHT_PROGBITS, 0, noteOffset, 0, 0, 0, 1, 0);

        byte[] file = out.toByteArray();
        writeHeader(file, shoff);
        return file;
    }

    private List<Sym> symbols(CompiledModule module, int codeLength) {
        List<Sym> out = new ArrayList<>();
        out.add(new Sym("", 0, 0, 0, 0));
        out.add(new Sym("", (STB_LOCAL << 4) | STT_SECTION, TEXT_INDEX, 0, 0));

        Map<String, Integer> functionSizes = new HashMap<>();
        for (CompiledFunction f : module.functions()) {
            functionSizes.put(f.symbol(), f.size());
        }
        List<SymbolDefinition> defined = new ArrayList<>(module.symbols());
        defined.sort(Comparator.comparingInt(SymbolDefinition::offset));
        Set<String> names = new HashSet<>();
        for (int i = 0; i < defined.size(); i++) {
            SymbolDefinition d = defined.get(i);
            if (!names.add(d.name())) {
                throw new CodeException("symbol '" + d.name() + "' is defined twice");
            }
            Integer size = functionSizes.get(d.name());
            if (size == null) {
                int end = codeLength;
                for (int j = i + 1; j < defined.size(); j++) {
                    if (defined.get(j).offset() > d.offset()) {
                        end = defined.get(j).offset();
                        break;
                    }
                }
                size = end - d.offset();
            }
            out.add(new Sym(d.name(), (STB_GLOBAL << 4) | STT_FUNC, TEXT_INDEX, d.offset(), size));
        }
        Map<String, Boolean> undefined = new LinkedHashMap<>();
        for (Relocation r : module.relocations()) {
            if (!names.contains(r.symbol())) {
                undefined.merge(r.symbol(), machine.isThreadLocal(r.format()), Boolean::logicalOr);
            }
        }
        undefined.forEach((name, tls) -> out.add(new Sym(name, (STB_GLOBAL << 4) | (tls ? STT_TLS : STT_NOTYPE), 0, 0, 0)));
        return out;
    }

    private static void section(ElfBytes out, int name, int type, long flags, long offset, long size, int link,
            int info, long align, long entsize) {
        out.u32(name).u32(type).u64(flags).u64(0).u64(offset).u64(size).u32(link).u32(info).u64(align).u64(entsize);
    }

    private void writeHeader(byte[] file, int shoff) {
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
    }
}
