package dev.vex.runtime.abuse;

import static dev.vex.runtime.abuse.Expect.check;

import dev.vex.runtime.NativeModule;
import dev.vex.runtime.jit.RunLineAbuse;

/** Class 1, the engine's side: a run line's timeout cancels, or abandons, without a crash. */
final class RunLineCases {
    private RunLineCases() {
    }

    static void timeout() throws Exception {
        try (NativeModule m = AbuseProgram.compile()) {
            for (int i = 0; i < 3; i++) {
                String why = RunLineAbuse.failureOf(m.function("forever"), 200);
                check(why.contains("did not finish") && why.contains("cancelled"), why);
            }
        }
    }

    static void neverSuspends() throws Exception {
        NativeModule m = AbuseProgram.compileWithoutPreemption();
        String why = RunLineAbuse.failureOf(m.function("spin"), 200, 1L);
        check(why.contains("never reached a suspension point"), why);
        m.close(); // the abandoned runtime keeps the code mapped
        // The process goes on: another line runs.
        try (NativeModule m2 = AbuseProgram.compile()) {
            String again = RunLineAbuse.failureOf(m2.function("forever"), 100);
            check(again.contains("did not finish"), again);
        }
    }
}
