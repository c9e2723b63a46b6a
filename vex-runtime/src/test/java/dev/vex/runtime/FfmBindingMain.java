package dev.vex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vex.runtime.jit.CallBinding;
import dev.vex.text.ClifReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/**
 * Run by {@link FfmBindingTest} in a JDK 22+ child JVM: the FFM binding is the one chosen, the
 * handle checks pass on it, {@code invokeLong} goes through it, and the unguarded downcall of
 * the same code agrees. Prints {@code FFM OK} at the end; any failure exits non-zero.
 */
public final class FfmBindingMain {
    private FfmBindingMain() {
    }

    /** Runs the checks. */
    public static void main(String[] args) throws Throwable {
        assertEquals("ffm", CallHandleChecks.binding(), "the FFM binding was not chosen on " + Runtime.version());
        CallHandleChecks.run();
        try (NativeModule m = Vex.compile(ClifReader.readModule(CallHandleChecks.SOURCE, "ffm.clif"))) {
            NativeFunction add = m.function("add");
            assertEquals(5L, add.invokeLong(2, 3), "invokeLong through the FFM binding");
            MethodHandle raw = CallBinding.invoker().unguardedDowncall(add.address(),
                    MethodType.methodType(long.class, long.class, long.class));
            long guarded = (long) add.handle().invokeExact(-9L, 4L);
            assertEquals(guarded, (long) raw.invokeExact(-9L, 4L), "the raw downcall of the same code");
        }
        System.out.println("FFM OK");
    }
}
