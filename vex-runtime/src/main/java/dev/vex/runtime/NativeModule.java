package dev.vex.runtime;

import dev.vex.backend.CompiledFunction;
import dev.vex.backend.CompiledModule;
import com.sun.jna.Pointer;
import dev.vex.runtime.jit.JitImage;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A compiled module in executable memory. Its functions are called through {@link
 * NativeFunction}; any number of threads may call at once. {@link #close()} frees the code once
 * the calls under way have returned and no open {@link VexRuntime} ran a task of it (a runtime
 * keeps the modules it spawned tasks of until it is closed, as its tasks and their children may
 * still run their code); a call or spawn after close throws {@link VexCallException}. A module
 * nobody closed is unmapped once it and all its functions are unreachable, which an open
 * runtime that ran its tasks prevents.
 */
public final class NativeModule implements AutoCloseable {
    /** The high bit of {@link #state}: closed. The rest counts calls under way and the runtimes
     * that ran tasks of the module. */
    private static final int CLOSED = 1 << 30;
    private static final Cleaner CLEANER = Cleaner.create();

    private final JitImage image;
    private final Map<String, NativeFunction> functions = new LinkedHashMap<>();
    private final AtomicInteger state = new AtomicInteger();
    /** Unmaps the image, at most once: on close, or when the module is unreachable. */
    private final Cleaner.Cleanable unmap;

    NativeModule(JitImage image) {
        this.image = image;
        this.unmap = CLEANER.register(this, image::close);
        try {
            for (CompiledFunction f : image.module().functions()) {
                long entry = f.isAsync() ? 0 : image.address(f.arrayEntrySymbol());
                FutureDescriptor desc = f.descriptorSymbol() == null ? null
                        : FutureDescriptor.compiled(new Pointer(image.address(f.descriptorSymbol())), this);
                functions.put(f.name(), new NativeFunction(this, f, entry, desc));
            }
        } catch (RuntimeException e) {
            unmap.clean();
            throw e;
        }
    }

    /** The function named {@code name} (without {@code %}). */
    public NativeFunction function(String name) {
        String key = name.startsWith("%") ? name.substring(1) : name;
        NativeFunction f = functions.get(key);
        if (f == null) {
            throw new VexCallException("the module has no function %" + key + " (it has: "
                    + String.join(", ", functionNames().stream().map(n -> "%" + n).toList()) + ")");
        }
        return f;
    }

    /** The names of the module's functions, in module order. */
    public List<String> functionNames() {
        return Collections.unmodifiableList(new ArrayList<>(functions.keySet()));
    }

    /** What the target produced: code, symbols, relocations, and the listing if one was asked for. */
    public CompiledModule compiled() {
        return image.module();
    }

    /** Where the code is mapped, and how many bytes: for diagnostics and tests. */
    public long codeAddress() {
        return image.base();
    }

    /** The mapped size in bytes: code, call stubs and thread-local slots, in whole pages. */
    public long mappedSize() {
        return image.mappedSize();
    }

    /**
     * The name of the function whose code holds {@code returnAddress} (a trap site, as a failed
     * task reports it), or null if it is not in this module.
     */
    public String functionNameAt(long returnAddress) {
        CompiledFunction f = image.functionAt(returnAddress - 1);
        return f == null ? null : f.name();
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return (state.get() & CLOSED) != 0;
    }

    JitImage image() {
        return image;
    }

    /** Counts a call in; throws if the module is closed. */
    void enter(String function) {
        enter("call", function);
    }

    /** Counts a call or a runtime's hold in ({@code what} names it in the message); throws if closed. */
    void enter(String what, String function) {
        // One atomic add on the way in (a call's fast path), undone if the module is closed.
        if ((state.getAndIncrement() & CLOSED) != 0) {
            exit();
            throw new VexCallException("cannot " + what + " %" + function + ": its module is closed");
        }
    }

    /** Counts a call (or a runtime's hold) out; the last one out of a closed module frees it. */
    void exit() {
        if (state.decrementAndGet() == CLOSED) {
            unmap.clean();
        }
    }

    /** Frees the code now, or when the last call under way returns. Closing twice does nothing. */
    @Override
    public void close() {
        int before = state.getAndUpdate(s -> s | CLOSED);
        if (before == 0) {
            unmap.clean();
        }
    }
}
