package dev.vex.verify;

/** The verifier's rules, each with the short name its errors carry. */
public enum Rule {
    /** The entry block exists and its parameters match the signature. */
    ENTRY("entry"),
    /** Every block is non-empty and ends in exactly one terminator. */
    TERMINATOR("terminator"),
    /** Every use is dominated by its definition. */
    DOMINANCE("dominance"),
    /** Operand and result types agree with the opcode. */
    TYPES("types"),
    /** Branch arguments agree with the target block's parameters. */
    BLOCK_CALL("block-call"),
    /** Returned values agree with the signature's returns. */
    RETURN("return"),
    /** Call arguments and results agree with the callee's declaration, and the declaration with its definition. */
    CALL("call"),
    /** call, await, await_boxed, spawn and func_addr are used on callees of the right kind, in functions of the right kind. */
    ASYNC("async"),
    /** A declaration of a runtime builtin has the builtin's signature and kind. */
    BUILTIN("builtin"),
    /** A future's stated frame holds the async header, is aligned sanely, and agrees across the module. */
    FRAME("frame"),
    /** No cycle of plain awaits in the call graph. */
    AWAIT_CYCLE("await-cycle"),
    /** No borrowed pointer, nor one derived from it, live across an await. */
    BORROW("borrow"),
    /** No lock guard live across an await. */
    GUARD("guard");

    private final String text;

    Rule(String text) {
        this.text = text;
    }

    /** The short name: {@code dominance}, {@code await-cycle}... */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
