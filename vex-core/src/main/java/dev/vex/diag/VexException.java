package dev.vex.diag;

/**
 * The root of every error Vex reports about its input or its use.
 *
 * <p>Anything Vex throws for bad text, bad IR or a bad call is a subclass of this one, so a
 * front end can catch a single type. An exception of any other type escaping Vex is a bug.
 */
public abstract class VexException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected VexException(String message) {
        super(message);
    }

    protected VexException(String message, Throwable cause) {
        super(message, cause);
    }
}
