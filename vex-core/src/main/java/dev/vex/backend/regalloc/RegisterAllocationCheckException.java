package dev.vex.backend.regalloc;

import dev.vex.diag.VexException;

/** The checker found an allocation that does not preserve the program: a bug in the allocator. */
public final class RegisterAllocationCheckException extends VexException {
    private static final long serialVersionUID = 1L;

    RegisterAllocationCheckException(String function, String message) {
        super("register allocation of " + function + " is wrong: " + message);
    }
}
