package dev.vex.runtime.jit;

import dev.vex.backend.CompiledModule;
import dev.vex.code.FixupFormat;
import dev.vex.code.Relocation;
import dev.vex.code.SymbolDefinition;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Links a {@link CompiledModule} into executable memory of this process.
 *
 * <p>The image is the module's code, then one call stub per external symbol that pc-relative
 * fields reach (a rel32 may not reach a library), then one 8-byte slot per thread-local symbol
 * holding its thread-pointer offset (what an initial-exec {@code gottpoff} operand loads).
 * Fields that name a symbol of the module get its mapped address, pc-relative fields that name
 * an external get its stub (and so does the low half of an AArch64 ADRP + ADD pair, whose ADRP
 * does: {@code func_addr} of an external is then its stub), absolute fields get the external's
 * address itself.
 */
public final class JitLinker {
    private final SymbolResolver resolver;

    /** A linker that finds external symbols with {@code resolver}. */
    public JitLinker(SymbolResolver resolver) {
        this.resolver = resolver;
    }

    /** A linker for this process's runtime: libvexrt, libm, libc. */
    public static JitLinker forRuntime() {
        return new JitLinker(RuntimeSymbols.instance());
    }

    /**
     * A linker that looks external names up in {@code host} first, then in this process's
     * runtime as {@link #forRuntime()} does: the extension point behind
     * {@code Vex.compile(module, hostSymbols)}. {@code host} returns 0 for a name it does not define.
     */
    public static JitLinker forRuntime(ToLongFunction<String> host) {
        return new JitLinker(new HostFirstResolver(host, RuntimeSymbols.instance()));
    }

    /** Maps {@code module}'s code, resolves its symbols and seals it executable. */
    public JitImage link(CompiledModule module) {
        byte[] code = module.code();
        Map<String, Integer> defined = new HashMap<>();
        for (SymbolDefinition s : module.symbols()) {
            if (defined.put(s.name(), s.offset()) != null) {
                throw new JitException("symbol '" + s.name() + "' is defined twice in the module");
            }
        }
        CallStubFormat stubFormat = CallStubFormat.forTarget(module.targetName());

        // Lay out the stubs and TLS slots.
        Map<String, Integer> stubs = new LinkedHashMap<>();
        Map<String, Integer> tlsSlots = new LinkedHashMap<>();
        int stubBase = align(code.length, 16);
        int pos = stubBase;
        for (Relocation r : module.relocations()) {
            if (isTls(r.format()) || defined.containsKey(r.symbol()) || !r.format().pcRelative()
                    || stubs.containsKey(r.symbol())) {
                continue;
            }
            if (stubFormat == null) {
                throw new JitException("the JIT has no call stubs for target '" + module.targetName()
                        + "' (needed to reach '" + r.symbol() + "')");
            }
            stubs.put(r.symbol(), pos);
            pos += stubFormat.size();
        }
        pos = align(pos, 8);
        for (Relocation r : module.relocations()) {
            if (isTls(r.format()) && !tlsSlots.containsKey(r.symbol())) {
                tlsSlots.put(r.symbol(), pos);
                pos += 8;
            }
        }
        byte[] image = Arrays.copyOf(code, Math.max(pos, 1));
        Arrays.fill(image, code.length, stubBase, (byte) 0xCC); // int3 between code and stubs

        ExecutableMemory memory = ExecutableMemory.map(image.length);
        try {
            long base = memory.address();
            Map<String, Long> externals = new HashMap<>();
            for (Map.Entry<String, Integer> stub : stubs.entrySet()) {
                stubFormat.write(image, stub.getValue(), external(stub.getKey(), externals));
            }
            for (Map.Entry<String, Integer> slot : tlsSlots.entrySet()) {
                Long tpoff = resolver.threadPointerOffset(slot.getKey());
                if (tpoff == null) {
                    throw new JitException("no thread-local symbol '" + slot.getKey() + "' in the runtime");
                }
                putLong(image, slot.getValue(), tpoff);
            }
            for (Relocation r : module.relocations()) {
                long target;
                if (isTls(r.format())) {
                    target = base + tlsSlots.get(r.symbol());
                } else if (defined.containsKey(r.symbol())) {
                    target = base + defined.get(r.symbol());
                } else if (r.format().pcRelative() || pairsWithPage(r.format()) && stubs.containsKey(r.symbol())) {
                    target = base + stubs.get(r.symbol());
                } else {
                    target = external(r.symbol(), externals);
                }
                r.apply(image, base, target);
            }
            memory.write(0, image);
            memory.seal();
            JitImage jit = new JitImage(module, memory, defined);
            CodeEvents.loaded(jit);
            return jit;
        } catch (RuntimeException e) {
            memory.close();
            throw e;
        }
    }

    private long external(String name, Map<String, Long> resolved) {
        Long known = resolved.get(name);
        if (known != null) {
            return known;
        }
        long address = resolver.address(name);
        if (address == 0) {
            throw new JitException("undefined symbol '" + name + "': neither the module nor the runtime defines it");
        }
        resolved.put(name, address);
        return address;
    }

    /**
     * An initial-exec TLS operand: x86-64's gottpoff field, or AArch64's ADRP + LDR pair; each
     * reaches the 8-byte slot that holds the symbol's thread-pointer offset.
     */
    private static boolean isTls(FixupFormat format) {
        // By identity, as FixupFormat documents: a record's equals bootstraps a method handle on
        // first use, which every fresh JVM's first compile would pay.
        return format == FixupFormat.TLS_IE_PC_REL32 || format == FixupFormat.TLS_IE_PAGE21_SPLIT
                || format == FixupFormat.TLS_IE_PAGE_OFFSET12_AT10_SCALED8;
    }

    /**
     * The low 12 bits of an AArch64 address whose page an ADRP (pc-relative) gives: the pair
     * must name one address, so where the ADRP goes through the symbol's stub, this does too.
     */
    private static boolean pairsWithPage(FixupFormat format) {
        return format == FixupFormat.PAGE_OFFSET12_AT10;
    }

    private static int align(int n, int a) {
        return (n + a - 1) & -a;
    }

    private static void putLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }
}
