package dev.vex.runtime.jit.ffm;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import com.sun.jna.Pointer;
import dev.vex.runtime.jit.SlotInvoker;
import dev.vex.runtime.jna.VexLibrary;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/**
 * The JDK 22+ binding: {@code vex_invoke} through an FFM downcall handle, pointers passed as
 * {@code long}s (the C ABI passes both alike), so a call makes no {@link MemorySegment} and no
 * JNI transition of its own. {@code vex_invoke}'s address comes from the library JNA loaded, so
 * there is one copy of the runtime, whatever the file.
 */
public final class FfmSlotInvoker implements SlotInvoker {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle VEX_INVOKE = LINKER.downcallHandle(
            MemorySegment.ofAddress(Pointer.nativeValue(VexLibrary.nativeLibrary().getFunction("vex_invoke"))),
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));

    /** Made by {@code CallBinding}, reflectively. */
    public FfmSlotInvoker() {
    }

    @Override
    public int invoke(long entry, long args, long results) {
        try {
            return (int) VEX_INVOKE.invokeExact(entry, args, results, 0L);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("vex_invoke's downcall threw", t);
        }
    }

    @Override
    public String binding() {
        return "ffm";
    }

    @Override
    public MethodHandle unguardedDowncall(long address, MethodType type) {
        MemoryLayout[] params = new MemoryLayout[type.parameterCount()];
        for (int i = 0; i < params.length; i++) {
            params[i] = layout(type.parameterType(i));
        }
        FunctionDescriptor fd = type.returnType() == void.class ? FunctionDescriptor.ofVoid(params)
                : FunctionDescriptor.of(layout(type.returnType()), params);
        return LINKER.downcallHandle(MemorySegment.ofAddress(address), fd);
    }

    private static MemoryLayout layout(Class<?> c) {
        if (c == long.class) {
            return JAVA_LONG;
        } else if (c == int.class) {
            return JAVA_INT;
        } else if (c == short.class) {
            return JAVA_SHORT;
        } else if (c == byte.class) {
            return JAVA_BYTE;
        } else if (c == double.class) {
            return JAVA_DOUBLE;
        } else if (c == float.class) {
            return JAVA_FLOAT;
        }
        throw new IllegalArgumentException("a downcall takes primitives only, not " + c.getName());
    }
}
