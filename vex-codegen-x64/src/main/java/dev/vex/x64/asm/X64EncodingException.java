package dev.vex.x64.asm;

import dev.vex.diag.VexException;

/**
 * An instruction that x86-64 cannot encode as asked (mixed operand widths, rsp as an index, a
 * memory operand without a width where none can be inferred), or one that needs a CPU feature
 * the assembler was told it may not use.
 */
public final class X64EncodingException extends VexException {
    private static final long serialVersionUID = 1L;

    public X64EncodingException(String message) {
        super(message);
    }
}
