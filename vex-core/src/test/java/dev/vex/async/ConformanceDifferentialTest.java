package dev.vex.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.exec.Outcome;
import dev.vex.ir.AbiParam;
import dev.vex.ir.ModuleBuilder;
import dev.vex.text.ClifReader;
import dev.vex.text.ClifTestFile;
import dev.vex.text.FunctionEntry;
import dev.vex.text.RunLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ; run:} line of the shared async conformance files and of examples/pipeline.clif,
 * run as written and lowered: same results, same virtual time. Functions with {@code ; error:}
 * are left out (they do not verify, so they are never lowered).
 */
class ConformanceDifferentialTest {
    private static List<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("vex.shared"), "conformance", "async"))) {
            s.filter(p -> p.toString().endsWith(".clif")).sorted().forEach(out::add);
        }
        out.add(Path.of(System.getProperty("vex.root"), "examples", "pipeline.clif"));
        return out;
    }

    @Test
    void everyRunLineAgrees() throws IOException {
        int runs = 0;
        List<Path> files = files();
        assertTrue(files.size() >= 5, "the async conformance files are missing: " + files);
        for (Path path : files) {
            ClifTestFile file = ClifReader.readTestFile(Files.readString(path), path.getFileName().toString());
            ModuleBuilder mb = new ModuleBuilder();
            List<FunctionEntry> kept = new ArrayList<>();
            for (FunctionEntry e : file.functions()) {
                if (e.function() != null && e.expectedErrors().isEmpty()) {
                    mb.add(e.function());
                    kept.add(e);
                }
            }
            dev.vex.ir.Module module = mb.build();
            Differential d = new Differential(module);
            for (FunctionEntry e : kept) {
                for (RunLine run : e.runs()) {
                    assertTrue(run.isValid(), run.toString());
                    long[] args = run.args().stream().mapToLong(Long::longValue).toArray();
                    Outcome o = d.check(run.functionName(), args);
                    if (run.comparison() == RunLine.Comparison.EQUALS) {
                        List<AbiParam> rets = module.function(run.functionName()).signature().returns();
                        long[] want = new long[rets.size()];
                        for (int i = 0; i < want.length; i++) {
                            want[i] = run.expected().get(i) & rets.get(i).type().mask();
                        }
                        assertEquals(new Outcome.Returned(want), o, path + ": " + run);
                    }
                    runs++;
                }
            }
        }
        assertFalse(runs < 15, "only " + runs + " run lines found");
    }
}
