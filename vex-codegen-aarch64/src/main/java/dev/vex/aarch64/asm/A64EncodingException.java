package dev.vex.aarch64.asm;

import dev.vex.diag.VexException;

/**
 * An instruction that A64 cannot encode as asked: an immediate out of range or not encodable
 * (a logical immediate that is no bitmask pattern), mixed register widths, sp where the field
 * means the zero register, or an instruction that needs a feature the assembler may not use.
 */
public final class A64EncodingException extends VexException {
    private static final long serialVersionUID = 1L;

    public A64EncodingException(String message) {
        super(message);
    }
}
