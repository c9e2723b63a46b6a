package dev.vex.async;

import static dev.vex.ir.Type.I64;

import dev.vex.analysis.DominatorTree;
import dev.vex.ir.AbiParam;
import dev.vex.ir.Block;
import dev.vex.ir.BlockCall;
import dev.vex.ir.FuncRef;
import dev.vex.ir.Function;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Instruction;
import dev.vex.ir.InstructionSpec;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import dev.vex.ir.Opcode;
import dev.vex.ir.ParamFlag;
import dev.vex.ir.Signature;
import dev.vex.ir.StackSlot;
import dev.vex.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cooperative preemption: a budget check on every loop back-edge of an async function, so that a
 * task whose loop never suspends still lets other tasks run, and can still be cancelled (a
 * cancelled task ends at its next suspension). Runs on a verified module, before the lowering.
 *
 * <p>The budget is a counter of back-edges per activation of the function, kept in a register:
 * every block gets one more parameter, the counter, passed along every edge; the entry block
 * starts it at {@link #BUDGET}. A back-edge (an edge to a block that dominates its source) goes
 * through a check that decrements it, and when it reaches zero through a cold block that awaits
 * {@code %vex_yield} and starts a fresh budget. A back-edge that is a {@code jump} becomes the
 * check itself ({@code c2 = iadd_imm c, -1; brif c2, header(args..., c2), spent(args...)}); one
 * from a {@code brif} or {@code br_table} goes through a block of its own:
 *
 * <pre>
 *   check(args..., c):  c2 = iadd_imm c, -1
 *                       brif c2, header(args..., c2), spent(args...)
 *   spent(args...):     await %vex_yield()
 *                       c3 = iconst BUDGET
 *                       jump header(args..., c3)
 * </pre>
 *
 * A tight loop pays a decrement and a branch per iteration. Each loop level counts its own
 * back-edges, so a task yields at least once per {@link #BUDGET} iterations of its innermost
 * looping function. Left alone: sync functions (they cannot suspend), functions whose entry block
 * is a branch target, and functions with {@code borrow}, {@code borrow_mut} or {@code guard}
 * values (a yield could make one live across a suspension, which the suspension-safety rules
 * forbid).
 */
public final class PreemptionChecks {
    /** Back-edges one activation of a function takes between two yields. */
    public static final long BUDGET = 1L << 16;

    private static final Signature NO_VALUES = Signature.of(List.of(), List.of());

    private PreemptionChecks() {
    }

    /** {@code module} with the checks in every async function that has a loop; the others as they are. */
    public static Module insert(Module module) {
        ModuleBuilder mb = new ModuleBuilder();
        boolean changed = false;
        for (Function f : module.functions()) {
            if (applies(f)) {
                mb.add(insert(f));
                changed = true;
            } else {
                mb.add(f);
            }
        }
        return changed ? mb.build() : module;
    }

    /** Whether {@code f} gets checks: async, with a back-edge, and none of the cases the class comment leaves alone. */
    static boolean applies(Function f) {
        if (!f.isAsync() || hasOwnershipFlags(f)) {
            return false;
        }
        DominatorTree dom = DominatorTree.of(f);
        boolean any = false;
        for (Block b : f.blocks()) {
            for (Instruction inst : b.instructions()) {
                for (BlockCall c : inst.destinations()) {
                    if (c.block() == f.entryBlock()) {
                        return false;
                    }
                    any |= dom.dominates(c.block(), b);
                }
            }
        }
        return any;
    }

    private static boolean hasOwnershipFlags(Function f) {
        for (AbiParam p : f.signature().params()) {
            if (p.has(ParamFlag.BORROW) || p.has(ParamFlag.BORROW_MUT)) {
                return true;
            }
        }
        for (FuncRef r : f.funcRefs()) {
            for (AbiParam p : r.signature().returns()) {
                if (p.has(ParamFlag.GUARD)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Function insert(Function fn) {
        DominatorTree dom = DominatorTree.of(fn);
        FunctionBuilder b = new FunctionBuilder(fn.name(), fn.signature(), true);
        int maxValue = -1;
        for (Value v : fn.values()) {
            maxValue = Math.max(maxValue, v.number());
        }
        int maxBlock = -1;
        for (Block blk : fn.blocks()) {
            maxBlock = Math.max(maxBlock, blk.number());
        }
        CodeWriter w = new CodeWriter(b, maxValue + 1, maxBlock + 1, false);
        for (StackSlot s : fn.stackSlots()) {
            w.slot(s);
        }
        Map<Block, Block> blocks = new IdentityHashMap<>();
        Map<Block, Value> counterIn = new IdentityHashMap<>();
        for (Block blk : fn.blocks()) {
            Block nb = b.createBlockNumbered(blk.number());
            blocks.put(blk, nb);
            b.setCold(nb, blk.isCold());
            for (Value p : blk.params()) {
                b.appendBlockParam(nb, p.type(), p.number());
            }
            if (blk != fn.entryBlock()) {
                counterIn.put(blk, w.freshParam(nb, I64));
            }
        }
        List<Runnable> checks = new ArrayList<>();
        for (Block blk : fn.blocks()) {
            b.switchToBlock(blocks.get(blk));
            Value counter = blk == fn.entryBlock() ? w.iconst(BUDGET) : counterIn.get(blk);
            for (Instruction inst : blk.instructions()) {
                if (inst.opcode() == Opcode.JUMP && dom.dominates(inst.destination(0).block(), blk)) {
                    // The usual back-edge, `jump header`: the check goes in place, with no block of its own.
                    BlockCall c = inst.destination(0);
                    List<Value> args = new ArrayList<>();
                    for (Value v : c.args()) {
                        args.add(w.orig(v));
                    }
                    Block header = blocks.get(c.block());
                    Value c2 = w.iaddImm(counter, -1);
                    List<Value> go = new ArrayList<>(args);
                    go.add(c2);
                    Block spent = w.freshBlock();
                    b.setCold(spent, true);
                    List<Value> spentArgs = new ArrayList<>();
                    for (Value p : c.block().params()) {
                        spentArgs.add(w.freshParam(spent, p.type()));
                    }
                    b.brif(c2, header, go, spent, args);
                    checks.add(() -> writeSpent(w, spent, spentArgs, header));
                    continue;
                }
                List<Value> ops = new ArrayList<>();
                for (Value v : inst.operands()) {
                    ops.add(w.orig(v));
                }
                List<BlockCall> dests = new ArrayList<>();
                for (BlockCall c : inst.destinations()) {
                    List<Value> args = new ArrayList<>();
                    for (Value v : c.args()) {
                        args.add(w.orig(v));
                    }
                    args.add(counter);
                    Block header = blocks.get(c.block());
                    Block target = header;
                    if (dom.dominates(c.block(), blk)) {
                        Block check = w.freshBlock();
                        checks.add(() -> writeCheck(w, check, c.block(), header));
                        target = check;
                    }
                    dests.add(new BlockCall(target, args));
                }
                w.copy(inst, ops, dests);
            }
        }
        for (Runnable r : checks) {
            r.run();
        }
        return b.build();
    }

    /** The check block of one back-edge to {@code header} (written as {@code target}), and its cold yield block. */
    private static void writeCheck(CodeWriter w, Block check, Block header, Block target) {
        FunctionBuilder b = w.b;
        List<Value> args = new ArrayList<>();
        for (Value p : header.params()) {
            args.add(w.freshParam(check, p.type()));
        }
        Value c = w.freshParam(check, I64);
        Block spent = w.freshBlock();
        b.setCold(spent, true);
        List<Value> spentArgs = new ArrayList<>();
        for (Value p : header.params()) {
            spentArgs.add(w.freshParam(spent, p.type()));
        }
        b.switchToBlock(check);
        Value c2 = w.iaddImm(c, -1);
        List<Value> go = new ArrayList<>(args);
        go.add(c2);
        b.brif(c2, target, go, spent, args);
        writeSpent(w, spent, spentArgs, target);
    }

    /** The cold block where the budget is spent: yield, then a fresh budget into {@code header}. */
    private static void writeSpent(CodeWriter w, Block spent, List<Value> spentArgs, Block header) {
        w.b.switchToBlock(spent);
        FuncRef yield = w.asyncCallee("vex_yield", NO_VALUES);
        w.b.emit(new InstructionSpec(Opcode.AWAIT).funcRef(yield));
        List<Value> again = new ArrayList<>(spentArgs);
        again.add(w.iconst(BUDGET));
        w.jump(header, again);
    }
}
