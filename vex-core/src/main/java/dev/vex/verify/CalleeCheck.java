package dev.vex.verify;

import dev.vex.analysis.RuntimeBuiltin;
import dev.vex.ir.AbiParam;
import dev.vex.ir.Block;
import dev.vex.ir.FuncRef;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.Module;
import dev.vex.ir.ParamFlag;
import dev.vex.ir.Signature;
import java.util.List;

/**
 * Callees: each declaration ({@code fnN = ...}) agrees with what it names (a function of the
 * module, else a runtime builtin, else an external symbol, which is taken on trust), and each
 * call-like instruction fits the kinds of caller and callee (ASYNC-IR.md): {@code await} and
 * {@code await_boxed} only in async functions and only on async callees, {@code call} only on
 * sync ones, {@code spawn} only on async ones; {@code await_indirect} only in async functions.
 * {@code func_addr} of an async callee is its function value, for {@code await_indirect} and
 * {@code spawn_indirect}; which kind a value is cannot be seen statically, so the interpreter
 * checks it when the value is called, awaited or spawned.
 *
 * <p>Spawn targets must be async: a task is an async function run by the scheduler, and its first
 * result is what {@code %vex_join} returns; a sync function would have to be wrapped in one.
 */
final class CalleeCheck {
    private static final ParamFlag[] OWNERSHIP = {ParamFlag.BORROW, ParamFlag.BORROW_MUT, ParamFlag.GUARD};

    private CalleeCheck() {
    }

    static void run(FunctionErrors out, Module module) {
        Function fn = out.function();
        for (FuncRef ref : fn.funcRefs()) {
            declaration(ref, module, out);
        }
        for (Block b : fn.blocks()) {
            for (Instruction inst : b.instructions()) {
                instruction(inst, fn, out);
            }
        }
    }

    private static void declaration(FuncRef ref, Module module, FunctionErrors out) {
        Function def = module.resolve(ref);
        String decl = declarationText(ref);
        if (def != null) {
            if (def.isAsync() != ref.isAsync()) {
                out.report(Rule.ASYNC, decl + " declares %" + ref.name() + (ref.isAsync() ? " async" : " sync")
                        + ", but it is " + (def.isAsync() ? "an async" : "a sync") + " function"
                        + (def.isAsync() ? ": declare it `async` and await or spawn it" : ": drop `async` and call it"));
            }
            if (!sameShape(ref.signature(), def.signature())) {
                out.report(Rule.CALL, decl + " does not match the definition of %" + def.name() + def.signature());
            }
            return;
        }
        RuntimeBuiltin builtin = RuntimeBuiltin.named(ref.name());
        if (builtin != null && (builtin.isAsync() != ref.isAsync() || !sameShape(ref.signature(), builtin.signature()))) {
            out.report(Rule.BUILTIN, decl + " declares the runtime builtin %" + builtin.symbol()
                    + " wrongly: it is " + builtin);
        }
    }

    private static void instruction(Instruction inst, Function fn, FunctionErrors out) {
        FuncRef ref = inst.funcRef();
        switch (inst.opcode()) {
            case CALL -> {
                if (ref.isAsync()) {
                    out.report(Rule.ASYNC, inst, "call of the async function %" + ref.name()
                            + ": an async callee must be awaited (await, await_boxed) or spawned, not called");
                }
            }
            case AWAIT, AWAIT_BOXED -> {
                if (!fn.isAsync()) {
                    out.report(Rule.ASYNC, inst, inst.opcode() + " in the sync function %" + fn.name()
                            + ": only an async function may await");
                }
                if (!ref.isAsync()) {
                    out.report(Rule.ASYNC, inst, inst.opcode() + " of the sync function %" + ref.name()
                            + ": only an async callee can be awaited; use call");
                }
            }
            case SPAWN -> {
                if (!ref.isAsync()) {
                    out.report(Rule.ASYNC, inst, "spawn of the sync function %" + ref.name()
                            + ": only an async function can run as a task (its first result is what %vex_join returns)");
                }
            }
            case AWAIT_INDIRECT -> {
                if (!fn.isAsync()) {
                    out.report(Rule.ASYNC, inst, "await_indirect in the sync function %" + fn.name()
                            + ": only an async function may await");
                }
            }
            default -> { }
        }
    }

    /** Same parameter and return types, and the same ownership flags (which change the rules). */
    static boolean sameShape(Signature a, Signature b) {
        return sameParams(a.params(), b.params()) && sameParams(a.returns(), b.returns());
    }

    private static boolean sameParams(List<AbiParam> a, List<AbiParam> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).type() != b.get(i).type()) {
                return false;
            }
            for (ParamFlag f : OWNERSHIP) {
                if (a.get(i).has(f) != b.get(i).has(f)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code fn0 = colocated async %name(i64) -> i64}, the signature written inline. */
    static String declarationText(FuncRef ref) {
        return ref + " = " + (ref.isColocated() ? "colocated " : "") + (ref.isAsync() ? "async " : "") + "%"
                + ref.name() + ref.signature();
    }
}
