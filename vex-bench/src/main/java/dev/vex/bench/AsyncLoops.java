package dev.vex.bench;

import dev.vex.runtime.NativeModule;
import dev.vex.runtime.Vex;
import dev.vex.text.ClifReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The native loops of {@code async-loops.clif}, compiled for this machine. */
final class AsyncLoops {
    static final String RESOURCE = "async-loops.clif";

    private AsyncLoops() {
    }

    static NativeModule compile() {
        return Vex.compile(ClifReader.readModule(text(RESOURCE), RESOURCE));
    }

    static String text(String resource) {
        try (InputStream in = AsyncLoops.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
