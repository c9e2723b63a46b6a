package dev.vex.runtime.child;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a main class of the test class path in a fresh JVM, so that a crash, a hang or an
 * exhausted heap stays there: a bounded heap, a time limit (the process is killed at it), and
 * the JVM's fatal-error file directed into a folder of its own to look for afterwards.
 */
public final class ChildJvm {
    private final Path errorDir;
    private final List<String> jvmOptions = new ArrayList<>();

    /** {@code errorDir} receives any {@code hs_err} file; it should be empty. */
    public ChildJvm(Path errorDir, String maxHeap) {
        this.errorDir = errorDir;
        jvmOptions.add("-Xmx" + maxHeap);
        jvmOptions.add("-XX:ErrorFile=" + errorDir.resolve("hs_err_pid%p.log"));
        jvmOptions.add("-XX:-UsePerfData");
    }

    /** One more JVM option for every child, as {@code -XX:TieredStopAtLevel=1}. */
    public ChildJvm option(String jvmOption) {
        jvmOptions.add(jvmOption);
        return this;
    }

    /** What a child did: exit code (-1 if killed at the time limit), its output and error streams together. */
    public record Result(int exitCode, boolean timedOut, String output, List<Path> errorFiles) {
        /** Whether the output holds a Java stack trace: a frame line or an uncaught-exception header. */
        public boolean leakedStackTrace() {
            return output.contains("\tat ") || output.contains("Exception in thread");
        }
    }

    public Result run(String mainClass, List<String> args, long timeoutSeconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(mainClass);
        command.addAll(args);
        Path log = Files.createTempFile(errorDir, "child", ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.ISO_8859_1);
        Files.delete(log);
        return new Result(finished ? p.exitValue() : -1, !finished, output, errorFiles());
    }

    private List<Path> errorFiles() throws IOException {
        try (Stream<Path> files = Files.list(errorDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList();
        }
    }
}
