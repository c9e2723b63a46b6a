package dev.vex.compile;

import dev.vex.async.AsyncFrameLayout;
import dev.vex.async.AsyncSymbols;
import dev.vex.code.CodeBuffer;
import dev.vex.code.FixupFormat;
import dev.vex.code.Label;
import dev.vex.code.Relocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@code vex_future_desc} of every lowered async function as data after the code:
 * {@code f$desc}, {@link FutureDescriptorLayout#ALIGN}-aligned, then the NUL-terminated name it
 * points to. The two pointers are {@code ABS64} relocations (to {@code f$resume}, and to
 * {@code f$desc + SIZE} for the name), which the JIT resolves when it links and an ELF link
 * resolves with the target's absolute 64-bit relocation. The descriptors are the module's
 * read-only data ({@link Data#start()} on): the JIT maps them with the code, an object writer
 * puts them in {@code .data.rel.ro}, so a PIE needs no text relocation. A
 * {@code func_addr %f$desc} reaches its descriptor pc-relative through the label bound here; as
 * every use precedes the binding, each is also recorded as a relocation to {@code f$desc}
 * ({@link Data#references()}) for a writer that separates the data from the code.
 */
final class FutureDescriptorWriter {
    private FutureDescriptorWriter() {
    }

    /** Where the descriptors start, and the code's references to them. */
    record Data(int start, List<Relocation> references) {
    }

    static Data write(CodeGenerator gen, CodeBuffer buf, Map<String, AsyncFrameLayout> layouts,
            Map<String, Label> labels, Listing listing) {
        List<Relocation> references = new ArrayList<>();
        int dataStart = -1;
        for (AsyncFrameLayout layout : layouts.values()) {
            String f = layout.function();
            String desc = AsyncSymbols.descriptorName(f);
            gen.align(FutureDescriptorLayout.ALIGN);
            int start = buf.position();
            if (dataStart < 0) {
                dataStart = start;
            }
            Label l = labels.get(desc);
            if (l != null) {
                for (int i = 0; i < l.pendingUses(); i++) {
                    references.add(new Relocation(l.pendingUseOffset(i), l.pendingUseFormat(i), desc,
                            l.pendingUseAddend(i)));
                }
                buf.bind(l);
            }
            buf.defineSymbol(desc);
            buf.addRelocation(start + FutureDescriptorLayout.RESUME_OFFSET, FixupFormat.ABS64,
                    AsyncSymbols.resumeName(f), 0);
            buf.put8(0);
            buf.put4(layout.size());
            buf.put4(layout.align());
            buf.put4(layout.paramTypes().size());
            buf.put4(layout.resultTypes().size());
            buf.addRelocation(start + FutureDescriptorLayout.NAME_OFFSET, FixupFormat.ABS64, desc,
                    FutureDescriptorLayout.SIZE);
            buf.put8(0);
            buf.putBytes(f.getBytes(StandardCharsets.UTF_8));
            buf.put1(0);
            if (listing != null) {
                listing.function(desc);
                listing.data(start, start + FutureDescriptorLayout.SIZE, "vex_future_desc { &"
                        + AsyncSymbols.resumeName(f) + ", size " + layout.size() + ", align " + layout.align() + ", "
                        + layout.paramTypes().size() + " params, " + layout.resultTypes().size() + " results, name }");
                listing.data(start + FutureDescriptorLayout.SIZE, buf.position(), "\"" + f + "\\0\"");
            }
        }
        return new Data(dataStart < 0 ? buf.position() : dataStart, references);
    }
}
