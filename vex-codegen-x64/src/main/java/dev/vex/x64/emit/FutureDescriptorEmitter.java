package dev.vex.x64.emit;

import dev.vex.async.AsyncFrameLayout;
import dev.vex.async.AsyncSymbols;
import dev.vex.code.CodeBuffer;
import dev.vex.code.FixupFormat;
import dev.vex.code.Label;
import dev.vex.x64.asm.X64Assembler;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Emits the {@code vex_future_desc} of every lowered async function as data after the code:
 * {@code f$desc}, 8-aligned, 32 bytes (resume pointer, u32 frame size, u32 frame alignment, u32
 * parameter count, u32 result count, name pointer), then the NUL-terminated name it points to.
 * The two pointers are {@code ABS64} relocations (to {@code f$resume}, and to {@code f$desc + 32}
 * for the name), which the JIT resolves when it links and an ELF link resolves as
 * {@code R_X86_64_64}. The runtime only reads a descriptor, so it can live in the read-execute
 * image; {@code func_addr %f$desc} reaches it rip-relative through the label bound here.
 */
public final class FutureDescriptorEmitter {
    /** sizeof(vex_future_desc). */
    public static final int SIZE = 32;

    private FutureDescriptorEmitter() {
    }

    /**
     * Emits one descriptor per layout, binding {@code labels.get("f$desc")} (when present) and
     * defining the symbol {@code f$desc} at each.
     */
    public static void emit(X64Assembler asm, CodeBuffer buf, Map<String, AsyncFrameLayout> layouts,
            Map<String, Label> labels, Listing listing) {
        for (AsyncFrameLayout layout : layouts.values()) {
            String f = layout.function();
            String desc = AsyncSymbols.descriptorName(f);
            asm.align(8);
            int start = buf.position();
            Label l = labels.get(desc);
            if (l != null) {
                asm.bind(l);
            }
            asm.defineSymbol(desc);
            buf.addRelocation(buf.position(), FixupFormat.ABS64, AsyncSymbols.resumeName(f), 0);
            buf.put8(0);
            buf.put4(layout.size());
            buf.put4(layout.align());
            buf.put4(layout.paramTypes().size());
            buf.put4(layout.resultTypes().size());
            buf.addRelocation(buf.position(), FixupFormat.ABS64, desc, SIZE);
            buf.put8(0);
            buf.putBytes(f.getBytes(StandardCharsets.UTF_8));
            buf.put1(0);
            if (listing != null) {
                listing.function(desc);
                listing.line(start, start + SIZE, "vex_future_desc { &" + AsyncSymbols.resumeName(f) + ", size "
                        + layout.size() + ", align " + layout.align() + ", " + layout.paramTypes().size()
                        + " params, " + layout.resultTypes().size() + " results, name }");
                listing.line(start + SIZE, buf.position(), "\"" + f + "\\0\"");
            }
        }
    }
}
