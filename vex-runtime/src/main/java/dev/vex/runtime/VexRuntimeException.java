package dev.vex.runtime;

import dev.vex.diag.VexException;

/** A bad use of the runtime (a closed runtime, a handle used twice, arguments that do not fit a
 * descriptor), or a failure the native runtime reported (it could not start its threads). */
public final class VexRuntimeException extends VexException {
    private static final long serialVersionUID = 1L;

    /** A runtime failure described by {@code message}. */
    public VexRuntimeException(String message) {
        super(message);
    }
}
