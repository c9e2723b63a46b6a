package dev.vex.code;

import dev.vex.diag.VexException;

/**
 * A misuse of a {@link CodeBuffer}: a label bound twice or never bound, or a label or relocation
 * whose value does not fit the field it patches.
 */
public final class CodeException extends VexException {
    private static final long serialVersionUID = 1L;

    public CodeException(String message) {
        super(message);
    }
}
