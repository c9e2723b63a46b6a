package dev.vex.runtime.jit;

import dev.vex.diag.VexException;

/**
 * Compiled code that cannot be made runnable: a symbol nothing defines, a field its target does
 * not reach, a target with no JIT support, memory the system would not map.
 */
public final class JitException extends VexException {
    private static final long serialVersionUID = 1L;

    /** A link or mapping failure described by {@code message}. */
    public JitException(String message) {
        super(message);
    }
}
