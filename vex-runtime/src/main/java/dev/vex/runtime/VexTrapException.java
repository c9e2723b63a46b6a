package dev.vex.runtime;

import dev.vex.diag.VexException;
import dev.vex.ir.TrapCode;

/**
 * Compiled code trapped: integer division by zero or overflow, a float-to-integer conversion out
 * of range, a {@code trap}/{@code trapz}/{@code trapnz}, or a stack overflow caught by a
 * prologue's check. The native call was abandoned through the runtime's trap exit; the module
 * stays usable and the next call runs normally.
 */
public final class VexTrapException extends VexException {
    private static final long serialVersionUID = 1L;

    private final transient TrapCode code;
    private final int codeNumber;
    private final String function;
    private final long offset;

    /**
     * @param code       the trap code, or null if the number is not one (a bug in the code generator)
     * @param codeNumber the code as generated code passed it ({@link TrapCode#number()})
     * @param function   the function whose code trapped, without {@code %}
     * @param offset     the trap site's return address, as an offset from the function's start,
     *                   or -1 if it lies outside every function of the module
     */
    public VexTrapException(TrapCode code, int codeNumber, String function, long offset) {
        super("trap " + (code != null ? code.toString() : "#" + codeNumber) + " in %" + function
                + (offset >= 0 ? " (return address +0x" + Long.toHexString(offset) + ")" : ""));
        this.code = code;
        this.codeNumber = codeNumber;
        this.function = function;
        this.offset = offset;
    }

    /** The trap code; null only for a number {@link TrapCode#fromNumber} does not know. */
    public TrapCode trapCode() {
        return code;
    }

    /** The trap code's number as the runtime reports it. */
    public int codeNumber() {
        return codeNumber;
    }

    /** The function whose code trapped (which may be a callee of the one called). */
    public String function() {
        return function;
    }

    /** Where in {@link #function()} (the return address of the trap call), or -1. */
    public long offset() {
        return offset;
    }
}
