package dev.vex.runtime.cross;

import dev.vex.runtime.jit.JitException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The host tools that build and run code for the ISA {@code isa} (a Debian multiarch name:
 * {@code aarch64}): the cross compiler {@code isa-linux-gnu-gcc}, its sysroot
 * {@code /usr/isa-linux-gnu}, the emulator {@code qemu-isa-static}, and the runtime library
 * cross-built for the ISA, from this jar's {@code linux-isa/libvexrt.so}, copied out once.
 */
final class CrossToolchain {
    /** How long one build or one run may take before it is stopped. */
    static final long TIMEOUT_SECONDS = 120;

    private final String isa;
    private Path runtimeDir;

    CrossToolchain(String isa) {
        this.isa = isa;
    }

    String compiler() {
        return isa + "-linux-gnu-gcc";
    }

    String emulator() {
        return "qemu-" + isa + "-static";
    }

    String sysroot() {
        return "/usr/" + isa + "-linux-gnu";
    }

    /** Null if every tool is there; else which is missing. */
    String missing() {
        for (String tool : List.of(compiler(), emulator())) {
            if (!onPath(tool)) {
                return tool + " is not installed";
            }
        }
        if (CrossToolchain.class.getResource("/linux-" + isa + "/libvexrt.so") == null) {
            return "this build has no runtime library for " + isa + " (linux-" + isa + "/libvexrt.so)";
        }
        return null;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** The directory holding the cross-built {@code libvexrt.so}, copied out of the jar on first use. */
    synchronized Path runtimeDir() {
        if (runtimeDir == null) {
            try (InputStream in = CrossToolchain.class.getResourceAsStream("/linux-" + isa + "/libvexrt.so")) {
                if (in == null) {
                    throw new JitException("no linux-" + isa + "/libvexrt.so in this build");
                }
                Path dir = Files.createTempDirectory("vex-rt-" + isa + "-");
                Files.copy(in, dir.resolve("libvexrt.so"), StandardCopyOption.REPLACE_EXISTING);
                dir.resolve("libvexrt.so").toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                runtimeDir = dir;
            } catch (IOException e) {
                throw new JitException("cannot copy out the " + isa + " runtime: " + e.getMessage());
            }
        }
        return runtimeDir;
    }

    /** Links {@code harness} (C) and {@code object} into {@code exe} against the runtime. */
    void link(Path harness, Path object, Path exe) {
        Result r = run(List.of(compiler(), "-O1", "-w", "-o", exe.toString(), harness.toString(), object.toString(),
                "-L" + runtimeDir(), "-lvexrt"), null);
        if (r.exit != 0) {
            throw new JitException(compiler() + " failed (" + r.exit + "): " + r.output);
        }
    }

    /** Runs {@code exe} under the emulator with {@code args}; its exit status and standard output. */
    Result execute(Path exe, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(emulator(), "-L", sysroot(), "-E",
                "LD_LIBRARY_PATH=" + runtimeDir(), exe.toString()));
        cmd.addAll(args);
        return run(cmd, exe.getParent().resolve("stderr.txt"));
    }

    /** An exit status (-1 when stopped for taking too long) and what the process printed. */
    record Result(int exit, String output) {
    }

    private static Result run(List<String> cmd, Path stderr) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd);
            if (stderr == null) {
                pb.redirectErrorStream(true);
            } else {
                pb.redirectError(stderr.toFile());
            }
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                // Read on this thread; a harness that hangs is stopped by the timer below.
                Thread killer = new Thread(() -> {
                    try {
                        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                            p.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        p.destroyForcibly();
                    }
                }, "vex-cross-timeout");
                killer.setDaemon(true);
                killer.start();
                out = in.readAllBytes();
            }
            boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
                return new Result(-1, new String(out, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new JitException("cannot run " + cmd.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JitException("interrupted running " + cmd.get(0));
        }
    }
}
