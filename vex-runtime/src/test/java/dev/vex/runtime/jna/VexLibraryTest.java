package dev.vex.runtime.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * The JNA interface and the symbol lookups see one copy of the runtime. From a jar, JNA unpacks a
 * library per load: two loads would give two runtimes with separate thread-locals, and generated
 * code linked against one would crash on the other's workers.
 */
class VexLibraryTest {
    @Test
    void interfaceAndSymbolLookupShareOneLoadedLibrary() {
        NativeLibrary symbols = VexLibrary.nativeLibrary();
        NativeLibrary calls = ((Library.Handler) Proxy.getInvocationHandler(VexLibrary.instance())).getNativeLibrary();
        assertEquals(symbols.getFile().getAbsoluteFile(), calls.getFile().getAbsoluteFile());
        assertEquals(symbols.getGlobalVariableAddress("vex_yield_desc"), calls.getGlobalVariableAddress("vex_yield_desc"));
        assertEquals(com.sun.jna.Pointer.nativeValue(symbols.getFunction("vex_yield")),
                com.sun.jna.Pointer.nativeValue(calls.getFunction("vex_yield")));
    }
}
