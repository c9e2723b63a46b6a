package dev.vex.interp;

import dev.vex.ir.TrapCode;
import java.util.Objects;

/**
 * Thrown by an interpreted operation that traps, carrying the {@link TrapCode}.
 *
 * <p>A trap is an outcome of running a program, not a fault of Vex or of its caller, so it is
 * not a {@code VexException}. It records no stack trace: interpreted programs may trap often
 * (the conformance suite checks traps), and the Java stack says nothing about the program.
 */
public final class Trap extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient TrapCode code;

    /** A trap with {@code code}. */
    public Trap(TrapCode code) {
        super(Objects.requireNonNull(code, "code").toString(), null, false, false);
        this.code = code;
    }

    /** The trap code. */
    public TrapCode code() {
        return code;
    }
}
