package dev.vex.runtime.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.runtime.jit.Targets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Misuse that used to kill the JVM (issue 10): each case runs in a child JVM of its own
 * ({@link AbuseMain}) and must end cleanly: exit 0, its {@code OK} line, no HotSpot crash log,
 * within the time limit.
 */
class AbuseTest {
    static final Duration LIMIT = Duration.ofSeconds(60);

    @TestFactory
    Stream<DynamicTest> cases() {
        assumeTrue("x64".equals(Targets.hostName()), "the cases run x64 code");
        return AbuseMain.CASES.keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            ChildJvm.Result r = ChildJvm.run(AbuseMain.class, List.of(name), LIMIT);
            assertFalse(r.timedOut(), () -> name + " did not end within " + LIMIT + ":\n" + r.output());
            assertTrue(r.crashLogs().isEmpty(), () -> name + " crashed the JVM " + r.crashLogs() + ":\n" + r.output());
            assertEquals(0, r.exit(), () -> name + " exited " + r.exit() + ":\n" + r.output());
            assertTrue(r.output().contains("OK " + name), () -> name + " printed no OK:\n" + r.output());
        }));
    }
}
