package dev.vex.bench;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The code-speed kernels in C ({@code kernels.c}), built with {@code gcc -O2} into a shared
 * library at benchmark set-up and called through JNA: the floor beside C2 in the code-speed
 * table. JNA's call costs about a microsecond, well under 1% of a kernel call.
 */
final class GccKernels {
    static final String RESOURCE = "kernels.c";

    private final NativeLibrary library;

    private GccKernels(NativeLibrary library) {
        this.library = library;
    }

    /** The kernels built with gcc -O2, or null (with the reason on stderr) if gcc is not there or fails. */
    static GccKernels build() {
        try {
            Path dir = Files.createTempDirectory("vex-gcc-kernels");
            Path src = dir.resolve(RESOURCE);
            try (InputStream in = GccKernels.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IOException("no resource " + RESOURCE);
                }
                Files.copy(in, src);
            }
            Path so = dir.resolve("libvexgcckernels.so");
            Process p = new ProcessBuilder("gcc", "-O2", "-ffp-contract=off", "-shared", "-fPIC", "-o", so.toString(),
                    src.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                System.err.println("gcc kernels: gcc failed: " + out);
                return null;
            }
            return new GccKernels(NativeLibrary.getInstance(so.toString()));
        } catch (IOException e) {
            System.err.println("gcc kernels: not built (" + e.getMessage() + ")");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The C function of {@code kernel}. */
    Function function(String kernel) {
        return library.getFunction("vex_gcc_" + kernel);
    }
}
