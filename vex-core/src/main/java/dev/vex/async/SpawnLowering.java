package dev.vex.async;

import dev.vex.ir.Block;
import dev.vex.ir.BlockCall;
import dev.vex.ir.Function;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Instruction;
import dev.vex.ir.Opcode;
import dev.vex.ir.StackSlot;
import dev.vex.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sync function's {@code spawn}s and {@code spawn_indirect}s lowered to {@code vex_spawn} calls
 * ({@link CodeWriter#spawn}), and its {@code func_addr}s of async functions to their
 * descriptors' addresses ({@link CodeWriter#funcAddrTarget}); everything else is copied as it
 * is, with the same numbers.
 */
final class SpawnLowering {
    private SpawnLowering() {
    }

    /** Whether {@code fn} has anything this lowering changes. */
    static boolean needsLowering(Function fn) {
        for (Instruction i : fn.instructions()) {
            if (i.opcode() == Opcode.SPAWN || i.opcode() == Opcode.SPAWN_INDIRECT
                    || (i.opcode() == Opcode.FUNC_ADDR && i.funcRef().isAsync())) {
                return true;
            }
        }
        return false;
    }

    static Function lower(Function fn) {
        FunctionBuilder b = new FunctionBuilder(fn.name(), fn.signature(), false);
        int maxValue = -1;
        for (Value v : fn.values()) {
            maxValue = Math.max(maxValue, v.number());
        }
        CodeWriter w = new CodeWriter(b, maxValue + 1, 0);
        for (StackSlot s : fn.stackSlots()) {
            w.slot(s);
        }
        Map<Block, Block> blocks = new IdentityHashMap<>();
        for (Block blk : fn.blocks()) {
            Block nb = b.createBlockNumbered(blk.number());
            blocks.put(blk, nb);
            b.setCold(nb, blk.isCold());
            for (Value p : blk.params()) {
                b.appendBlockParam(nb, p.type(), p.number());
            }
        }
        for (Block blk : fn.blocks()) {
            b.switchToBlock(blocks.get(blk));
            for (Instruction inst : blk.instructions()) {
                List<Value> ops = new ArrayList<>();
                for (Value v : inst.operands()) {
                    ops.add(w.orig(v));
                }
                if (inst.opcode() == Opcode.SPAWN) {
                    w.spawn(inst, ops);
                    continue;
                }
                if (inst.opcode() == Opcode.SPAWN_INDIRECT) {
                    w.spawnIndirect(inst, ops);
                    continue;
                }
                List<BlockCall> dests = new ArrayList<>();
                for (BlockCall c : inst.destinations()) {
                    List<Value> args = new ArrayList<>();
                    for (Value v : c.args()) {
                        args.add(w.orig(v));
                    }
                    dests.add(new BlockCall(blocks.get(c.block()), args));
                }
                w.copy(inst, ops, dests);
            }
        }
        return b.build();
    }
}
