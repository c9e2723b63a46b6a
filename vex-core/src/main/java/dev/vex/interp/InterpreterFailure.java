package dev.vex.interp;

/**
 * Why a run cannot go on (deadlock, step limit, an undefined callee, a bad task or channel
 * handle, an unsupported construct). Internal: {@link Interpreter} turns it into
 * {@code Outcome.Failed} and never lets it escape.
 */
final class InterpreterFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InterpreterFailure(String reason) {
        super(reason, null, false, false);
    }
}
