package dev.vex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vex.doc.ApiDocumentation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every public and protected declaration of the runtime's API packages has a documentation comment. */
class RuntimeApiDocumentationTest {
    @Test
    void apiPackagesAreDocumented() throws IOException {
        assertEquals(List.of(), ApiDocumentation.undocumented(Path.of("src/main/java"),
                List.of("dev.vex.runtime", "dev.vex.runtime.jit")));
    }
}
