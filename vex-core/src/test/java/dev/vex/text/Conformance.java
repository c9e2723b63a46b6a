package dev.vex.text;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared conformance suite, read in place from the {@code vex.shared} system property. */
final class Conformance {
    private Conformance() {
    }

    static Path root() {
        String shared = System.getProperty("vex.shared");
        if (shared == null || shared.isBlank()) {
            fail("system property vex.shared is not set: it must name the shared directory holding conformance/");
        }
        Path root = Path.of(shared, "conformance");
        assertTrue(Files.isDirectory(root), "no conformance suite at " + root);
        return root;
    }

    /** Every .clif file under conformance/, sorted by path. */
    static List<Path> clifFiles() {
        try (Stream<Path> s = Files.walk(root())) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".clif")).sorted().toList();
            assertTrue(files.size() > 100, "expected the conformance suite's .clif files, found " + files.size());
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(Path p) {
        return root().relativize(p).toString();
    }
}
