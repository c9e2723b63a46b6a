package dev.vex.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.ir.StructuralEquality;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every file of the conformance suite: read, print, read again, and compare. Only functions that
 * use a feature Vex leaves out may fail to read, and each must name that feature.
 */
class ConformanceRoundTripTest {
    // The features of the 174-file set that Vex does not read yet ([conformance] #13).
    private static final Set<String> KNOWN_FEATURES = Set.of(
            "exceptions", "frame introspection");

    @Test
    void everyFunctionReadsPrintsAndReadsBackIdentically() {
        int functions = 0;
        int read = 0;
        int runLines = 0;
        int allRunLines = 0;
        int runCommentLines = 0;
        TreeMap<String, Integer> unsupported = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Path p : Conformance.clifFiles()) {
            String name = Conformance.name(p);
            String text = Conformance.read(p);
            ClifTestFile file = ClifReader.readTestFile(text, name);
            runCommentLines += (int) text.lines().filter(l -> l.matches("\\s*;\\s*run\\b.*")).count();
            for (ParseException e : file.fileErrors()) {
                problems.add("file error: " + e.getMessage());
            }
            for (FunctionEntry e : file.functions()) {
                functions++;
                allRunLines += e.runs().size();
                if (e.function() != null) {
                    read++;
                    String printed = ClifPrinter.print(e.function());
                    Function again;
                    try {
                        again = ClifReader.readFunction(printed, name + "(printed)");
                    } catch (ParseException ex) {
                        problems.add(ex.getMessage() + "\n" + printed);
                        continue;
                    }
                    String diff = StructuralEquality.difference(e.function(), again);
                    if (diff != null) {
                        problems.add(name + ": " + diff);
                    }
                    assertEquals(printed, ClifPrinter.print(again), "printing is stable for %" + e.name());
                    for (RunLine r : e.runs()) {
                        runLines++;
                        if (!r.isValid()) {
                            problems.add("bad run line " + r.error().getMessage());
                        }
                    }
                } else if (e.error() instanceof UnsupportedFeatureException u) {
                    unsupported.merge(u.feature(), 1, Integer::sum);
                    if (!KNOWN_FEATURES.contains(u.feature())) {
                        problems.add("unexpected unsupported feature: " + u.getMessage());
                    }
                } else {
                    problems.add(e.error().getMessage());
                }
            }
            Module m = file.module();
            Module back = ClifReader.readModule(ClifPrinter.print(m), name + "(printed)");
            assertNull(StructuralEquality.difference(m, back), name);
        }
        System.out.printf("conformance round trip: %d functions, %d read, %d run lines, unsupported %s%n",
                functions, read, runLines, unsupported);
        assertEquals(runCommentLines, allRunLines, "every '; run' comment is attached to a function");
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems.subList(0,
                Math.min(40, problems.size()))));
        assertTrue(read > 700, "most functions read: " + read + " of " + functions);
        assertTrue(runLines > 7000, "the run lines are read: " + runLines);
    }
}
