package dev.vex.backend.regalloc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.vex.backend.MachFunction;

/** Test helper: parse, allocate, check, and compare toy-machine runs before and after. */
final class Allocated {
    private Allocated() {}

    static Allocation of(String text) {
        MachFunction f = MachDsl.parse(text);
        Allocation a = LinearScan.allocate(f, TestTarget.INSTANCE);
        RegisterAllocationChecker.check(a);
        assertArrayEquals(ToyMachine.runVirtual(f, 500), ToyMachine.runAllocated(a, 500, 99), "toy machine traces");
        return a;
    }
}
