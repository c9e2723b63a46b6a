package dev.vex.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The first-compile probe runs in a child JVM, compiles its module, gets the right answer from it
 * (the probe checks 285 and exits non-zero otherwise, which fails the measurement), and reports
 * parts that fit inside the total. No timing is judged here.
 */
class FirstCompileMeasurementTest {
    @Test
    void probeRunsInAChildJvmAndItsPartsAddUp() throws Exception {
        FirstCompileMeasurement.Latency l = FirstCompileMeasurement.measure(1);
        assertTrue(l.totalMs() > 0 && l.compileMs() > 0 && l.readMs() > 0 && l.firstCallMs() > 0, l.toString());
        assertTrue(l.readMs() + l.compileMs() + l.firstCallMs() <= l.totalMs() * 1.0001, l.toString());
        assertTrue(l.cpuMs() > 0, l.toString());
    }
}
