package dev.vex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Callback;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import dev.vex.runtime.jit.JitException;
import dev.vex.text.ClifReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Linking against the embedder's names: raw addresses, modules compiled earlier, Java callbacks. */
class HostSymbolsTest {
    static final String CALLS_MY_ABS = """
            function %abs_plus_one(i64) -> i64 {
                fn0 = %my_abs(i64) -> i64
            block0(v0: i64):
                v1 = call fn0(v0)
                v2 = iadd_imm v1, 1
                return v2
            }
            """;

    static final String LIBRARY = """
            function %triple(i64) -> i64 {
            block0(v0: i64):
                v1 = imul_imm v0, 3
                return v1
            }
            """;

    static final String CLIENT = """
            function %triple_plus(i64, i64) -> i64 {
                fn0 = %triple(i64) -> i64
            block0(v0: i64, v1: i64):
                v2 = call fn0(v0)
                v3 = iadd v2, v1
                return v3
            }
            """;

    /** A Java method generated code calls: (i64, i64) -> i64. */
    public interface LongBinary extends Callback {
        /** The operation. */
        long invoke(long a, long b);
    }

    static final String FOLDS_WITH_JAVA = """
            function %fold(i64) -> i64 {
                fn0 = %java_combine(i64, i64) -> i64
            block0(v0: i64):
                v1 = iconst.i64 0
                v2 = iconst.i64 1
                jump block1(v2, v1)
            block1(v3: i64, v4: i64):
                v5 = icmp sgt v3, v0
                brif v5, block3, block2
            block2:
                v6 = call fn0(v4, v3)
                v7 = iadd_imm v3, 1
                jump block1(v7, v6)
            block3:
                return v4
            }
            """;

    @Test
    void aRawAddressResolvesANameNoLibraryDefines() {
        long labs = Pointer.nativeValue(NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("labs"));
        JitException undefined = assertThrows(JitException.class,
                () -> Vex.compile(ClifReader.readModule(CALLS_MY_ABS, "t.clif")));
        assertTrue(undefined.getMessage().contains("calls %my_abs, which is neither in the module nor a runtime builtin"), undefined.getMessage());
        try (NativeModule m = Vex.compile(ClifReader.readModule(CALLS_MY_ABS, "t.clif"),
                HostSymbols.of(Map.of("my_abs", labs)))) {
            assertEquals(43L, m.function("abs_plus_one").invokeLong(-42));
            assertEquals(8L, m.function("abs_plus_one").invokeLong(7));
        }
    }

    @Test
    void aModuleCallsAModuleCompiledEarlierWhichStaysMappedWhileItIsUsed() {
        NativeModule library = Vex.compile(ClifReader.readModule(LIBRARY, "lib.clif"));
        NativeModule client = Vex.compile(ClifReader.readModule(CLIENT, "client.clif"),
                new HostSymbols().exportsOf(library));
        assertEquals(3 * 14 + 5L, client.function("triple_plus").invokeLong(14, 5));
        library.close();
        assertTrue(library.isClosed());
        assertThrows(VexCallException.class, () -> library.function("triple").invokeLong(1));
        // Closed, but its caller still runs its code: the unmapping waits for the client.
        assertEquals(3 * -7 + 1L, client.function("triple_plus").invokeLong(-7, 1));
        client.close();
        VexCallException closed = assertThrows(VexCallException.class,
                () -> Vex.compile(ClifReader.readModule(CLIENT, "c.clif"), new HostSymbols().exportsOf(library)));
        assertTrue(closed.getMessage().contains("closed module"), closed.getMessage());
    }

    @Test
    void generatedCodeCallsJava() {
        List<long[]> seen = new ArrayList<>();
        LongBinary combine = (a, b) -> {
            seen.add(new long[] {a, b});
            return a * 31 + b;
        };
        try (NativeModule m = Vex.compile(ClifReader.readModule(FOLDS_WITH_JAVA, "fold.clif"),
                new HostSymbols().javaCallback("java_combine", combine))) {
            long expected = 0;
            for (long i = 1; i <= 10; i++) {
                expected = expected * 31 + i;
            }
            assertEquals(expected, m.function("fold").invokeLong(10));
            assertEquals(10, seen.size());
            assertEquals(List.of(0L, 1L), List.of(seen.get(0)[0], seen.get(0)[1]));
            assertEquals(0L, m.function("fold").invokeLong(0));
            assertEquals(10, seen.size(), "no iteration, no callback");
        }
    }

    @Test
    void misuseIsAnError() {
        assertThrows(VexCallException.class, () -> new HostSymbols().define("", 1));
        assertThrows(VexCallException.class, () -> new HostSymbols().define("x", 0));
        HostSymbols s = new HostSymbols().define("a", 16).define("b", 32);
        assertEquals(List.of("a", "b"), s.names());
        assertEquals(0L, s.address("c"));
        assertFalse(s.names().contains("c"));
    }
}
