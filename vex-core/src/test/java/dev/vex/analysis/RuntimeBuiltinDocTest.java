package dev.vex.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/BUILTINS.md documents every builtin of the table, each with the table's declaration. */
class RuntimeBuiltinDocTest {
    private static final Pattern DECLARATION = Pattern.compile("`((?:async )?%vex_\\w+\\([^`]*)`");

    @Test
    void everyBuiltinIsDocumentedWithItsSignature() throws IOException {
        Path doc = Path.of(System.getProperty("vex.root", ".."), "docs", "BUILTINS.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        for (RuntimeBuiltin b : RuntimeBuiltin.values()) {
            assertTrue(text.contains("| `" + b + "` |"), doc + " has no table row declaring `" + b + "`");
        }
        // Every declaration a table row starts with is one of the table's, written exactly.
        Matcher m = Pattern.compile("(?m)^\\| " + DECLARATION.pattern()).matcher(text);
        int rows = 0;
        while (m.find()) {
            String decl = m.group(1);
            String name = decl.substring(decl.indexOf('%') + 1, decl.indexOf('('));
            RuntimeBuiltin b = RuntimeBuiltin.named(name);
            assertTrue(b != null, doc + " documents %" + name + ", which is no builtin");
            assertEquals(b.toString(), decl, doc + " declares %" + name + " differently from the table");
            rows++;
        }
        assertEquals(RuntimeBuiltin.values().length, rows, "one row per builtin");
    }
}
