package dev.vex.backend;

import dev.vex.diag.VexException;

/**
 * A machine function the backend cannot accept: malformed (not SSA, a critical edge, a
 * constraint that names the wrong class) or with constraints no allocation can meet.
 */
public final class BackendException extends VexException {
    private static final long serialVersionUID = 1L;

    public BackendException(String function, String message) {
        super("function " + function + ": " + message);
    }
}
