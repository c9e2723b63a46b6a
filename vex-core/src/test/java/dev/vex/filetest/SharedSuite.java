package dev.vex.filetest;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared conformance suite is: {@code conformance/} under the {@code vex.shared} property. */
final class SharedSuite {
    private SharedSuite() {
    }

    static Path conformance() {
        String shared = System.getProperty("vex.shared");
        if (shared == null || shared.isBlank()) {
            fail("system property vex.shared is not set: it must name the shared directory holding conformance/");
        }
        Path root = Path.of(shared, "conformance");
        assertTrue(Files.isDirectory(root), "no conformance suite at " + root);
        return root;
    }
}
