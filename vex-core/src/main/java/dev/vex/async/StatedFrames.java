package dev.vex.async;

import dev.vex.ir.FuncRef;
import dev.vex.ir.Function;
import dev.vex.ir.FutureFrame;
import dev.vex.ir.Module;
import java.util.HashMap;
import java.util.Map;

/**
 * The frames a module's declarations state for the C futures it awaits ({@code fn0 = async %f(i64)
 * -> i64 frame 32 align 8}), in front of another table (the runtime's leaves, and any the caller
 * supplies). A stated frame wins: it is the module's own word about its callee. The verifier has
 * checked the numbers and that declarations agree.
 */
final class StatedFrames {
    private StatedFrames() {
    }

    static FrameSizes over(Module module, FrameSizes fallback) {
        Map<String, FrameSize> stated = new HashMap<>();
        for (Function fn : module.functions()) {
            for (FuncRef ref : fn.funcRefs()) {
                FutureFrame f = ref.frame();
                if (f != null) {
                    stated.putIfAbsent(ref.name(), new FrameSize(Math.toIntExact(f.size()), Math.toIntExact(f.align())));
                }
            }
        }
        if (stated.isEmpty()) {
            return fallback;
        }
        return name -> {
            FrameSize s = stated.get(name);
            return s != null ? s : fallback.frameOf(name);
        };
    }
}
