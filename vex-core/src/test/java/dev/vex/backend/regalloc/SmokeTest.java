package dev.vex.backend.regalloc;

import org.junit.jupiter.api.Test;
import dev.vex.backend.MachFunction;

class SmokeTest {
    @Test
    void smoke() {
        MachFunction f = MachDsl.parse("""
                block0:
                  op def:v0
                  op def:v1 use:v0
                  call use:v0@r0 def:v2@r0 clobber:r0,r1,f0
                  add reuse1:v3 use:v1 use:v2
                  jump block1(v0, v3)
                block1(v4, v5):
                  op def:v6 use:v4 use:v5
                  br use:v6 block2 block3
                block2:
                  jump block1(v5, v4)
                block3:
                  ret use:v5@r0
                """);
        System.out.println(f);
        Allocation a = LinearScan.allocate(f, TestTarget.INSTANCE);
        System.out.println(a);
        RegisterAllocationChecker.check(a);
    }
}
