package dev.vex.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/C-API.md names every function and variable that vex_runtime.h exports. */
class CApiDocTest {
    @Test
    void everyExportedNameIsDocumented() throws IOException {
        String header = Files.readString(Path.of("src/main/c/vex_runtime.h"));
        String doc = Files.readString(Path.of(System.getProperty("vex.root", ".."), "docs", "C-API.md"));
        // every name a VEX_API declaration introduces: functions, variables, the descriptors of
        // the multi-name declaration (continuation lines included: up to the ';')
        Matcher decl = Pattern.compile("VEX_API([^;]*);").matcher(header);
        List<String> missing = new ArrayList<>();
        int found = 0;
        while (decl.find()) {
            String text = decl.group(1).replaceAll("\\([^()]*\\)\\)?\\s*$", "");
            Matcher name = Pattern.compile("\\b(vex_\\w+)\\s*(?=\\(|,|$|__attribute__)").matcher(text);
            while (name.find()) {
                found++;
                if (!Pattern.compile("\\b" + name.group(1) + "\\b").matcher(doc).find()) {
                    missing.add(name.group(1));
                }
            }
        }
        assertTrue(found > 40, "only " + found + " exports found: the pattern is wrong");
        assertTrue(missing.isEmpty(), "docs/C-API.md misses " + missing);
    }
}
