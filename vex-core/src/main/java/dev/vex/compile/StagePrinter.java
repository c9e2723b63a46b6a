package dev.vex.compile;

import dev.vex.async.AsyncFrameLayout;
import dev.vex.async.LoweredModule;
import dev.vex.backend.MachFunction;
import dev.vex.backend.MachFunctionPrinter;
import dev.vex.backend.MachineSpec;
import dev.vex.backend.regalloc.Allocation;
import dev.vex.backend.regalloc.AllocationPrinter;
import dev.vex.text.ClifPrinter;

/**
 * A {@link CompileListener} that keeps the text of one intermediate stage: the async lowering's
 * output ({@code lowered}: the module as CLIF, then each async function's frame layout), the
 * machine instructions before allocation ({@code vcode}), or after it ({@code regalloc}).
 */
public final class StagePrinter implements CompileListener {
    /** The stages between the IR and the code that a compile can print. */
    public enum Stage {
        LOWERED, VCODE, REGALLOC
    }

    private final Stage stage;
    private final MachineSpec spec;
    private final StringBuilder text = new StringBuilder();

    /** Keeps the text of {@code stage}; {@code spec} names the registers. */
    public StagePrinter(Stage stage, MachineSpec spec) {
        this.stage = stage;
        this.spec = spec;
    }

    @Override
    public void lowered(LoweredModule lowered) {
        if (stage != Stage.LOWERED) {
            return;
        }
        text.append(ClifPrinter.print(lowered.module()));
        for (AsyncFrameLayout layout : lowered.layouts().values()) {
            text.append('\n').append(layout.describe());
        }
    }

    @Override
    public void selected(MachFunction function) {
        if (stage == Stage.VCODE) {
            separate().append(MachFunctionPrinter.print(function, spec));
        }
    }

    @Override
    public void allocated(Allocation allocation) {
        if (stage == Stage.REGALLOC) {
            separate().append(AllocationPrinter.print(allocation));
        }
    }

    private StringBuilder separate() {
        return text.length() == 0 ? text : text.append('\n');
    }

    /** What was printed so far. */
    public String text() {
        return text.toString();
    }
}
