package dev.vex.runtime.jit;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import dev.vex.runtime.jna.VexLibrary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The symbols generated code may call in this process: the runtime's exports from libvexrt
 * ({@code vex_trap}, {@code vex_alloc}, ...), then anything the process has loaded, libm
 * ({@code fma}, {@code fmaf}) and libc. The one thread-local symbol is {@code vex_stack_limit}.
 */
public final class RuntimeSymbols implements SymbolResolver {
    /** The runtime's stack limit, read by generated prologues as initial-exec TLS. */
    public static final String STACK_LIMIT = "vex_stack_limit";

    private static final RuntimeSymbols INSTANCE = new RuntimeSymbols();

    private final Map<String, Long> cache = new ConcurrentHashMap<>();
    private volatile List<NativeLibrary> libraries;
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
        for (NativeLibrary lib : libraries()) {
            try {
                return Pointer.nativeValue(lib.getGlobalVariableAddress(name));
            } catch (UnsatisfiedLinkError e) {
                // not in this one: try the next
            }
        }
        return 0;
    }

    private List<NativeLibrary> libraries() {
        List<NativeLibrary> libs = libraries;
        if (libs == null) {
            libs = List.of(VexLibrary.nativeLibrary(), NativeLibrary.getProcess(),
                    NativeLibrary.getInstance(Platform.MATH_LIBRARY_NAME), NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
            libraries = libs;
        }
        return libs;
    }
}
