package dev.vex.code.elf;

import dev.vex.async.AsyncSymbols;
import dev.vex.backend.CompiledFunction;
import dev.vex.backend.CompiledModule;
import dev.vex.code.CodeException;
import dev.vex.code.Relocation;
import dev.vex.code.SymbolDefinition;
import java.util.ArrayList;
import java.util.Arrays;
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
 * {@code .rela.text}; when the module has read-only data (async descriptors, from
 * {@link CompiledModule#dataStart()} on), {@code .data.rel.ro} and {@code .rela.data.rel.ro}, so
 * the descriptors' absolute pointers are data relocations and a PIE has no text relocations;
 * {@code .tbss} when {@link ElfObjectOptions#weakTls()} asks for a definition; then
 * {@code .symtab}, {@code .strtab}, {@code .shstrtab} and an empty {@code .note.GNU-stack},
 * which tells the linker the code needs no executable stack.
 *
 * <p>Symbols: the section symbols (local), then every symbol the module defines, global
 * ({@code STT_FUNC} in {@code .text}: functions with their size, other symbols such as array
 * entries up to the next symbol; {@code STT_OBJECT} in {@code .data.rel.ro}), then every symbol
 * it only references, global undefined ({@code STT_TLS} when a thread-local access names it).
 * Resume functions ({@code f$resume}) are {@code STV_HIDDEN}: only their descriptor reaches
 * them. Functions, array entries ({@code f$array}, for {@code vex_invoke}) and descriptors
 * ({@code f$desc}, for {@code vex_spawn} and {@code vex_block_on}) are the object's C API and
 * keep default visibility. Each relocation names its symbol, with its addend, so calls between
 * the module's functions stay relocations for the linker too; references from code to the data
 * name the data section's symbol.
 */
public final class ElfObjectWriter {
    private static final int SHT_PROGBITS = 1;
    private static final int SHT_SYMTAB = 2;
    private static final int SHT_STRTAB = 3;
    private static final int SHT_RELA = 4;
    private static final int SHT_NOBITS = 8;
    private static final int SHF_WRITE = 0x1;
    private static final int SHF_ALLOC = 0x2;
    private static final int SHF_EXECINSTR = 0x4;
    private static final int SHF_INFO_LINK = 0x40;
    private static final int SHF_TLS = 0x400;
    private static final int STB_LOCAL = 0;
    private static final int STB_GLOBAL = 1;
    private static final int STB_WEAK = 2;
    private static final int STT_NOTYPE = 0;
    private static final int STT_OBJECT = 1;
    private static final int STT_FUNC = 2;
    private static final int STT_SECTION = 3;
    private static final int STT_TLS = 6;
    private static final int STV_HIDDEN = 2;
    private static final int TLS_SLOT = 8;
    private static final int DATA_SECTION_SYMBOL = 2;

    private final ElfMachine machine;
    private final ElfObjectOptions options;

    /** A writer of objects for {@code machine}, with {@link ElfObjectOptions#DEFAULT}. */
    public ElfObjectWriter(ElfMachine machine) {
        this(machine, ElfObjectOptions.DEFAULT);
    }

    /** A writer of objects for {@code machine}, naming symbols as {@code options} say. */
    public ElfObjectWriter(ElfMachine machine, ElfObjectOptions options) {
        this.machine = machine;
        this.options = options;
    }

    private record Sym(String name, int info, int other, int shndx, long value, long size) {
    }

    /** Section indices of one object: which optional sections it has. */
    private record Layout(boolean hasData, boolean hasTbss) {
        int text() {
            return 1;
        }

        int relaText() {
            return 2;
        }

        int data() {
            return 3;
        }

        int relaData() {
            return 4;
        }

        int tbss() {
            return hasData ? 5 : 3;
        }

        int symtab() {
            return 3 + (hasData ? 2 : 0) + (hasTbss ? 1 : 0);
        }

        int strtab() {
            return symtab() + 1;
        }

        int shstrtab() {
            return symtab() + 2;
        }

        int count() {
            return symtab() + 4;
        }
    }

    /** The object file's bytes. */
    public byte[] write(CompiledModule module) {
        if (!module.targetName().equals(machine.name())) {
            throw new CodeException("code for " + module.targetName() + " given to the " + machine.name() + " ELF writer");
        }
        byte[] code = module.code();
        int dataStart = module.dataStart();
        Set<String> definedNames = new HashSet<>();
        for (SymbolDefinition d : module.symbols()) {
            definedNames.add(d.name());
        }
        Set<String> tlsDefinitions = new HashSet<>();
        for (Relocation r : module.relocations()) {
            if (!definedNames.contains(r.symbol()) && options.weakTls().contains(r.symbol())) {
                tlsDefinitions.add(r.symbol());
            }
        }
        Layout layout = new Layout(dataStart < code.length, !tlsDefinitions.isEmpty());
        List<Sym> symbols = new ArrayList<>();
        int firstGlobal = symbols(module, layout, tlsDefinitions, symbols);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            index.put(symbols.get(i).name(), i);
        }

        List<Relocation> textRelocations = new ArrayList<>();
        List<Relocation> dataRelocations = new ArrayList<>();
        for (Relocation r : module.relocations()) {
            (r.offset() < dataStart ? textRelocations : dataRelocations).add(r);
        }
        Map<String, Integer> definedOffsets = new HashMap<>();
        for (SymbolDefinition d : module.symbols()) {
            definedOffsets.put(d.name(), d.offset());
        }

        ElfBytes out = new ElfBytes();
        out.bytes(new byte[64]); // the header, written last

        out.align(16);
        int textOffset = out.size();
        out.bytes(Arrays.copyOfRange(code, 0, dataStart));

        out.align(8);
        int relaOffset = out.size();
        for (Relocation r : textRelocations) {
            rela(out, r, 0, index.get(name(r.symbol(), definedNames)), r.addend());
        }
        for (Relocation r : module.dataReferences()) {
            Integer target = definedOffsets.get(r.symbol());
            if (target == null || target < dataStart || r.offset() >= dataStart) {
                throw new CodeException("data reference to '" + r.symbol() + "' at offset " + r.offset()
                        + " does not go from the code to the data");
            }
            // the data section's symbol (index 2, after .text's), so the reference binds within the object
            rela(out, r, 0, DATA_SECTION_SYMBOL, r.addend() + target - dataStart);
        }
        int relaSize = out.size() - relaOffset;

        int dataOffset = 0;
        int relaDataOffset = 0;
        int relaDataSize = 0;
        if (layout.hasData()) {
            out.align(8);
            dataOffset = out.size();
            out.bytes(Arrays.copyOfRange(code, dataStart, code.length));
            out.align(8);
            relaDataOffset = out.size();
            for (Relocation r : dataRelocations) {
                rela(out, r, dataStart, index.get(name(r.symbol(), definedNames)), r.addend());
            }
            relaDataSize = out.size() - relaDataOffset;
        }

        ElfStringTable strtab = new ElfStringTable();
        out.align(8);
        int symtabOffset = out.size();
        for (Sym s : symbols) {
            out.u32(s.name().isEmpty() ? 0 : strtab.add(s.name())).u8(s.info()).u8(s.other()).u16(s.shndx())
                    .u64(s.value()).u64(s.size());
        }
        int symtabSize = out.size() - symtabOffset;

        int strtabOffset = out.size();
        byte[] strBytes = strtab.bytes();
        out.bytes(strBytes);

        ElfStringTable shstr = new ElfStringTable();
        int nText = shstr.add(".text");
        int nRelaText = shstr.add(".rela.text");
        int nData = shstr.add(".data.rel.ro");
        int nRelaData = shstr.add(".rela.data.rel.ro");
        int nTbss = shstr.add(".tbss");
        int nSymtab = shstr.add(".symtab");
        int nStrtab = shstr.add(".strtab");
        int nShstrtab = shstr.add(".shstrtab");
        int nNote = shstr.add(".note.GNU-stack");
        int shstrOffset = out.size();
        byte[] shstrBytes = shstr.bytes();
        out.bytes(shstrBytes);
        int noteOffset = out.size();

        out.align(8);
        int shoff = out.size();
        section(out, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        section(out, nText, SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, textOffset, dataStart, 0, 0, 16, 0);
        section(out, nRelaText, SHT_RELA, SHF_INFO_LINK, relaOffset, relaSize, layout.symtab(), layout.text(), 8, 24);
        if (layout.hasData()) {
            section(out, nData, SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, dataOffset, code.length - dataStart, 0, 0, 8, 0);
            section(out, nRelaData, SHT_RELA, SHF_INFO_LINK, relaDataOffset, relaDataSize, layout.symtab(),
                    layout.data(), 8, 24);
        }
        if (layout.hasTbss()) {
            section(out, nTbss, SHT_NOBITS, SHF_ALLOC | SHF_WRITE | SHF_TLS, noteOffset,
                    (long) TLS_SLOT * tlsDefinitions.size(), 0, 0, 8, 0);
        }
        section(out, nSymtab, SHT_SYMTAB, 0, symtabOffset, symtabSize, layout.strtab(), firstGlobal, 8, 24);
        section(out, nStrtab, SHT_STRTAB, 0, strtabOffset, strBytes.length, 0, 0, 1, 0);
        section(out, nShstrtab, SHT_STRTAB, 0, shstrOffset, shstrBytes.length, 0, 0, 1, 0);
        section(out, nNote, SHT_PROGBITS, 0, noteOffset, 0, 0, 0, 1, 0);

        byte[] file = out.toByteArray();
        writeHeader(file, shoff, layout);
        return file;
    }

    private void rela(ElfBytes out, Relocation r, int sectionStart, int symbol, long addend) {
        int type = machine.relocationType(r.format());
        if (type < 0) {
            throw new CodeException("no " + machine.name() + " ELF relocation for a " + r.format().name()
                    + " field (symbol '" + r.symbol() + "' at offset " + r.offset() + ")");
        }
        out.u64(r.offset() - sectionStart).u64(((long) symbol << 32) | type).u64(addend);
    }

    /** The object's name for {@code symbol}: prefixed when the module defines it. */
    private String name(String symbol, Set<String> defined) {
        return defined.contains(symbol) ? options.prefix() + symbol : symbol;
    }

    /** Fills {@code out} with the symbol table; returns the index of the first global. */
    private int symbols(CompiledModule module, Layout layout, Set<String> tlsDefinitions, List<Sym> out) {
        byte[] code = module.code();
        int dataStart = module.dataStart();
        out.add(new Sym("", 0, 0, 0, 0, 0));
        out.add(new Sym("", (STB_LOCAL << 4) | STT_SECTION, 0, layout.text(), 0, 0));
        if (layout.hasData()) {
            out.add(new Sym("", (STB_LOCAL << 4) | STT_SECTION, 0, layout.data(), 0, 0));
        }
        int firstGlobal = out.size();

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
            boolean inData = d.offset() >= dataStart && layout.hasData();
            int end = inData ? code.length : dataStart;
            for (int j = i + 1; j < defined.size(); j++) {
                if (defined.get(j).offset() > d.offset()) {
                    end = Math.min(end, defined.get(j).offset());
                    break;
                }
            }
            Integer size = functionSizes.get(d.name());
            long value = inData ? d.offset() - dataStart : d.offset();
            int other = d.name().endsWith(AsyncSymbols.RESUME_SUFFIX) ? STV_HIDDEN : 0;
            out.add(new Sym(options.prefix() + d.name(), (STB_GLOBAL << 4) | (inData ? STT_OBJECT : STT_FUNC), other,
                    inData ? layout.data() : layout.text(), value, size != null ? size : end - d.offset()));
        }
        int slot = 0;
        Map<String, Boolean> undefined = new LinkedHashMap<>();
        for (Relocation r : module.relocations()) {
            if (!names.contains(r.symbol())) {
                undefined.merge(r.symbol(), machine.isThreadLocal(r.format()), Boolean::logicalOr);
            }
        }
        for (Map.Entry<String, Boolean> e : undefined.entrySet()) {
            String name = e.getKey();
            boolean tls = e.getValue();
            if (tlsDefinitions.contains(name)) {
                out.add(new Sym(name, (STB_WEAK << 4) | STT_TLS, 0, layout.tbss(), (long) TLS_SLOT * slot++, TLS_SLOT));
            } else {
                int bind = options.weakUndefined().contains(name) ? STB_WEAK : STB_GLOBAL;
                out.add(new Sym(name, (bind << 4) | (tls ? STT_TLS : STT_NOTYPE), 0, 0, 0, 0));
            }
        }
        return firstGlobal;
    }

    private static void section(ElfBytes out, int name, int type, long flags, long offset, long size, int link,
            int info, long align, long entsize) {
        out.u32(name).u32(type).u64(flags).u64(0).u64(offset).u64(size).u32(link).u32(info).u64(align).u64(entsize);
    }

    private void writeHeader(byte[] file, int shoff, Layout layout) {
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
                .u16(64).u16(layout.count()).u16(layout.shstrtab());
        byte[] header = h.toByteArray();
        System.arraycopy(header, 0, file, 0, header.length);
    }
}
