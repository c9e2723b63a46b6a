package dev.vex.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code vex runtime [--arch A] [--extract DIR] [--cflags] [--libs] [--static]}: the C runtime
 * for C programs. The jar carries, per architecture, in JNA's resource layout
 * ({@code linux-x86-64/}, {@code linux-aarch64/}): {@code libvexrt.so}, {@code libvexrt.a},
 * {@code vex_runtime.h}, {@code vex_net.h}, {@code vex_select.h} and {@code vex_scope.h}. This command copies them to {@code DIR/include}
 * and {@code DIR/lib} (by default a per-version cache directory) and prints the compiler and
 * linker flags that use them, as pkg-config does.
 */
final class RuntimeCommand {
    static final List<String> HEADERS = List.of("vex_runtime.h", "vex_net.h", "vex_select.h", "vex_scope.h");
    static final List<String> LIBRARIES = List.of("libvexrt.so", "libvexrt.a");

    private RuntimeCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        ParsedArgs parsed = OptionSpecs.RUNTIME.parse(args);
        if (!parsed.positional().isEmpty()) {
            throw new UsageException("'vex runtime' takes no file: " + parsed.positional().get(0));
        }
        boolean cflags = parsed.has("--cflags");
        boolean libs = parsed.has("--libs");
        String extract = parsed.value("--extract", null);
        if (!cflags && !libs && extract == null) {
            throw new UsageException("usage: vex runtime [--arch x86-64|aarch64] [--extract DIR] [--cflags] [--libs]"
                    + " [--static]");
        }
        String arch = parsed.value("--arch", hostArch());
        if (!arch.equals("x86-64") && !arch.equals("aarch64")) {
            throw new UsageException("--arch takes x86-64 or aarch64, not '" + arch + "'");
        }
        Path dir = (extract != null ? Path.of(extract) : cacheDir(arch)).toAbsolutePath().normalize();
        extract("linux-" + arch, dir);
        List<String> words = new ArrayList<>();
        if (cflags) {
            words.add("-I" + dir.resolve("include"));
        }
        if (libs) {
            Path lib = dir.resolve("lib");
            if (parsed.has("--static")) {
                words.add(lib.resolve("libvexrt.a").toString());
            } else {
                words.addAll(Arrays.asList("-L" + lib, "-lvexrt", "-Wl,-rpath," + lib));
            }
            words.add("-pthread");
        }
        if (!words.isEmpty()) {
            out.println(String.join(" ", words));
        }
        return 0;
    }

    /** Copies the headers to {@code dir/include} and the libraries to {@code dir/lib}, rewriting only what differs. */
    static void extract(String resourceDir, Path dir) {
        try {
            for (String h : HEADERS) {
                copy(resourceDir + "/" + h, dir.resolve("include").resolve(h));
            }
            for (String l : LIBRARIES) {
                copy(resourceDir + "/" + l, dir.resolve("lib").resolve(l));
            }
        } catch (IOException e) {
            throw new UsageException("cannot extract the runtime to " + dir + ": " + e.getMessage());
        }
    }

    private static void copy(String resource, Path to) throws IOException {
        byte[] bytes;
        try (InputStream in = RuntimeCommand.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new UsageException("this build of Vex has no " + resource);
            }
            bytes = in.readAllBytes();
        }
        if (Files.exists(to) && Arrays.equals(Files.readAllBytes(to), bytes)) {
            return;
        }
        Files.createDirectories(to.getParent());
        Path tmp = Files.createTempFile(to.getParent(), to.getFileName().toString(), ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** {@code $XDG_CACHE_HOME/vex/VERSION/linux-ARCH}, or under {@code ~/.cache}. */
    private static Path cacheDir(String arch) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("vex").resolve(HelpText.version().strip().substring("vex ".length())).resolve("linux-" + arch);
    }

    /** This machine's architecture in the jar's naming, x86-64 by default. */
    private static String hostArch() {
        String a = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return a.equals("aarch64") || a.equals("arm64") ? "aarch64" : "x86-64";
    }
}
