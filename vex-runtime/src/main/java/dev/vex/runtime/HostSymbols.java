package dev.vex.runtime;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Pointer;
import dev.vex.backend.CompiledFunction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The names a module may call that it does not define, given by the embedder:
 * {@link Vex#compile(dev.vex.ir.Module, HostSymbols)} links them before the runtime's own
 * (libvexrt, then libc and libm), and a name found in neither is an error naming it.
 *
 * <ul>
 *   <li>{@link #define}: a raw address (a C function of the embedder, found any way it likes);</li>
 *   <li>{@link #exportsOf}: every sync function of a module compiled earlier, under its IR name,
 *       so one module calls another with a plain {@code call} of a non-colocated callee;</li>
 *   <li>{@link #javaCallback}: a Java method, through a JNA callback whose method's parameters
 *       and result match the IR signature ({@code i8}/{@code i16}/{@code i32} as {@code int},
 *       {@code i64} as {@code long}, {@code f32} as {@code float}, {@code f64} as {@code double}).</li>
 * </ul>
 *
 * <p>Lifetimes: a module linked against these symbols keeps the callbacks and the modules it
 * actually calls alive until it is itself unmapped; closing a callee module first defers its
 * unmapping until its callers are gone (calls into it from Java then fail, calls from its
 * callers still work). An exception thrown by a Java callback does not cross into generated code:
 * JNA reports it to its callback exception handler and the call returns 0.
 */
public final class HostSymbols {
    private final Map<String, Long> addresses = new LinkedHashMap<>();
    private final Map<String, NativeModule> providers = new LinkedHashMap<>();
    private final List<Callback> callbacks = new ArrayList<>();

    /** An empty table. */
    public HostSymbols() {
    }

    /** A table of raw addresses by name. */
    public static HostSymbols of(Map<String, Long> addresses) {
        HostSymbols s = new HostSymbols();
        addresses.forEach(s::define);
        return s;
    }

    /** Defines {@code name} as the code or data at {@code address}. */
    public synchronized HostSymbols define(String name, long address) {
        checkName(name);
        if (address == 0) {
            throw new VexCallException("host symbol '" + name + "' is given address 0");
        }
        addresses.put(name, address);
        return this;
    }

    /** Defines every sync function of {@code module} under its name (without {@code %}). */
    public synchronized HostSymbols exportsOf(NativeModule module) {
        Objects.requireNonNull(module, "module");
        if (module.isClosed()) {
            throw new VexCallException("cannot export the functions of a closed module");
        }
        for (CompiledFunction f : module.compiled().functions()) {
            if (!f.isAsync()) {
                checkName(f.name());
                addresses.put(f.name(), module.image().address(f.symbol()));
                providers.put(f.name(), module);
            }
        }
        return this;
    }

    /**
     * Defines {@code name} as a Java method: {@code callback}'s single method, called through a
     * native stub JNA makes. Generated code calls it like a C function of the same signature.
     */
    public synchronized HostSymbols javaCallback(String name, Callback callback) {
        Objects.requireNonNull(callback, "callback");
        checkName(name);
        Pointer stub = CallbackReference.getFunctionPointer(callback);
        callbacks.add(callback);
        addresses.put(name, Pointer.nativeValue(stub));
        return this;
    }

    /** The names defined, in the order they were. */
    public synchronized List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(addresses.keySet()));
    }

    /** The address of {@code name}, or 0 if this table does not define it. */
    public synchronized long address(String name) {
        Long a = addresses.get(name);
        return a == null ? 0 : a;
    }

    /** The module that defines {@code name}, if it came from {@link #exportsOf}; else null. */
    synchronized NativeModule provider(String name) {
        return providers.get(name);
    }

    private void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new VexCallException("a host symbol needs a name");
        }
    }
}
