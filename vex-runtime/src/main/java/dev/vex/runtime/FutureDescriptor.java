package dev.vex.runtime;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.vex.runtime.jna.VexLibrary;

/**
 * A {@code vex_future_desc}: what the runtime needs to run an awaitable as a task (its resume
 * function, frame size and alignment, parameter and result counts, a name). Either one the runtime
 * exports ({@link #builtin}) or one built here in native memory ({@link #create}), which is how
 * the JIT publishes generated async functions. A created descriptor's memory lives as long as this
 * object; keep it reachable while tasks of it run.
 */
public final class FutureDescriptor {
    /** sizeof(vex_future_desc): resume (8), four uint32 (16), name (8). */
    static final int SIZE = 32;

    private final Pointer address;
    private final Object keepAlive; // the Memory blocks of a created descriptor, or null
    private final int frameSize;
    private final int frameAlign;
    private final int nparams;
    private final int nresults;
    private final String name;

    private FutureDescriptor(Pointer address, Object keepAlive) {
        this.address = address;
        this.keepAlive = keepAlive;
        this.frameSize = address.getInt(8);
        this.frameAlign = address.getInt(12);
        this.nparams = address.getInt(16);
        this.nresults = address.getInt(20);
        Pointer n = address.getPointer(24);
        this.name = n == null ? "?" : n.getString(0);
    }

    /** The descriptor the runtime exports for a leaf future, e.g. {@code "vex_sleep"} for {@code vex_sleep_desc}. */
    public static FutureDescriptor builtin(String name) {
        Pointer p;
        try {
            p = VexLibrary.nativeLibrary().getGlobalVariableAddress(name + "_desc");
        } catch (UnsatisfiedLinkError e) {
            throw new VexRuntimeException("the runtime has no future named " + name);
        }
        return new FutureDescriptor(p, null);
    }

    /**
     * A descriptor that generated code holds at {@code address} (a compiled async function's
     * {@code f$desc}); {@code owner} keeps the code mapped while this object is reachable.
     */
    static FutureDescriptor compiled(Pointer address, Object owner) {
        return new FutureDescriptor(address, owner);
    }

    /** The address of one of the runtime's functions (a resume function, for {@link #create}). */
    public static Pointer runtimeFunction(String symbol) {
        try {
            return VexLibrary.nativeLibrary().getFunction(symbol);
        } catch (UnsatisfiedLinkError e) {
            throw new VexRuntimeException("the runtime has no function named " + symbol);
        }
    }

    /** Builds a descriptor in native memory for a resume function at {@code resume}. */
    public static FutureDescriptor create(Pointer resume, int frameSize, int frameAlign, int nparams,
                                          int nresults, String name) {
        if (resume == null) throw new VexRuntimeException(name + ": no resume function");
        if (nparams < 0 || nresults < 0) throw new VexRuntimeException(name + ": negative parameter or result count");
        long minimum = 8L + 8L * nparams + 8L * Math.max(0, nresults - 1);
        if (frameSize < minimum) {
            throw new VexRuntimeException(name + ": a frame of " + frameSize + " bytes cannot hold the state word, "
                    + nparams + " parameters and " + nresults + " results (" + minimum + " bytes)");
        }
        if (frameAlign < 8 || frameAlign > 4096 || Integer.bitCount(frameAlign) != 1) {
            throw new VexRuntimeException(name + ": frame alignment " + frameAlign + " is not a power of two in [8, 4096]");
        }
        Memory text = new Memory(name.length() * 3L + 1);
        text.setString(0, name, "UTF-8");
        Memory desc = new Memory(SIZE);
        desc.setPointer(0, resume);
        desc.setInt(8, frameSize);
        desc.setInt(12, frameAlign);
        desc.setInt(16, nparams);
        desc.setInt(20, nresults);
        desc.setPointer(24, text);
        return new FutureDescriptor(desc, new Object[] {desc, text});
    }

    /** What keeps the descriptor's memory: the owning {@link NativeModule} of a compiled one. */
    Object owner() {
        return keepAlive;
    }

    /** The C struct's address, to hand to the runtime. */
    public Pointer address() {
        return address;
    }

    /** The resume function. */
    public Pointer resume() {
        return address.getPointer(0);
    }

    /** The frame size in bytes. */
    public int frameSize() {
        return frameSize;
    }

    /** The frame alignment in bytes. */
    public int frameAlign() {
        return frameAlign;
    }

    /** The number of parameters. */
    public int paramCount() {
        return nparams;
    }

    /** The number of results. */
    public int resultCount() {
        return nresults;
    }

    /** The function's name, for messages. */
    public String name() {
        return name;
    }

    boolean isOwned() {
        return keepAlive != null;
    }

    @Override
    public String toString() {
        return name + "(" + nparams + " params, " + nresults + " results, frame " + frameSize + "/" + frameAlign + ")";
    }
}
