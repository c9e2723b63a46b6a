package dev.vex.verify;

import dev.vex.analysis.RuntimeBuiltin;
import dev.vex.ir.FuncRef;
import dev.vex.ir.Function;
import dev.vex.ir.FutureFrame;
import dev.vex.ir.Module;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stated future frames ({@code fn0 = async %f(i64) -> i64 frame 32 align 8}): only a future the
 * module does not define and the runtime does not provide may state one (the others' frames are
 * known); the frame holds the header the async ABI puts in every awaitable's frame, within Vex's
 * frame limits; and every declaration of the same future in the module states the same frame,
 * since one C object stands behind the name.
 */
final class FutureFrameCheck {
    private FutureFrameCheck() {
    }

    /** The declarations of one function on their own. */
    static void run(FunctionErrors out, Module module) {
        for (FuncRef ref : out.function().funcRefs()) {
            FutureFrame frame = ref.frame();
            if (frame != null) {
                declaration(ref, frame, module, out);
            }
        }
    }

    /** Agreement across the module: each later declaration that differs from the first is reported. */
    static void runAcrossModule(List<Function> functions, Map<Function, FunctionErrors> errors) {
        Map<String, FuncRef> first = new HashMap<>();
        for (Function fn : functions) {
            for (FuncRef ref : fn.funcRefs()) {
                if (ref.frame() == null) {
                    continue;
                }
                FuncRef earlier = first.putIfAbsent(ref.name(), ref);
                if (earlier != null && !earlier.frame().equals(ref.frame())) {
                    errors.get(fn).report(Rule.FRAME, CalleeCheck.declarationText(ref) + " states " + ref.frame()
                            + ", but another declaration of %" + ref.name() + " in the module states "
                            + earlier.frame() + ": one future has one frame");
                }
            }
        }
    }

    private static void declaration(FuncRef ref, FutureFrame frame, Module module, FunctionErrors out) {
        String decl = CalleeCheck.declarationText(ref) + " " + frame;
        if (module.resolve(ref) != null) {
            out.report(Rule.FRAME, decl + ": %" + ref.name() + " is defined in this module, which lays out its"
                    + " frame; drop the frame clause");
            return;
        }
        if (RuntimeBuiltin.named(ref.name()) != null) {
            out.report(Rule.FRAME, decl + ": the runtime fixes the frame of its builtin %" + ref.name()
                    + "; drop the frame clause");
            return;
        }
        int header = FutureFrame.headerSize(ref.signature().params().size(), ref.signature().returns().size());
        if (frame.size() < header) {
            out.report(Rule.FRAME, decl + ": the frame must hold at least " + header + " bytes (the state word, a"
                    + " 64-bit slot per parameter and one per result after the first)");
        } else if (frame.size() > FutureFrame.MAX_SIZE) {
            out.report(Rule.FRAME, decl + ": a frame holds at most " + FutureFrame.MAX_SIZE + " bytes");
        }
        if (frame.align() < 8 || frame.align() > FutureFrame.MAX_ALIGN || Long.bitCount(frame.align()) != 1) {
            out.report(Rule.FRAME, decl + ": the alignment must be a power of two from 8 to " + FutureFrame.MAX_ALIGN);
        }
    }
}
