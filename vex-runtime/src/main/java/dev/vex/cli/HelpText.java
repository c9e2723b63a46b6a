package dev.vex.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The tool's help and version texts. They are static files (resources under
 * {@code dev/vex/cli}) so that the {@code vex} launcher can print them before anything is built;
 * a test checks that every option a command parses is in its help.
 */
final class HelpText {
    private HelpText() {
    }

    /** The overview: every command. */
    static String overview() {
        return read("help/vex.txt");
    }

    /** The help of {@code command}, or null if there is no such command. */
    static String of(String command) {
        return exists("help/" + command + ".txt") ? read("help/" + command + ".txt") : null;
    }

    /** {@code vex <version>}. */
    static String version() {
        return "vex " + read("version.txt").strip() + "\n";
    }

    private static boolean exists(String name) {
        return HelpText.class.getResource(name) != null;
    }

    private static String read(String name) {
        try (InputStream in = HelpText.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/vex/cli/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
