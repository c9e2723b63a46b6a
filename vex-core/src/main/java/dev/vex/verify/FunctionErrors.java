package dev.vex.verify;

import dev.vex.ir.Block;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.IrPrinter;
import java.util.ArrayList;
import java.util.List;

/** The errors found in one function, and the way the checks report them. */
final class FunctionErrors {
    private final Function function;
    private final List<VerifierError> errors = new ArrayList<>();

    FunctionErrors(Function function) {
        this.function = function;
    }

    Function function() {
        return function;
    }

    /** An error about the function as a whole (its signature, a declaration). */
    void report(Rule rule, String message) {
        errors.add(new VerifierError(function.name(), null, null, rule.text(), message));
    }

    /** An error about a block. */
    void report(Rule rule, Block block, String message) {
        errors.add(new VerifierError(function.name(), block.toString(), null, rule.text(), message));
    }

    /** An error about an instruction. */
    void report(Rule rule, Instruction inst, String message) {
        errors.add(new VerifierError(function.name(), inst.block().toString(), IrPrinter.print(inst), rule.text(), message));
    }

    /** The printed text of an instruction, for messages that name another instruction. */
    String textOf(Instruction inst) {
        return IrPrinter.print(inst);
    }

    int count() {
        return errors.size();
    }

    List<VerifierError> errors() {
        return errors;
    }
}
