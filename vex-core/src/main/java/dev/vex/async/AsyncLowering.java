package dev.vex.async;

import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns every async function of a module into a stackless state machine, as plain sync IR
 * (see the package comment for the shape and the frame). Pure: the input module is not changed.
 *
 * <p>The module must have passed {@link dev.vex.verify.Verifier#check}: the lowering relies on
 * its SSA form, on awaits only of async callees, on no await cycle and on no borrow or guard
 * live across an await. Sync functions pass through as they are, except that their
 * {@code spawn}s become {@code vex_spawn} calls and their {@code func_addr}s of async functions
 * the addresses of those functions' descriptors.
 */
public final class AsyncLowering {
    private AsyncLowering() {
    }

    /**
     * Lowers {@code module}. The frames of the awaitables the module does not define come from
     * their declarations ({@code frame N align M}), else from {@code leaves} (the runtime's leaf
     * futures, and any C futures the caller describes).
     *
     * @throws AsyncLoweringException if an awaited callee's frame size is unknown, or a name the
     *                                lowering adds is taken
     */
    public static LoweredModule lower(Module module, FrameSizes leaves) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(leaves, "leaves");
        leaves = StatedFrames.over(module, leaves);
        for (Function f : module.functions()) {
            if (f.isAsync() && module.function(AsyncSymbols.resumeName(f.name())) != null) {
                throw new AsyncLoweringException("the module already has a function %" + AsyncSymbols.resumeName(f.name())
                        + ", the name of the resume function of %" + f.name());
            }
        }
        Map<String, AsyncFrameLayout> layouts = FrameLayoutPlanner.plan(module, leaves);
        ModuleBuilder mb = new ModuleBuilder();
        for (Function f : module.functions()) {
            if (f.isAsync()) {
                mb.add(StateMachineLowering.lower(f, layouts.get(f.name()), module, layouts, leaves));
            } else if (SpawnLowering.needsLowering(f)) {
                mb.add(SpawnLowering.lower(f));
            } else {
                mb.add(f);
            }
        }
        return new LoweredModule(mb.build(), new LinkedHashMap<>(layouts));
    }
}
