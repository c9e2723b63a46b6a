package dev.vex.cli;

import java.io.PrintStream;

/** How the tool words a throwable that is not Vex's own error: one line, its trace only on request. */
final class InternalErrorReport {
    private InternalErrorReport() {
    }

    /** {@code OutOfMemoryError: Java heap space}, with the causes' messages after it. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t != e) {
                sb.append("; caused by ");
            }
            sb.append(t.getClass().getSimpleName());
            String message = t.getMessage();
            if (message != null && !message.isBlank()) {
                // Keep the report one line whatever the message holds.
                sb.append(": ").append(message.strip().replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
            }
            if (sb.length() > 2000) {
                break;
            }
        }
        return sb.toString();
    }

    /** The stack trace too, for a developer who set {@code -Dvex.stackTrace=true}. */
    static void traceIfAsked(Throwable e, PrintStream err) {
        if (Boolean.getBoolean("vex.stackTrace")) {
            e.printStackTrace(err);
        }
    }
}
