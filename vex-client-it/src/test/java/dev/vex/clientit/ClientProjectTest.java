package dev.vex.clientit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Builds {@code client/} (a separate Maven project that declares {@code vex-runtime} and nothing
 * else of Vex) against the jars this build just made, and runs its test: a function from
 * variables, a Java callback, a call across two modules, IR awaiting a Java future and a task
 * as a {@code CompletableFuture}. Once on this JVM's JDK (17 in CI) and once on Temurin 25 when
 * it is installed (skipped with a printed reason otherwise).
 *
 * <p>The shared {@code ~/.m2} is never written: the jars go into a repository under
 * {@code target}, which the client build uses as its local repository, and {@code ~/.m2} serves
 * it the plugins as a read-only {@code file:} repository (offline, {@code file:} allowed).
 */
class ClientProjectTest {
    private static final Path ROOT = Path.of(System.getProperty("vex.root"));
    private static final String VERSION = System.getProperty("vex.version");
    private static final Path WORK = ROOT.resolve("vex-client-it/target/client-it");

    @Test
    void theClientProjectBuildsAndRunsOnJdk17AndJdk25() throws IOException, InterruptedException {
        Path repo = WORK.resolve("repo");
        deleteTree(WORK);
        install(repo, "vex-parent", ROOT.resolve("pom.xml"), null);
        for (String m : List.of("vex-core", "vex-codegen-x64", "vex-codegen-aarch64", "vex-runtime")) {
            install(repo, m, ROOT.resolve(m + "/pom.xml"), ROOT.resolve(m + "/target/" + m + "-" + VERSION + ".jar"));
        }
        Path client = WORK.resolve("client");
        copyTree(ROOT.resolve("vex-client-it/client"), client);
        Path settings = WORK.resolve("settings.xml");
        Files.writeString(settings, settings(Path.of(System.getProperty("vex.m2")).toUri().toString()));

        String ran = build(client, repo, settings, Path.of(System.getProperty("java.home")));
        assertTrue(ran.contains("CLIENT OK on JDK " + Runtime.version().feature()), ran);

        Path jdk25 = Path.of(System.getProperty("vex.jdk25", ""));
        if (!Files.isExecutable(jdk25.resolve("bin/java"))) {
            System.out.println("ClientProjectTest: no JDK 25 at " + jdk25 + "; the client ran on JDK "
                    + Runtime.version().feature() + " only");
            return;
        }
        String ran25 = build(client, repo, settings, jdk25);
        assertTrue(ran25.contains("CLIENT OK on JDK 25 (ffm)"), ran25);
    }

    /** {@code mvn verify} of the client with Maven (and so its tests) on {@code javaHome}. */
    private static String build(Path client, Path repo, Path settings, Path javaHome)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-o", "-Dstyle.color=never",
                "-Daether.offline.protocols=file", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repo, "-Dvex.version=" + VERSION, "-f", client.resolve("pom.xml").toString(),
                "verify"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().remove("MAVEN_OPTS");
        Path log = Files.createTempFile(WORK, "mvn", ".log");
        Process p = pb.redirectOutput(log.toFile()).start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "the client build failed on " + javaHome + ":\n" + out);
        return out;
    }

    /** Lays {@code pom} (and {@code jar}) out as {@code mvn install} would in {@code repo}. */
    private static void install(Path repo, String artifact, Path pom, Path jar) throws IOException {
        Path dir = repo.resolve("dev/vex/" + artifact + "/" + VERSION);
        Files.createDirectories(dir);
        Files.copy(pom, dir.resolve(artifact + "-" + VERSION + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            assertTrue(Files.exists(jar), jar + " is missing: the module must be packaged first");
            Files.copy(jar, dir.resolve(artifact + "-" + VERSION + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String settings(String homeRepository) {
        return """
                <settings>
                  <profiles>
                    <profile>
                      <id>home-repository</id>
                      <repositories>
                        <repository><id>home</id><url>%1$s</url></repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository><id>home</id><url>%1$s</url></pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>home-repository</activeProfile></activeProfiles>
                </settings>
                """.formatted(homeRepository);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(f);
            }
        }
    }
}
