package dev.vex.ir;

import static dev.vex.ir.Type.I32;
import static dev.vex.ir.Type.I64;

import java.util.List;

/** Functions built from variables, shared by the interpreter tests here and the native ones in vex-runtime. */
public final class VariableFunctions {
    private VariableFunctions() {
    }

    /** {@code %sum(n) = 0 + 1 + ... + (n-1)}: a loop whose header is sealed after its back edge. */
    public static Function sum() {
        // sum(n) = 0 + 1 + ... + (n-1), with step a variable that the loop never changes.
        FunctionBuilder b = new FunctionBuilder("sum", Signature.of(List.of(I64), List.of(I64)));
        Variable i = b.declareVariable(I64);
        Variable sum = b.declareVariable(I64);
        Variable step = b.declareVariable(I64);
        Block entry = b.createEntryBlock();
        Block header = b.createBlock();
        Block body = b.createBlock();
        Block exit = b.createBlock();
        b.switchToBlock(entry);
        b.sealBlock(entry);
        b.defineVariable(i, b.iconst(I64, 0));
        b.defineVariable(sum, b.iconst(I64, 0));
        b.defineVariable(step, b.iconst(I64, 1));
        b.jump(header);
        b.switchToBlock(header); // not sealed: the back edge is still to come
        Value more = b.icmp(IntCC.SLT, b.useVariable(i), entry.param(0));
        b.brif(more, body, exit);
        b.switchToBlock(body);
        b.sealBlock(body);
        b.defineVariable(sum, b.iadd(b.useVariable(sum), b.useVariable(i)));
        b.defineVariable(i, b.iadd(b.useVariable(i), b.useVariable(step)));
        b.jump(header);
        b.sealBlock(header);
        b.switchToBlock(exit);
        b.sealBlock(exit);
        b.return_(b.useVariable(sum));
        return b.build();
    }

    /** A module of {@link #sum}, {@link #nested} and {@link #pick}. */
    public static Module module() {
        return new ModuleBuilder().add(sum()).add(nested()).add(pick()).build();
    }

    /** {@code %nested(n, m)}: nested loops and a branch that defines the variable on one arm only. */
    public static Function nested() {
        FunctionBuilder b = new FunctionBuilder("nested", Signature.of(List.of(I32, I32), List.of(I32)));
        Variable acc = b.declareVariable(I32);
        Variable i = b.declareVariable(I32);
        Variable j = b.declareVariable(I32);
        Block entry = b.createEntryBlock();
        Block outer = b.createBlock();
        Block outerBody = b.createBlock();
        Block inner = b.createBlock();
        Block innerBody = b.createBlock();
        Block odd = b.createBlock();
        Block join = b.createBlock();
        Block innerDone = b.createBlock();
        Block done = b.createBlock();
        Value n = entry.param(0), m = entry.param(1);

        b.switchToBlock(entry);
        b.defineVariable(acc, b.iconst(I32, 7));
        b.defineVariable(i, b.iconst(I32, 0));
        b.jump(outer);

        b.switchToBlock(outer);
        b.brif(b.icmp(IntCC.SLT, b.useVariable(i), n), outerBody, done);

        b.switchToBlock(outerBody);
        b.defineVariable(j, b.iconst(I32, 0));
        b.jump(inner);

        b.switchToBlock(inner);
        b.brif(b.icmp(IntCC.SLT, b.useVariable(j), m), innerBody, innerDone);

        b.switchToBlock(innerBody);
        // acc = acc * 3 + 1 when (i + j) is odd, else unchanged; then acc ^= j
        Value ij = b.iadd(b.useVariable(i), b.useVariable(j));
        b.brif(b.band(ij, b.iconst(I32, 1)), odd, join);
        b.switchToBlock(odd);
        b.defineVariable(acc, b.iaddImm(b.imul(b.useVariable(acc), b.iconst(I32, 3)), 1));
        b.jump(join);
        b.switchToBlock(join);
        b.defineVariable(acc, b.bxor(b.useVariable(acc), b.useVariable(j)));
        b.defineVariable(j, b.iaddImm(b.useVariable(j), 1));
        b.jump(inner);

        b.switchToBlock(innerDone);
        b.defineVariable(i, b.iaddImm(b.useVariable(i), 1));
        b.jump(outer);

        b.switchToBlock(done);
        b.return_(b.useVariable(acc));
        b.sealAllBlocks();
        return b.build();
    }

    public static int nestedInJava(int n, int m) {
        int acc = 7;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (((i + j) & 1) != 0) {
                    acc = acc * 3 + 1;
                }
                acc ^= j;
            }
        }
        return acc;
    }

    /** {@code %pick(k, x)}: a br_table whose entries and default reach one join, also by both edges of a brif. */
    public static Function pick() {
        // pick(k, x): br_table k over cases that set r; two entries and the default go straight
        // to the join, which also is reached through both edges of a brif.
        FunctionBuilder b = new FunctionBuilder("pick", Signature.of(List.of(I32, I64), List.of(I64)));
        Variable r = b.declareVariable(I64);
        Block entry = b.createEntryBlock();
        Block c0 = b.createBlock();
        Block c1 = b.createBlock();
        Block join = b.createBlock();
        Block end = b.createBlock();
        b.switchToBlock(entry);
        b.defineVariable(r, entry.param(1));
        b.brTable(entry.param(0), BlockCall.of(join),
                List.of(BlockCall.of(c0), BlockCall.of(c1), BlockCall.of(join), BlockCall.of(c0)));
        b.switchToBlock(c0);
        b.defineVariable(r, b.imul(b.useVariable(r), b.iconst(I64, 10)));
        b.jump(join);
        b.switchToBlock(c1);
        b.defineVariable(r, b.iaddImm(b.useVariable(r), 1000));
        Value odd = b.band(b.useVariable(r), b.iconst(I64, 1));
        b.brif(odd, join, join); // both edges to one block
        b.switchToBlock(join);
        b.defineVariable(r, b.iaddImm(b.useVariable(r), 1));
        b.jump(end);
        b.switchToBlock(end);
        b.return_(b.useVariable(r));
        b.sealAllBlocks();
        return b.build();
    }
}
