package dev.vex.runtime;

import dev.vex.diag.VexException;

/**
 * A call into compiled code that cannot be made as asked: a function the module does not have,
 * arguments of the wrong number or type or out of range, a closed module.
 */
public final class VexCallException extends VexException {
    private static final long serialVersionUID = 1L;

    /** A refused call described by {@code message}. */
    public VexCallException(String message) {
        super(message);
    }
}
