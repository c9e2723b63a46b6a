package dev.vex.async;

import dev.vex.diag.VexException;

/**
 * The async lowering cannot lower a module: an awaited callee whose frame size nobody knows, or
 * a module that breaks a rule the verifier enforces (an await cycle), passed without verifying.
 */
public final class AsyncLoweringException extends VexException {
    private static final long serialVersionUID = 1L;

    public AsyncLoweringException(String message) {
        super(message);
    }
}
