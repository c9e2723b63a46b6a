package dev.vex.runtime.abuse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The child JVM's entry point: runs one abuse case by name, prints {@code OK <name>} and exits 0
 * when it ended cleanly, or prints what went wrong and exits 1. A crash of the JVM shows as
 * another exit code and an {@code hs_err} file ({@link AbuseTest}).
 */
public final class AbuseMain {
    interface Case {
        void run() throws Exception;
    }

    static final Map<String, Case> CASES = new LinkedHashMap<>();

    static {
        CASES.put("teardown.close-while-blockOn", TeardownCases::closeWhileBlockOn);
        CASES.put("teardown.close-racing-spawn", TeardownCases::closeRacingSpawn);
        CASES.put("teardown.never-suspends", TeardownCases::neverSuspends);
        CASES.put("teardown.run-line-timeout", RunLineCases::timeout);
        CASES.put("teardown.run-line-never-suspends", RunLineCases::neverSuspends);
        CASES.put("module.close-with-detached-child", ModuleLifetimeCases::closeWithDetachedChild);
        CASES.put("module.gc-with-running-task", ModuleLifetimeCases::gcWithRunningTask);
        CASES.put("module.spawn-after-close", ModuleLifetimeCases::spawnAfterClose);
        CASES.put("handles.java-api", HandleCases::javaApi);
        CASES.put("handles.random-library-calls", HandleCases::randomLibraryCalls);
        CASES.put("handles.generated-code", HandleCases::generatedCode);
        CASES.put("handles.generated-code-sockets", HandleCases::generatedCodeSockets);
        CASES.put("sizes.channel-capacity", SizeCases::channelCapacity);
        CASES.put("sizes.sleep-int64-max", SizeCases::sleepInt64Max);
        CASES.put("cancel.children", CancellationCases::children);
        CASES.put("faults.sync", FaultCases::sync);
        CASES.put("faults.task", FaultCases::task);
        CASES.put("faults.jvm-signals", FaultCases::jvmSignals);
    }

    private AbuseMain() {
    }

    public static void main(String[] args) {
        Case c = CASES.get(args[0]);
        if (c == null) {
            System.out.println("no case " + args[0]);
            System.exit(2);
        }
        try {
            c.run();
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            System.out.flush();
            System.exit(1);
        }
        System.out.println("OK " + args[0]);
        System.out.flush();
        // Exit at once: an abandoned runtime's worker may still spin (native, not a JVM thread).
        System.exit(0);
    }
}
