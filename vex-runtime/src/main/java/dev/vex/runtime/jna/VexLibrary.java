package dev.vex.runtime.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.File;
import java.io.IOException;

/**
 * The functions of {@code vex_runtime.h}, with C's {@code int64_t} as {@code long}, {@code
 * int32_t} as {@code int} and pointers as {@link Pointer}. Handles and channels are the C side's
 * {@code int64_t} values. See the header for each function's contract.
 */
public interface VexLibrary extends Library {
    /** The library's name for {@link Native#load}: {@code libvexrt.so}, from {@code linux-x86-64/} in the jar. */
    String NAME = "vexrt";

    /** {@code VEX_ERR_*}: the negative statuses of {@code vex_runtime.h}. */
    int ERR_ON_WORKER = -1;
    int ERR_NO_RUNTIME = -2;
    /** 0, a value never issued, a consumed handle, one of a destroyed runtime, or of the wrong kind. */
    int ERR_BAD_HANDLE = -3;
    int ERR_BUSY = -4;
    /** A join whose runtime was shut down while the task ran and could not stop it. */
    int ERR_ABANDONED = -5;
    /** {@code VEX_FAIL_BAD_HANDLE}: a failed task's value when a builtin got a bad handle. */
    long FAIL_BAD_HANDLE = 0x10001L;
    /** {@code VEX_CHAN_MAX_CAPACITY}. */
    long CHAN_MAX_CAPACITY = 1L << 32;

    /** The loaded library; loading happens once, on first use. */
    static VexLibrary instance() {
        return Holder.INSTANCE;
    }

    /** The same library as a {@link NativeLibrary}, for symbol addresses (descriptors, resume functions). */
    static NativeLibrary nativeLibrary() {
        return Holder.NATIVE;
    }

    Pointer vex_runtime_create(int workers);

    int vex_runtime_destroy(Pointer rt);

    int vex_runtime_shutdown(Pointer rt, long graceNanos);

    int vex_runtime_workers(Pointer rt);

    long vex_runtime_live_tasks(Pointer rt);

    long vex_spawn_on(Pointer rt, Pointer desc, long[] args);

    int vex_cancel(long handle);

    int vex_detach(long handle);

    int vex_handle_wait(long handle, long[] results, int nresults);

    int vex_block_on(Pointer rt, Pointer desc, long[] args, long[] results);

    long vex_chan_new_on(Pointer rt, long capacity);

    int vex_chan_close(long chan);

    int vex_chan_free(long chan);

    long vex_alloc(long size);

    int vex_free(long ptr);

    /** Registers generated code at [base, base + size) for the fault handler (0, or -1). */
    int vex_code_register(long base, long size);

    void vex_code_unregister(long base);

    /** Lazy holder: the library loads when first used, not when the interface is. */
    final class Holder {
        // One library, loaded once. JNA keys its cache by name and options, and from a jar it
        // unpacks the library to a new temporary file per load: two loads would be two copies
        // of the runtime, each with its own thread-locals and globals, and generated code linked
        // against one copy would run on the other's workers. So the interface is bound to the
        // very file the NativeLibrary loaded (dlopen of the same path gives the same handle).
        // The file is unpacked here rather than by getInstance(NAME), which deletes its copy as soon
        // as it is loaded: the JNI binding must System.load the very same file (a path that exists).
        static final NativeLibrary NATIVE = NativeLibrary.getInstance(unpacked().getAbsolutePath());
        static final VexLibrary INSTANCE = Native.load(NATIVE.getFile().getAbsolutePath(), VexLibrary.class);

        private Holder() {
        }

        /** The library file: in the class directory, or unpacked from the jar (deleted at exit). */
        private static File unpacked() {
            try {
                return Native.extractFromResourcePath(NAME, VexLibrary.class.getClassLoader());
            } catch (IOException e) {
                UnsatisfiedLinkError error = new UnsatisfiedLinkError("cannot unpack lib" + NAME + ".so: " + e.getMessage());
                error.initCause(e);
                throw error;
            }
        }
    }
}
