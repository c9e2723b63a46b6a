package dev.vex.text;

import dev.vex.diag.SourceLocation;
import java.util.List;

/** A {@code target x86_64 has_avx has_fma=false} line: the ISA name and its flag words. */
public record TargetHeader(String isa, List<String> flags, SourceLocation location) {
    /** Checks that the ISA is named and the flags are given. */
    public TargetHeader {
        flags = List.copyOf(flags);
    }
}
