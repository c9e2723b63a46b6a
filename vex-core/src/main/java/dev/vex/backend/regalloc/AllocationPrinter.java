package dev.vex.backend.regalloc;

import dev.vex.backend.MachFunction;
import dev.vex.backend.MachFunctionPrinter;
import dev.vex.backend.MachineSpec;
import dev.vex.backend.Operand;

/**
 * Prints a function after allocation: each operand with its location in brackets, the moves
 * before each instruction, block parameters with their locations, the frame and the callee-saved
 * registers to save.
 */
public final class AllocationPrinter {
    private AllocationPrinter() {}

    public static String print(Allocation a) {
        MachFunction f = a.function();
        MachineSpec spec = a.spec();
        StringBuilder sb = new StringBuilder();
        sb.append("function ").append(f.name()).append(" {\n");
        for (int b = 0; b < f.numBlocks(); b++) {
            sb.append("block").append(b);
            if (f.numBlockParams(b) > 0) {
                sb.append('(');
                for (int k = 0; k < f.numBlockParams(b); k++) {
                    sb.append(k == 0 ? "" : ", ").append('v').append(f.blockParam(b, k)).append(" [")
                            .append(Location.toString(a.blockParamLocation(b, k), spec)).append(']');
                }
                sb.append(')');
            }
            sb.append(":\n");
            for (int i = f.blockFirstInst(b); i < f.blockEndInst(b); i++) {
                for (int e = a.editStart(i); e < a.editEnd(i); e++) {
                    sb.append("      move ").append(Location.toString(a.editFrom(e), spec)).append(" -> ")
                            .append(Location.toString(a.editTo(e), spec)).append('\n');
                }
                sb.append("  ").append(i).append(": ").append(f.payload(i).mnemonic());
                for (int k = 0; k < f.numOperands(i); k++) {
                    sb.append(k == 0 ? " " : ", ").append(Operand.toString(f.operand(i, k), spec)).append(" [")
                            .append(Location.toString(a.operandLocation(i, k), spec)).append(']');
                }
                MachFunctionPrinter.appendClobbers(sb, f.clobbers(i), spec);
                if (i == f.blockEndInst(b) - 1) {
                    MachFunctionPrinter.appendSuccessors(sb, f, b, null);
                }
                sb.append('\n');
            }
        }
        sb.append("} ; ").append(a.frameLayout());
        sb.append("; callee-saved used:");
        for (long m = a.usedCalleeSaved(); m != 0; m &= m - 1) {
            sb.append(' ').append(spec.regName(Long.numberOfTrailingZeros(m)));
        }
        return sb.append('\n').toString();
    }
}
