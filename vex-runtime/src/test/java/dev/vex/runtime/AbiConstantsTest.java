package dev.vex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.async.FrameSize;
import dev.vex.compile.FutureDescriptorLayout;
import dev.vex.compile.RuntimeLeafFrames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The C test {@code test_abi_constants.c} checks its copy of vex-core's ABI constants against
 * vex_runtime.h (offsetof, sizeof, the frame-size macros, the exported descriptors); this test
 * checks that the copy is exactly the Java constants, so the chain Java = copy = header holds.
 */
class AbiConstantsTest {
    private static final Path C_TEST = Path.of("src", "test", "c", "test_abi_constants.c");
    private static final Pattern DEFINE = Pattern.compile("#define JAVA_DESC_(\\w+) (\\d+)");
    private static final Pattern LEAF = Pattern.compile("\\{\"(\\w+)\", &\\w+, \\w+, (\\d+), (\\d+)\\}");

    @Test
    void descriptorLayoutCopyIsTheJavaLayout() throws Exception {
        Matcher m = DEFINE.matcher(text());
        Map<String, Integer> copy = new HashMap<>();
        while (m.find()) {
            copy.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        Map<String, Integer> java = new HashMap<>();
        for (var field : FutureDescriptorLayout.class.getFields()) {
            java.put(field.getName(), field.getInt(null));
        }
        assertEquals(8, java.size());
        assertEquals(java, copy);
    }

    @Test
    void leafFrameCopyIsTheJavaTable() throws IOException {
        Matcher m = LEAF.matcher(text());
        Map<String, FrameSize> copy = new HashMap<>();
        while (m.find()) {
            copy.put(m.group(1), new FrameSize(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
        assertEquals(RuntimeLeafFrames.FRAMES, copy);
    }

    /** The x64 JIT skips the stack check in small leaves by the header's red zone, no more. */
    @Test
    void leafRedZoneIsTheHeaders() throws IOException {
        String header = Files.readString(Path.of("src", "main", "c", "vex_runtime.h"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("#define VEX_STACK_RED_ZONE (\\d+)u").matcher(header);
        assertTrue(m.find(), "vex_runtime.h defines VEX_STACK_RED_ZONE");
        assertEquals(dev.vex.x64.emit.FunctionEmitter.LEAF_RED_ZONE, Integer.parseInt(m.group(1)));
    }

    private static String text() throws IOException {
        return Files.readString(C_TEST, StandardCharsets.UTF_8);
    }
}
