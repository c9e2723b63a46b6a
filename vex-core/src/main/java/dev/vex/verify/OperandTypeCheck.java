package dev.vex.verify;

import dev.vex.ir.AbiParam;
import dev.vex.ir.Block;
import dev.vex.ir.BlockCall;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.Opcode;
import dev.vex.ir.Signature;
import dev.vex.ir.Type;
import dev.vex.ir.TypeRules;
import dev.vex.ir.Value;
import java.util.List;

/**
 * Types that connect an instruction to something else: the controlling type to the controlling
 * operand (from {@link TypeRules}), branch arguments to the target's parameters, a branch
 * condition or table index to the integers, returned values to the signature, call arguments and
 * results to the callee's signature. The per-opcode operand rules themselves are applied by
 * {@link dev.vex.ir.FunctionBuilder} to every instruction it makes.
 */
final class OperandTypeCheck {
    private OperandTypeCheck() {
    }

    static void run(FunctionErrors out) {
        Function fn = out.function();
        for (Block b : fn.blocks()) {
            for (Instruction inst : b.instructions()) {
                instruction(inst, fn, out);
            }
        }
    }

    private static void instruction(Instruction inst, Function fn, FunctionErrors out) {
        Opcode op = inst.opcode();
        int ci = TypeRules.controllingOperand(op);
        if (ci >= 0 && ci < inst.operandCount() && inst.operand(ci).type() != inst.controllingType()) {
            out.report(Rule.TYPES, inst, op + " is instantiated at " + inst.controllingType() + ", but its operand "
                    + inst.operand(ci) + " has type " + inst.operand(ci).type());
        }
        if ((op == Opcode.BRIF || op == Opcode.BR_TABLE) && !inst.operand(0).type().isInt()) {
            out.report(Rule.TYPES, inst, (op == Opcode.BRIF ? "the condition " : "the index ") + inst.operand(0)
                    + " must be an integer, not " + inst.operand(0).type());
        }
        for (BlockCall c : inst.destinations()) {
            blockCall(inst, c, out);
        }
        switch (op) {
            case RETURN -> values(Rule.RETURN, inst, inst.operands(), fn.signature().returns(), "returns", out);
            case CALL, AWAIT, AWAIT_BOXED, SPAWN -> {
                Signature sig = inst.funcRef().signature();
                values(Rule.CALL, inst, inst.operands(), sig.params(), "passes", out);
                if (op == Opcode.SPAWN) {
                    if (inst.resultCount() != 1 || inst.result(0).type() != Type.I64) {
                        out.report(Rule.CALL, inst, "spawn yields exactly one i64 task handle");
                    }
                } else {
                    values(Rule.CALL, inst, inst.results(), sig.returns(), "yields", out);
                }
            }
            case RETURN_CALL -> values(Rule.CALL, inst, inst.operands(), inst.funcRef().signature().params(),
                    "passes", out);
            case RETURN_CALL_INDIRECT -> values(Rule.CALL, inst, inst.operands().subList(1, inst.operandCount()),
                    inst.sigRef().signature().params(), "passes", out);
            case CALL_INDIRECT, AWAIT_INDIRECT, SPAWN_INDIRECT -> {
                Signature sig = inst.sigRef().signature();
                values(Rule.CALL, inst, inst.operands().subList(1, inst.operandCount()), sig.params(), "passes", out);
                if (op == Opcode.SPAWN_INDIRECT) {
                    if (inst.resultCount() != 1 || inst.result(0).type() != Type.I64) {
                        out.report(Rule.CALL, inst, "spawn_indirect yields exactly one i64 task handle");
                    }
                } else {
                    values(Rule.CALL, inst, inst.results(), sig.returns(), "yields", out);
                }
            }
            default -> { }
        }
    }

    private static void blockCall(Instruction inst, BlockCall c, FunctionErrors out) {
        List<Value> params = c.block().params();
        List<Value> args = c.args();
        if (params.size() != args.size()) {
            out.report(Rule.BLOCK_CALL, inst, "passes " + StructureCheck.plural(args.size(), "argument") + " to "
                    + c.block() + ", which has " + StructureCheck.plural(params.size(), "parameter"));
            return;
        }
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).type() != params.get(i).type()) {
                out.report(Rule.BLOCK_CALL, inst, "passes " + args.get(i) + " of type " + args.get(i).type() + " to "
                        + c.block() + "'s parameter " + params.get(i) + " of type " + params.get(i).type());
            }
        }
    }

    /** {@code values} against the types of {@code wanted}, in count and one by one. */
    private static void values(Rule rule, Instruction inst, List<Value> values, List<AbiParam> wanted, String verb,
            FunctionErrors out) {
        if (values.size() != wanted.size()) {
            out.report(rule, inst, verb + " " + StructureCheck.plural(values.size(), "value") + ", but the signature has "
                    + wanted.size());
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).type() != wanted.get(i).type()) {
                out.report(rule, inst, verb + " " + values.get(i) + " of type " + values.get(i).type()
                        + " where the signature has " + wanted.get(i));
            }
        }
    }
}
