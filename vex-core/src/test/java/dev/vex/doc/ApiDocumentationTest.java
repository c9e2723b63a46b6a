package dev.vex.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every public and protected declaration of vex-core's API packages has a documentation comment. */
class ApiDocumentationTest {
    static final List<String> API = List.of("dev.vex.ir", "dev.vex.text", "dev.vex.interp", "dev.vex.exec",
            "dev.vex.verify", "dev.vex.code.elf");

    @Test
    void apiPackagesAreDocumented() throws IOException {
        assertEquals(List.of(), ApiDocumentation.undocumented(Path.of("src/main/java"), API));
    }
}
