package dev.vex.cli;

import dev.vex.analysis.RuntimeBuiltin;
import dev.vex.async.FrameSize;
import dev.vex.async.FrameSizes;
import dev.vex.ir.FutureFrame;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --future-frames NAME=SIZE:ALIGN,...}: the frames of C futures that a CLIF file awaits
 * without a {@code frame N align M} clause on their declarations (a clause wins over the option).
 */
final class FutureFramesOption {
    static final String NAME = "--future-frames";

    private FutureFramesOption() {
    }

    /** The table the option describes; empty when it is absent. */
    static FrameSizes parse(String value) {
        Map<String, FrameSize> table = new LinkedHashMap<>();
        if (value == null) {
            return FrameSizes.of(table);
        }
        for (String entry : value.split(",", -1)) {
            int eq = entry.indexOf('=');
            int colon = entry.indexOf(':', eq + 1);
            if (eq <= 0 || colon < 0) {
                throw new UsageException(NAME + " takes NAME=SIZE:ALIGN entries separated by commas, not '" + entry + "'");
            }
            String name = entry.substring(0, eq).replaceFirst("^%", "");
            long size = number(entry.substring(eq + 1, colon), "size", entry);
            long align = number(entry.substring(colon + 1), "alignment", entry);
            if (RuntimeBuiltin.named(name) != null) {
                throw new UsageException(NAME + ": %" + name + " is a runtime builtin, whose frame the runtime fixes");
            }
            if (size < 8 || size > FutureFrame.MAX_SIZE) {
                throw new UsageException(NAME + ": the frame of %" + name + " must be 8 to " + FutureFrame.MAX_SIZE
                        + " bytes, not " + size);
            }
            if (align < 8 || align > FutureFrame.MAX_ALIGN || Long.bitCount(align) != 1) {
                throw new UsageException(NAME + ": the alignment of %" + name + " must be a power of two from 8 to "
                        + FutureFrame.MAX_ALIGN + ", not " + align);
            }
            if (table.put(name, new FrameSize((int) size, (int) align)) != null) {
                throw new UsageException(NAME + " names %" + name + " twice");
            }
        }
        return FrameSizes.of(table);
    }

    private static long number(String text, String what, String entry) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(NAME + ": the " + what + " in '" + entry + "' is not a number");
        }
    }
}
