package dev.vex.analysis;

import static dev.vex.ir.Type.I64;

import dev.vex.ir.Block;
import dev.vex.ir.BlockCall;
import dev.vex.ir.FuncRef;
import dev.vex.ir.Function;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Signature;
import dev.vex.ir.Type;
import dev.vex.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random well-formed functions over i64 for property tests: any control-flow shape (loops,
 * irreducible regions, unreachable blocks, br_table), block parameters, and uses that respect
 * dominance (a block uses the entry's parameters, its own parameters and what it defined itself).
 * Async ones also await the {@code %vex_yield} and {@code %vex_sleep} builtins.
 */
public final class RandomFunctions {
    private RandomFunctions() {
    }

    /** A function {@code %name} made from {@code seed}. */
    public static Function generate(String name, long seed, boolean isAsync) {
        Random rnd = new Random(seed);
        int paramCount = 1 + rnd.nextInt(2);
        List<Type> params = new ArrayList<>();
        for (int i = 0; i < paramCount; i++) {
            params.add(I64);
        }
        FunctionBuilder b = new FunctionBuilder(name, Signature.of(params, List.of(I64)), isAsync);
        FuncRef yield = isAsync ? b.importAsyncFunction("vex_yield", Signature.of(List.of(), List.of())) : null;
        FuncRef sleep = isAsync ? b.importAsyncFunction("vex_sleep", Signature.of(List.of(I64), List.of())) : null;
        int blockCount = 1 + rnd.nextInt(8);
        List<Block> blocks = new ArrayList<>();
        blocks.add(b.createEntryBlock());
        for (int i = 1; i < blockCount; i++) {
            Block blk = b.createBlock();
            int n = rnd.nextInt(3);
            for (int p = 0; p < n; p++) {
                b.appendBlockParam(blk, I64);
            }
            blocks.add(blk);
        }
        List<Value> entryParams = blocks.get(0).params();
        for (Block blk : blocks) {
            b.switchToBlock(blk);
            List<Value> pool = new ArrayList<>(entryParams);
            if (blk != blocks.get(0)) {
                pool.addAll(blk.params());
            }
            int insts = rnd.nextInt(5);
            for (int i = 0; i < insts; i++) {
                Value x = pick(pool, rnd);
                switch (rnd.nextInt(isAsync ? 6 : 4)) {
                    case 0 -> pool.add(b.iadd(x, pick(pool, rnd)));
                    case 1 -> pool.add(b.iaddImm(x, rnd.nextInt(100) - 50));
                    case 2 -> pool.add(b.imul(x, pick(pool, rnd)));
                    case 3 -> pool.add(b.select(x, pick(pool, rnd), pick(pool, rnd)));
                    case 4 -> b.await_(yield);
                    default -> b.await_(sleep, x);
                }
            }
            switch (rnd.nextInt(5)) {
                case 0 -> b.return_(pick(pool, rnd));
                case 1 -> {
                    Block t = blocks.get(rnd.nextInt(blockCount));
                    b.jump(t, args(t, pool, rnd));
                }
                case 2, 3 -> {
                    Block t = blocks.get(rnd.nextInt(blockCount));
                    Block f = blocks.get(rnd.nextInt(blockCount));
                    b.brif(pick(pool, rnd), t, args(t, pool, rnd), f, args(f, pool, rnd));
                }
                default -> {
                    Block d = blocks.get(rnd.nextInt(blockCount));
                    List<BlockCall> table = new ArrayList<>();
                    for (int i = rnd.nextInt(3); i > 0; i--) {
                        Block t = blocks.get(rnd.nextInt(blockCount));
                        table.add(new BlockCall(t, args(t, pool, rnd)));
                    }
                    b.brTable(pick(pool, rnd), new BlockCall(d, args(d, pool, rnd)), table);
                }
            }
        }
        return b.build();
    }

    private static List<Value> args(Block target, List<Value> pool, Random rnd) {
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < target.params().size(); i++) {
            out.add(pick(pool, rnd));
        }
        return out;
    }

    private static Value pick(List<Value> pool, Random rnd) {
        return pool.get(rnd.nextInt(pool.size()));
    }
}
