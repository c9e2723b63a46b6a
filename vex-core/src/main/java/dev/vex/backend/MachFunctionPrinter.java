package dev.vex.backend;

/** Prints a {@link MachFunction} before allocation: blocks with params, operands, clobbers, edges. */
public final class MachFunctionPrinter {
    private MachFunctionPrinter() {}

    /** {@code spec} may be null; registers are then printed by number. */
    public static String print(MachFunction f, MachineSpec spec) {
        StringBuilder sb = new StringBuilder();
        sb.append("function ").append(f.name()).append(" {\n");
        for (int b = 0; b < f.numBlocks(); b++) {
            sb.append("block").append(b);
            appendVRegList(sb, f, b);
            sb.append(":\n");
            for (int i = f.blockFirstInst(b); i < f.blockEndInst(b); i++) {
                sb.append("  ").append(i).append(": ").append(f.payload(i).mnemonic());
                for (int k = 0; k < f.numOperands(i); k++) {
                    sb.append(k == 0 ? " " : ", ").append(Operand.toString(f.operand(i, k), spec));
                }
                appendClobbers(sb, f.clobbers(i), spec);
                if (i == f.blockEndInst(b) - 1) {
                    appendSuccessors(sb, f, b, null);
                }
                sb.append('\n');
            }
        }
        return sb.append("}\n").toString();
    }

    static void appendVRegList(StringBuilder sb, MachFunction f, int b) {
        if (f.numBlockParams(b) == 0) {
            return;
        }
        sb.append('(');
        for (int k = 0; k < f.numBlockParams(b); k++) {
            sb.append(k == 0 ? "" : ", ").append('v').append(f.blockParam(b, k));
        }
        sb.append(')');
    }

    /** Appends {@code  clobbers r0 r1} if the set is not empty. */
    public static void appendClobbers(StringBuilder sb, long clobbers, MachineSpec spec) {
        if (clobbers == 0) {
            return;
        }
        sb.append(" ; clobbers");
        for (long m = clobbers; m != 0; m &= m - 1) {
            int r = Long.numberOfTrailingZeros(m);
            sb.append(' ').append(spec == null ? "p" + r : spec.regName(r));
        }
    }

    /**
     * Appends {@code  -> block1(v2), block2}; {@code argText}, if given, prints argument number
     * {@code [succIndex, param]} instead of the bare vreg.
     */
    public static void appendSuccessors(StringBuilder sb, MachFunction f, int b, ArgText argText) {
        if (f.numSuccs(b) == 0) {
            return;
        }
        sb.append(" ->");
        for (int s = 0; s < f.numSuccs(b); s++) {
            int t = f.succ(b, s);
            sb.append(s == 0 ? " " : ", ").append("block").append(t);
            if (f.numBlockParams(t) > 0) {
                sb.append('(');
                for (int k = 0; k < f.numBlockParams(t); k++) {
                    sb.append(k == 0 ? "" : ", ");
                    sb.append(argText == null ? "v" + f.succArg(b, s, k) : argText.text(s, k));
                }
                sb.append(')');
            }
        }
    }

    /** Text of one branch argument. */
    @FunctionalInterface
    public interface ArgText {
        String text(int succIndex, int param);
    }
}
