package dev.vex.ir;

import dev.vex.diag.VexException;

/**
 * Thrown by {@link FunctionBuilder} and {@link ModuleBuilder} when asked to build IR that cannot
 * be well typed: operand types that disagree with the opcode, a block call of the wrong arity, an
 * immediate that does not fit, a number used twice. The message names the function, the block and
 * the opcode.
 */
public class IrBuildException extends VexException {
    private static final long serialVersionUID = 1L;

    private final String unsupportedFeature;
    private final transient Instruction instruction;
    private final int valueNumber;

    /** A misuse described by {@code message}. */
    public IrBuildException(String message) {
        this(message, null);
    }

    /**
     * {@code unsupportedFeature} names a CLIF feature Vex does not implement that the request
     * would need (e.g. {@code "i128"} for {@code iconcat} of two i64), or is null.
     */
    public IrBuildException(String message, String unsupportedFeature) {
        this(message, unsupportedFeature, null, -1);
    }

    /**
     * {@code instruction} is the instruction at fault if it was already made (a check deferred to
     * {@link FunctionBuilder#build()}), {@code valueNumber} the N of a {@code vN} at fault or -1.
     */
    public IrBuildException(String message, String unsupportedFeature, Instruction instruction, int valueNumber) {
        super(message);
        this.unsupportedFeature = unsupportedFeature;
        this.instruction = instruction;
        this.valueNumber = valueNumber;
    }

    /** The instruction at fault, when the error was found after it was made; else null. */
    public Instruction instruction() {
        return instruction;
    }

    /** N of the value {@code vN} at fault (e.g. used but never defined), or -1. */
    public int valueNumber() {
        return valueNumber;
    }

    /** The unsupported CLIF feature this request needed, or null if it is simply wrong. */
    public String unsupportedFeature() {
        return unsupportedFeature;
    }
}
