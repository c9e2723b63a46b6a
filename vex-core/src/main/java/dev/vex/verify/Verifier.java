package dev.vex.verify;

import dev.vex.analysis.AwaitAnalysis;
import dev.vex.analysis.CallGraph;
import dev.vex.analysis.ControlFlowGraph;
import dev.vex.analysis.DominatorTree;
import dev.vex.analysis.Liveness;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a module against the rules of Vex IR ({@link Rule}) and reports every error, not just the
 * first. Per function: structure, dominance, operand types, callees and the async rules, then
 * (if the SSA form is sound) suspension safety; per module: stated future frames agree, and await
 * cycles.
 */
public final class Verifier {
    private Verifier() {
    }

    /** Every error in the module, in function order; empty if it verifies. */
    public static List<VerifierError> verify(Module module) {
        Map<Function, FunctionErrors> byFunction = new IdentityHashMap<>();
        for (Function fn : module.functions()) {
            byFunction.put(fn, verifyFunction(fn, module));
        }
        FutureFrameCheck.runAcrossModule(module.functions(), byFunction);
        AwaitCycleCheck.run(CallGraph.of(module), byFunction);
        List<VerifierError> all = new ArrayList<>();
        for (Function fn : module.functions()) {
            all.addAll(byFunction.get(fn).errors());
        }
        return all;
    }

    /** Every error in a function on its own: callees resolve only to runtime builtins. */
    public static List<VerifierError> verify(Function function) {
        return verify(new ModuleBuilder().add(function).build());
    }

    /** Throws {@link VerifyException} listing every error, if there is any. */
    public static void check(Module module) {
        List<VerifierError> errors = verify(module);
        if (!errors.isEmpty()) {
            throw new VerifyException(errors);
        }
    }

    private static FunctionErrors verifyFunction(Function fn, Module module) {
        FunctionErrors out = new FunctionErrors(fn);
        StructureCheck.run(out);
        if (fn.blockCount() == 0) {
            return out;
        }
        ControlFlowGraph cfg = ControlFlowGraph.of(fn);
        DominatorTree dom = DominatorTree.of(cfg);
        DominanceCheck.run(out, dom);
        boolean soundSsa = out.count() == 0;
        OperandTypeCheck.run(out);
        CalleeCheck.run(out, module);
        FutureFrameCheck.run(out, module);
        if (soundSsa && fn.isAsync()) {
            SuspensionSafetyCheck.run(out, AwaitAnalysis.of(Liveness.of(cfg)));
        }
        return out;
    }
}
