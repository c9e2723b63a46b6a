package dev.vex.runtime.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The functions of {@code vex_runtime.h}, with C's {@code int64_t} as {@code long}, {@code
 * int32_t} as {@code int} and pointers as {@link Pointer}. Handles and channels are the C side's
 * {@code int64_t} values. See the header for each function's contract.
 */
public interface VexLibrary extends Library {
    /** The library's name for {@link Native#load}: {@code libvexrt.so}, from {@code linux-x86-64/} in the jar. */
    String NAME = "vexrt";

    /** The loaded library; loading happens once, on first use. */
    static VexLibrary instance() {
        return Holder.INSTANCE;
    }

    /** The same library as a {@link NativeLibrary}, for symbol addresses (descriptors, resume functions). */
    static NativeLibrary nativeLibrary() {
        return Holder.NATIVE;
    }

    Pointer vex_runtime_create(int workers);

    void vex_runtime_destroy(Pointer rt);

    int vex_runtime_workers(Pointer rt);

    long vex_runtime_live_tasks(Pointer rt);

    long vex_spawn_on(Pointer rt, Pointer desc, long[] args);

    void vex_cancel(long handle);

    void vex_detach(long handle);

    int vex_handle_wait(long handle, long[] results, int nresults);

    int vex_block_on(Pointer rt, Pointer desc, long[] args, long[] results);

    long vex_chan_new_on(Pointer rt, long capacity);

    void vex_chan_close(long chan);

    void vex_chan_free(long chan);

    long vex_alloc(long size);

    void vex_free(long ptr);

    /** Lazy holder: the library loads when first used, not when the interface is. */
    final class Holder {
        // One library, loaded once. JNA keys its cache by name and options, and from a jar it
        // unpacks the library to a new temporary file per load: two loads would be two copies
        // of the runtime, each with its own thread-locals and globals, and generated code linked
        // against one copy would run on the other's workers. So the interface is bound to the
        // very file the NativeLibrary loaded (dlopen of the same path gives the same handle).
        static final NativeLibrary NATIVE = NativeLibrary.getInstance(NAME);
        static final VexLibrary INSTANCE = Native.load(NATIVE.getFile().getAbsolutePath(), VexLibrary.class);

        private Holder() {
        }
    }
}
