package dev.vex.runtime.jit;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import dev.vex.runtime.jna.VexLibrary;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The symbols generated code may call in this process, and no others: the runtime's exports from
 * libvexrt (names starting {@code vex_}: {@code vex_trap}, {@code vex_alloc}, ...), and the
 * libm functions the backends call themselves ({@link #LIBCALLS}). Anything else of the process,
 * libc's {@code exit} say, is not resolved, so a module cannot call it. The one thread-local
 * symbol is {@code vex_stack_limit}.
 */
public final class RuntimeSymbols implements SymbolResolver {
    /** The runtime's stack limit, read by generated prologues as initial-exec TLS. */
    public static final String STACK_LIMIT = "vex_stack_limit";

    /** The C library functions a backend may call in place of an instruction (x64 without FMA3). */
    public static final Set<String> LIBCALLS = Set.of("fma", "fmaf");

    private static final RuntimeSymbols INSTANCE = new RuntimeSymbols();

    private final Map<String, Long> cache = new ConcurrentHashMap<>();
    private volatile Long stackLimitOffset;

    private RuntimeSymbols() {
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
            lib = NativeLibrary.getInstance(Platform.MATH_LIBRARY_NAME);
        } else {
            return 0;
        }
        try {
            return Pointer.nativeValue(lib.getGlobalVariableAddress(name));
        } catch (UnsatisfiedLinkError e) {
            return 0;
        }
    }
}
