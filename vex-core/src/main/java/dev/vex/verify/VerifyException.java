package dev.vex.verify;

import dev.vex.diag.VexException;
import java.util.List;

/** A module failed verification; the message lists every error, one per line. */
public class VerifyException extends VexException {
    private static final long serialVersionUID = 1L;
    private final transient List<VerifierError> errors;

    /** A failed verification listing {@code errors}. */
    public VerifyException(List<VerifierError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    /** The errors, in function order. */
    public List<VerifierError> errors() {
        return errors;
    }

    private static String describe(List<VerifierError> errors) {
        StringBuilder sb = new StringBuilder();
        sb.append(errors.size()).append(errors.size() == 1 ? " verifier error" : " verifier errors");
        for (VerifierError e : errors) {
            sb.append("\n  ").append(e);
        }
        return sb.toString();
    }
}
