package dev.vex.runtime.abuse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a main class in a child JVM with this JVM's class path, so that a case that crashes the
 * process takes only the child down. The child writes any HotSpot crash log into a directory of
 * its own ({@code -XX:ErrorFile}), which {@link Result#crashLogs} lists afterwards.
 */
final class ChildJvm {
    record Result(int exit, String output, List<String> crashLogs, boolean timedOut) {
    }

    private ChildJvm() {
    }

    static Result run(Class<?> main, List<String> args, Duration timeout) {
        try {
            Path dir = Files.createTempDirectory("vex-abuse");
            String java = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            List<String> command = new ArrayList<>(List.of(java,
                    "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"), "-XX:-CreateCoredumpOnCrash",
                    "-Xmx256m", "-Xss1m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), main.getName()));
            command.addAll(args);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile()).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "(output lost: " + e + ")";
                }
            });
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.destroyForcibly();
                p.waitFor();
            }
            String output = out.get(10, TimeUnit.SECONDS);
            List<String> logs;
            try (Stream<Path> files = Files.list(dir)) {
                logs = files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("hs_err")).toList();
            }
            if (logs.isEmpty()) {
                try (Stream<Path> rest = Files.list(dir)) {
                    if (rest.findAny().isEmpty()) Files.delete(dir);
                }
            }
            return new Result(done ? p.exitValue() : -1, output, logs, !done);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
