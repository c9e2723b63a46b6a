package dev.vex.async;

import dev.vex.analysis.AwaitAnalysis;
import dev.vex.analysis.AwaitPoint;
import dev.vex.analysis.ControlFlowGraph;
import dev.vex.analysis.Liveness;
import dev.vex.backend.FrameLayout;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.Module;
import dev.vex.ir.Opcode;
import dev.vex.ir.StackSlot;
import dev.vex.ir.Type;
import dev.vex.ir.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays out the frame of every async function of a module. A function's frame embeds the frames
 * of the callees it awaits (not those it awaits boxed), so callees are laid out first; the
 * verifier guarantees that plain awaits make no cycle.
 *
 * <p>Within a frame: the shared header (state, parameters, results 1..), the save area (the
 * largest set any one await saves, since one await at a time is in progress), the stack slots in
 * declaration order each at its alignment (8 when none is asked for), and the callee area (the
 * largest embedded callee frame, at the strictest callee alignment). The frame's alignment is
 * the strictest of all of these and at least 8; its size is a multiple of it.
 */
final class FrameLayoutPlanner {
    private static final int DEFAULT_SLOT_ALIGN = 8;

    private final Module module;
    private final FrameSizes leaves;
    private final Map<String, AsyncFrameLayout> done = new LinkedHashMap<>();
    private final Set<String> inProgress = new LinkedHashSet<>();

    private FrameLayoutPlanner(Module module, FrameSizes leaves) {
        this.module = module;
        this.leaves = leaves;
    }

    /** The layout of every async function of {@code module}, in module order. */
    static Map<String, AsyncFrameLayout> plan(Module module, FrameSizes leaves) {
        FrameLayoutPlanner p = new FrameLayoutPlanner(module, leaves);
        for (Function f : module.functions()) {
            if (f.isAsync()) {
                p.layout(f);
            }
        }
        Map<String, AsyncFrameLayout> ordered = new LinkedHashMap<>();
        for (Function f : module.functions()) {
            if (f.isAsync()) {
                ordered.put(f.name(), p.done.get(f.name()));
            }
        }
        return ordered;
    }

    /** The frame of an awaitable: a module async function's layout, else the table's entry. */
    static FrameSize frameOf(String callee, Map<String, AsyncFrameLayout> layouts, FrameSizes leaves, Module module) {
        AsyncFrameLayout l = layouts.get(callee);
        if (l != null) {
            return l.frame();
        }
        if (module.function(callee) != null) {
            throw new AsyncLoweringException("%" + callee + " is awaited but is not an async function");
        }
        FrameSize s = leaves.frameOf(callee);
        if (s == null) {
            throw new AsyncLoweringException("%" + callee + " is awaited, but its frame size is unknown: it is neither"
                    + " an async function of the module nor an awaitable the runtime describes");
        }
        return s;
    }

    private AsyncFrameLayout layout(Function f) {
        AsyncFrameLayout l = done.get(f.name());
        if (l != null) {
            return l;
        }
        if (!inProgress.add(f.name())) {
            List<String> cycle = new ArrayList<>(inProgress);
            cycle = cycle.subList(cycle.indexOf(f.name()), cycle.size());
            throw new AsyncLoweringException("await cycle " + String.join(" -> ", cycle.stream().map(n -> "%" + n).toList())
                    + " -> %" + f.name() + ": the frame would be infinite (use await_boxed; verify the module first)");
        }
        l = compute(f);
        inProgress.remove(f.name());
        done.put(f.name(), l);
        return l;
    }

    private FrameSize embeddedFrame(String callee) {
        Function def = module.function(callee);
        if (def != null && def.isAsync()) {
            return layout(def).frame();
        }
        return frameOf(callee, done, leaves, module);
    }

    private AsyncFrameLayout compute(Function f) {
        List<Type> params = f.signature().params().stream().map(p -> p.type()).toList();
        List<Type> results = f.signature().returns().stream().map(p -> p.type()).toList();
        int header = AsyncFrameLayout.headerSize(params.size(), results.size());
        int align = 8;

        // Awaits: what each saves, in a save area local offset; callee frames.
        ControlFlowGraph cfg = ControlFlowGraph.of(f);
        List<AwaitPoint> points = AwaitAnalysis.of(Liveness.of(cfg)).points().stream()
                .filter(p -> cfg.isReachable(p.instruction().block())).toList();
        int saveSize = 0;
        int calleeSize = 0;
        int calleeAlign = 0;
        List<SaveSet> perAwait = new ArrayList<>();
        for (AwaitPoint p : points) {
            Instruction await = p.instruction();
            boolean indirect = await.opcode() == Opcode.AWAIT_INDIRECT;
            boolean boxed = indirect || await.opcode() == Opcode.AWAIT_BOXED;
            FrameSize callee = null;
            if (!boxed) {
                callee = embeddedFrame(await.funcRef().name());
                calleeSize = Math.max(calleeSize, callee.size());
                calleeAlign = Math.max(calleeAlign, callee.align());
            }
            List<Value> saved = new ArrayList<>();
            List<Value> remat = new ArrayList<>();
            for (Value v : p.values()) {
                (isRematerializable(v) ? remat : saved).add(v);
            }
            // Widest first, so that every value sits at its natural alignment without padding.
            saved.sort(Comparator.comparingInt((Value v) -> -v.type().bytes()).thenComparingInt(Value::id));
            // A boxed await saves its callee frame pointer; an indirect one its resume function too.
            int local = indirect ? 16 : boxed ? 8 : 0;
            int[] offsets = new int[saved.size()];
            for (int i = 0; i < saved.size(); i++) {
                offsets[i] = local;
                local += saved.get(i).type().bytes();
            }
            saveSize = Math.max(saveSize, local);
            perAwait.add(new SaveSet(await, callee, saved, remat, offsets));
        }
        int saveOffset = header;
        // In 64 bits: slots of nearly 2 GiB each must not wrap the frame (see within()).
        long pos = header + ((saveSize + 7L) & -8);

        Map<StackSlot, Integer> slotOffsets = new HashMap<>();
        for (StackSlot s : f.stackSlots()) {
            int a = s.align() > 0 ? s.align() : DEFAULT_SLOT_ALIGN;
            pos = roundUp(pos, a);
            slotOffsets.put(s, within(f, pos, s.toString()));
            pos += s.size();
            within(f, pos, s + " (" + s.size() + " bytes)");
            align = Math.max(align, a);
        }
        int calleeOffset = 0;
        FrameSize calleeArea = null;
        if (calleeSize > 0) {
            pos = roundUp(pos, calleeAlign);
            calleeOffset = within(f, pos, "the frames of awaited callees");
            calleeArea = new FrameSize(calleeSize, calleeAlign);
            pos += calleeSize;
            align = Math.max(align, calleeAlign);
        }
        int size = within(f, roundUp(pos, align), "the frames of awaited callees (" + calleeSize + " bytes)");

        List<AwaitState> awaits = new ArrayList<>();
        for (int k = 0; k < perAwait.size(); k++) {
            SaveSet a = perAwait.get(k);
            List<AwaitState.SavedValue> sv = new ArrayList<>();
            for (int i = 0; i < a.saved().size(); i++) {
                sv.add(new AwaitState.SavedValue(a.saved().get(i), saveOffset + a.offsets()[i]));
            }
            awaits.add(new AwaitState(k + 1, a.await(), a.callee(), sv, a.remat(), a.callee() == null ? saveOffset : -1));
        }
        return new AsyncFrameLayout(f.name(), params, results, saveOffset, saveSize, slotOffsets, calleeOffset,
                calleeArea, awaits, new FrameSize(size, align));
    }

    /** One await's saved values and their offsets within the save area; callee null when boxed. */
    private record SaveSet(Instruction await, FrameSize callee, List<Value> saved, List<Value> remat, int[] offsets) {
    }

    /** A value cheaper to recompute on resuming than to save: it depends on nothing but the frame. */
    static boolean isRematerializable(Value v) {
        Instruction def = v.definingInstruction();
        if (def == null) {
            return false;
        }
        return switch (def.opcode()) {
            case ICONST, F32CONST, F64CONST, STACK_ADDR, FUNC_ADDR -> true;
            default -> false;
        };
    }

    private static long roundUp(long x, int align) {
        return (x + align - 1) & -align;
    }

    /**
     * {@code offset} as an int, if an async frame may reach that far: the limit of any frame,
     * {@link FrameLayout#MAX_FRAME_BYTES}. Else the error, naming the function and what reached it.
     */
    private static int within(Function f, long offset, String what) {
        if (offset > FrameLayout.MAX_FRAME_BYTES) {
            throw new AsyncLoweringException("%" + f.name() + ": the async frame would need more than "
                    + FrameLayout.MAX_FRAME_BYTES + " bytes (1 GiB, the limit of a frame) at " + what + ": "
                    + offset + " bytes");
        }
        return (int) offset;
    }
}
