package dev.vex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Help and version: answered without building or loading anything, from the same static texts
 * in the tool and in the {@code vex} launcher, and in step with the options each command parses.
 */
class HelpAndVersionTest {
    private static final List<String> COMMANDS = List.of("test", "run", "compile", "bench", "runtime");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int vex(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void everyParsedOptionIsInItsCommandsHelp() {
        for (String c : COMMANDS) {
            String help = HelpText.of(c);
            assertNotNull(help, c);
            assertTrue(help.startsWith("usage: vex " + c), help);
            assertTrue(HelpText.overview().contains("  " + c + " "), c);
            for (OptionSpec.Option o : OptionSpecs.of(c).options()) {
                assertTrue(help.contains(o.name()), c + " --help does not mention " + o.name());
                if (o.alias() != null) {
                    assertTrue(help.contains(o.alias()), c + " --help does not mention " + o.alias());
                }
            }
        }
    }

    @Test
    void subcommandHelpNeedsNoOtherArgumentsAndExitsZero() {
        for (String c : COMMANDS) {
            out.reset();
            assertEquals(0, vex(c, "--help"), err.toString(StandardCharsets.UTF_8));
            assertEquals(HelpText.of(c), out.toString(StandardCharsets.UTF_8));
        }
        out.reset();
        assertEquals(0, vex("compile", "--target", "nowhere", "-h"));
        assertEquals(HelpText.of("compile"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void versionIsTheProjectVersion() throws IOException {
        assertEquals(0, vex("--version"));
        String pom = Files.readString(Path.of(System.getProperty("vex.root"), "pom.xml"));
        Matcher m = Pattern.compile("<artifactId>vex-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "the root pom names its version");
        assertEquals("vex " + m.group(1) + "\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theLauncherAnswersHelpAndVersionFromTheSameTexts() throws Exception {
        Path root = Path.of(System.getProperty("vex.root"));
        assertEquals(HelpText.version(), launcher(root, "--version"));
        assertEquals(HelpText.of("run"), launcher(root, "run", "--help"));
        assertEquals(HelpText.overview(), launcher(root, "help"));
    }

    private static String launcher(Path root, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", root.resolve("vex").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher answers at once");
        assertEquals(0, p.exitValue(), text);
        return text;
    }

    @Test
    void theSharedParserTakesBothValueFormsAndRefusesUnknownOptions() {
        ParsedArgs a = OptionSpecs.COMPILE.parse(List.of("--emit=vcode", "--cpu", "+lzcnt", "-o", "x", "f.clif"));
        assertEquals("vcode", a.value("--emit", null));
        assertEquals("+lzcnt", a.value("--cpu", null));
        assertEquals("x", a.value("-o", null));
        assertEquals(List.of("f.clif"), a.positional());
        UsageException e = assertThrows(UsageException.class, () -> OptionSpecs.TEST.parse(List.of("--frob", "x")));
        assertTrue(e.getMessage().contains("unknown option '--frob' for 'vex test'"), e.getMessage());
        assertThrows(UsageException.class, () -> OptionSpecs.COMPILE.parse(List.of("--emit")));
        // A call's negative argument after the file is positional for `vex run`.
        assertEquals(List.of("f.clif", "-1"), OptionSpecs.RUN.parse(List.of("f.clif", "-1")).positional());
        assertEquals(3, OptionSpecs.RUN.parse(List.of("--workers", "3", "f")).intValue("--workers", 1, 2));
        assertThrows(UsageException.class, () -> OptionSpecs.RUN.parse(List.of("--workers=0", "f"))
                .intValue("--workers", 1, 2));
    }
}
