package dev.vex.runtime.jit;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import dev.vex.ir.Libcall;
import dev.vex.runtime.jna.VexLibrary;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The symbols generated code may call in this process, and no others: the runtime's exports from
 * libvexrt (names starting {@code vex_}: {@code vex_trap}, {@code vex_alloc}, ...), and the
 * C library functions the backends call ({@link #LIBCALLS}: libm's {@code fma}, the named libcalls). Anything else of the process,
 * libc's {@code exit} say, is not resolved, so a module cannot call it. The one thread-local
 * symbol is {@code vex_stack_limit}.
 */
public final class RuntimeSymbols implements SymbolResolver {
    /** The runtime's stack limit, read by generated prologues as initial-exec TLS. */
    public static final String STACK_LIMIT = "vex_stack_limit";

    /**
     * The C library functions generated code may call: those a backend calls in place of an
     * instruction ({@code fma}/{@code fmaf}, x64 without FMA3) and the symbols of Cranelift's
     * named {@link Libcall}s ({@code ceilf}, {@code memcpy}, ...).
     */
    public static final Set<String> LIBCALLS = libcalls();

    private static final RuntimeSymbols INSTANCE = new RuntimeSymbols();

    private final Map<String, Long> cache = new ConcurrentHashMap<>();
    private volatile Long stackLimitOffset;

    private RuntimeSymbols() {
    }

    private static Set<String> libcalls() {
        Set<String> names = new java.util.HashSet<>(Set.of("fma", "fmaf"));
        for (Libcall l : Libcall.values()) {
            names.add(l.symbol());
        }
        return Set.copyOf(names);
    }

    /** The resolver of this process. */
    public static RuntimeSymbols instance() {
        return INSTANCE;
    }

    @Override
    public long address(String name) {
        return cache.computeIfAbsent(name, this::lookUp);
    }

    @Override
    public Long threadPointerOffset(String name) {
        if (!name.equals(STACK_LIMIT)) {
            return null;
        }
        Long off = stackLimitOffset;
        if (off == null) {
            off = TrapExit.vex_stack_limit_tpoff();
            stackLimitOffset = off;
        }
        return off;
    }

    private long lookUp(String name) {
        NativeLibrary lib;
        if (name.startsWith("vex_")) {
            lib = VexLibrary.nativeLibrary();
        } else if (LIBCALLS.contains(name)) {
            long a = addressIn(NativeLibrary.getInstance(Platform.MATH_LIBRARY_NAME), name);
            return a != 0 ? a : addressIn(NativeLibrary.getInstance(Platform.C_LIBRARY_NAME), name);
        } else {
            return 0;
        }
        return addressIn(lib, name);
    }

    private static long addressIn(NativeLibrary lib, String name) {
        try {
            return Pointer.nativeValue(lib.getGlobalVariableAddress(name));
        } catch (UnsatisfiedLinkError e) {
            return 0;
        }
    }
}
