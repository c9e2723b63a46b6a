package dev.vex.ir;

/**
 * A callee declared in a function's preamble: {@code fn0 = %name(i64) -> i64}, optionally
 * {@code colocated} (defined in the same module, so a near call will do) or {@code async} (an
 * async function, to be awaited or spawned). The name refers to a function of the same module
 * or, failing that, to a runtime builtin or an external symbol. An async callee the module does
 * not define may state its frame ({@link FutureFrame}): {@code fn0 = async %f(i64) -> i64 frame 32
 * align 8}.
 */
public final class FuncRef {
    private final int number;
    private final String name;
    private final SigRef sigRef;
    private final boolean colocated;
    private final boolean isAsync;
    private final FutureFrame frame;

    FuncRef(int number, String name, SigRef sigRef, boolean colocated, boolean isAsync, FutureFrame frame) {
        this.number = number;
        this.name = name;
        this.sigRef = sigRef;
        this.colocated = colocated;
        this.isAsync = isAsync;
        this.frame = frame;
    }

    /** N in {@code fnN}. */
    public int number() {
        return number;
    }

    /** The callee's name, without the {@code %}. */
    public String name() {
        return name;
    }

    /** The signature reference the callee is declared with. */
    public SigRef sigRef() {
        return sigRef;
    }

    /** The callee's signature. */
    public Signature signature() {
        return sigRef.signature();
    }

    /** Whether the callee is in the same module (a near call). */
    public boolean isColocated() {
        return colocated;
    }

    /** Declared {@code async}: the callee is an async function. */
    public boolean isAsync() {
        return isAsync;
    }

    /** The frame the declaration states ({@code frame N align M}), or null if it states none. */
    public FutureFrame frame() {
        return frame;
    }

    @Override
    public String toString() {
        return "fn" + number;
    }
}
