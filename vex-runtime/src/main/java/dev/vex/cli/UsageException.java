package dev.vex.cli;

import dev.vex.diag.VexException;

/** A command line the tool cannot act on: reported in one line, exit code 2. */
final class UsageException extends VexException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
