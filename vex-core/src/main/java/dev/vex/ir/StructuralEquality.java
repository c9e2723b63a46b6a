package dev.vex.ir;

import java.util.List;
import java.util.Objects;

/**
 * Structural comparison of functions and modules: the same names, signatures, preambles, blocks
 * and instructions, with values, blocks, slots and references matched by their numbers. Two
 * functions read from the same text, or one read back from the other's printout, are equal.
 */
public final class StructuralEquality {
    private StructuralEquality() {
    }

    /** Whether two functions are the same up to value and block numbering. */
    public static boolean equal(Function a, Function b) {
        return difference(a, b) == null;
    }

    /** Whether two modules hold structurally equal functions in the same order. */
    public static boolean equal(Module a, Module b) {
        return difference(a, b) == null;
    }

    /** The first difference between two modules, described, or null if they are equal. */
    public static String difference(Module a, Module b) {
        List<Function> fa = a.functions();
        List<Function> fb = b.functions();
        if (fa.size() != fb.size()) {
            return "the modules have " + fa.size() + " and " + fb.size() + " functions";
        }
        for (int i = 0; i < fa.size(); i++) {
            String d = difference(fa.get(i), fb.get(i));
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** The first difference between two functions, described, or null if they are equal. */
    public static String difference(Function a, Function b) {
        String at = "function %" + a.name() + ": ";
        if (!a.name().equals(b.name())) {
            return "names differ: %" + a.name() + " and %" + b.name();
        }
        if (a.isAsync() != b.isAsync()) {
            return at + "one is async, the other is not";
        }
        if (!a.signature().equals(b.signature())) {
            return at + "signatures differ: " + a.signature() + " and " + b.signature();
        }
        if (a.stackSlots().size() != b.stackSlots().size()) {
            return at + "stack slot counts differ";
        }
        for (int i = 0; i < a.stackSlots().size(); i++) {
            StackSlot x = a.stackSlots().get(i);
            StackSlot y = b.stackSlots().get(i);
            if (x.number() != y.number() || x.size() != y.size() || x.align() != y.align()) {
                return at + "stack slots differ: " + x + " and " + y;
            }
        }
        if (!a.globalValues().stream().map(g -> g + "=" + g.definition()).toList()
                .equals(b.globalValues().stream().map(g -> g + "=" + g.definition()).toList())) {
            return a + ": global values differ";
        }
        if (a.sigRefs().size() != b.sigRefs().size()) {
            return at + "signature reference counts differ";
        }
        for (int i = 0; i < a.sigRefs().size(); i++) {
            SigRef x = a.sigRefs().get(i);
            SigRef y = b.sigRefs().get(i);
            if (x.number() != y.number() || !x.signature().equals(y.signature())) {
                return at + "signature references differ: " + x + " and " + y;
            }
        }
        if (a.funcRefs().size() != b.funcRefs().size()) {
            return at + "function reference counts differ";
        }
        for (int i = 0; i < a.funcRefs().size(); i++) {
            FuncRef x = a.funcRefs().get(i);
            FuncRef y = b.funcRefs().get(i);
            if (x.number() != y.number() || !x.name().equals(y.name()) || x.sigRef().number() != y.sigRef().number()
                    || x.isColocated() != y.isColocated() || x.isAsync() != y.isAsync()) {
                return at + "function references differ: " + x + " and " + y;
            }
        }
        if (a.blockCount() != b.blockCount()) {
            return at + "block counts differ: " + a.blockCount() + " and " + b.blockCount();
        }
        for (int i = 0; i < a.blockCount(); i++) {
            String d = difference(a.blocks().get(i), b.blocks().get(i));
            if (d != null) {
                return at + d;
            }
        }
        return null;
    }

    private static String difference(Block a, Block b) {
        if (a.number() != b.number()) {
            return "blocks differ: " + a + " and " + b;
        }
        if (a.isCold() != b.isCold()) {
            return a + ": one is cold, the other is not";
        }
        if (!sameValues(a.params(), b.params(), true)) {
            return a + ": parameters differ";
        }
        if (a.instructions().size() != b.instructions().size()) {
            return a + ": instruction counts differ";
        }
        for (int i = 0; i < a.instructions().size(); i++) {
            Instruction x = a.instructions().get(i);
            Instruction y = b.instructions().get(i);
            if (!sameInstruction(x, y)) {
                return a + ": instructions differ: " + x + " and " + y;
            }
        }
        return null;
    }

    private static boolean sameInstruction(Instruction x, Instruction y) {
        if (x.opcode() != y.opcode() || x.controllingType() != y.controllingType() || x.imm() != y.imm()
                || x.intCC() != y.intCC() || x.floatCC() != y.floatCC() || x.offset() != y.offset()
                || !Objects.equals(x.memFlags(), y.memFlags()) || !Objects.equals(x.trapCode(), y.trapCode())
                || x.atomicOp() != y.atomicOp() || x.immHigh() != y.immHigh()) {
            return false;
        }
        if (!sameNumber(x.stackSlot() == null ? null : x.stackSlot().number(),
                y.stackSlot() == null ? null : y.stackSlot().number())
                || !sameNumber(x.funcRef() == null ? null : x.funcRef().number(),
                        y.funcRef() == null ? null : y.funcRef().number())
                || !sameNumber(x.sigRef() == null ? null : x.sigRef().number(),
                        y.sigRef() == null ? null : y.sigRef().number())) {
            return false;
        }
        if (!sameValues(x.operands(), y.operands(), false) || !sameValues(x.results(), y.results(), true)) {
            return false;
        }
        if (x.destinations().size() != y.destinations().size()) {
            return false;
        }
        for (int i = 0; i < x.destinations().size(); i++) {
            BlockCall c = x.destination(i);
            BlockCall d = y.destination(i);
            if (c.block().number() != d.block().number() || !sameValues(c.args(), d.args(), false)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameNumber(Integer a, Integer b) {
        return Objects.equals(a, b);
    }

    private static boolean sameValues(List<Value> a, List<Value> b, boolean withTypes) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).number() != b.get(i).number()) {
                return false;
            }
            if (withTypes && a.get(i).type() != b.get(i).type()) {
                return false;
            }
        }
        return true;
    }
}
