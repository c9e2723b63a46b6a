package dev.vex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The FFM binding, run in a child JVM on JDK 22 or later: the build names one in
 * {@code vex.ffm.java} (Temurin 25 where installed, or the build's own JDK). Without one, or
 * without the release-22 classes, the test is skipped and says why.
 */
class FfmBindingTest {
    @Test
    void theFfmBindingPassesTheHandleChecksOnJdk22Plus() throws IOException, InterruptedException {
        String java = System.getProperty("vex.ffm.java", "");
        Path versioned = Path.of("target", "classes", "META-INF", "versions", "22", "dev", "vex", "runtime", "jit", "ffm",
                "FfmSlotInvoker.class");
        if (java.isEmpty() || !Files.isExecutable(Path.of(java)) || !Files.exists(versioned)) {
            String why = "FfmBindingTest skipped: " + (java.isEmpty() || !Files.isExecutable(Path.of(java))
                    ? "no JDK 22+ java (the build sets vex.ffm.java when Temurin 25 is installed or Maven runs on JDK 22+)"
                    : "no release-22 classes at " + versioned + " (no JDK 22+ compiler in the build)");
            System.out.println(why);
            Assumptions.abort(why);
        }
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                FfmBindingMain.class.getName()));
        Path log = Files.createTempFile("ffm-binding", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            String out = Files.readString(log, StandardCharsets.ISO_8859_1);
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("FFM OK"), out);
            assertTrue(!out.contains("WARNING"), "no restricted-method warning with the flag: " + out);
        } finally {
            Files.delete(log);
        }
    }
}
