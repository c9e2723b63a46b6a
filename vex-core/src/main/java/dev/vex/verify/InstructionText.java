package dev.vex.verify;

import dev.vex.ir.Block;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.IrPrinter;

/**
 * The CLIF text of each instruction of a function, exactly as {@link IrPrinter} writes it. The
 * printer only prints whole functions, so this prints the function once, on first need, and
 * takes the instruction lines block by block (the printer writes blocks in layout order, a header
 * line each, then one indented line per instruction).
 */
final class InstructionText {
    private final Function function;
    private String[] byId;

    InstructionText(Function function) {
        this.function = function;
    }

    String of(Instruction inst) {
        if (byId == null) {
            byId = split();
        }
        String text = byId[inst.id()];
        return text != null ? text : inst.toString();
    }

    private String[] split() {
        String[] out = new String[function.instructionCount()];
        String[] lines = IrPrinter.print(function).split("\n", -1);
        int line = 0;
        for (Block b : function.blocks()) {
            String header = b.toString();
            while (line < lines.length && !isHeaderOf(lines[line], header)) {
                line++;
            }
            line++;
            for (Instruction inst : b.instructions()) {
                if (line < lines.length) {
                    out[inst.id()] = lines[line++].strip();
                }
            }
        }
        return out;
    }

    private static boolean isHeaderOf(String line, String header) {
        return line.startsWith(header) && line.length() > header.length()
                && (line.charAt(header.length()) == ':' || line.charAt(header.length()) == '('
                        || line.charAt(header.length()) == ' ');
    }
}
