package dev.vex.ir;

import java.util.List;

/**
 * Writes a function as CLIF text that {@code dev.vex.text.ClifReader} reads back to an identical
 * function: value, block, slot and reference numbers are kept; floats are exact hex floats; every
 * signature reference is declared explicitly ({@code sig0 = ...}, {@code fn0 = %f sig0}).
 *
 * <p>A type suffix ({@code iadd.i32}) is written when the type cannot be read off the controlling
 * operand: when the opcode needs it, or when that operand is defined further down the text.
 */
public final class IrPrinter {
    private final StringBuilder out;
    private final boolean[] printed;

    private IrPrinter(StringBuilder out, Function fn) {
        this.out = out;
        this.printed = new boolean[fn.valueCount()];
    }

    /** The function as CLIF text, ending in a newline. */
    public static String print(Function fn) {
        StringBuilder sb = new StringBuilder();
        print(fn, sb);
        return sb.toString();
    }

    /** Appends the function as CLIF text, ending in a newline. */
    public static void print(Function fn, StringBuilder out) {
        new IrPrinter(out, fn).function(fn);
    }

    /**
     * One instruction as the function's text writes it, without indentation: for messages. The
     * type suffix is decided as in the whole function, by what the text defines above it.
     */
    public static String print(Instruction inst) {
        Function fn = inst.block().function();
        StringBuilder sb = new StringBuilder();
        IrPrinter printer = new IrPrinter(sb, fn);
        outer:
        for (Block b : fn.blocks()) {
            for (Value p : b.params()) {
                printer.printed[p.id()] = true;
            }
            for (Instruction i : b.instructions()) {
                if (i == inst) {
                    break outer;
                }
                for (Value r : i.results()) {
                    printer.printed[r.id()] = true;
                }
            }
        }
        printer.instruction(inst);
        return sb.toString();
    }

    private void function(Function fn) {
        out.append(fn.isAsync() ? "async function %" : "function %").append(fn.name())
                .append(fn.signature()).append(" {\n");
        boolean preamble = false;
        for (StackSlot s : fn.stackSlots()) {
            out.append("    ").append(s).append(" = explicit_slot ").append(s.size());
            if (s.align() != 0) {
                out.append(", align = ").append(s.align());
            }
            out.append('\n');
            preamble = true;
        }
        for (GlobalValue g : fn.globalValues()) {
            out.append("    ").append(g).append(" = ").append(g.definition()).append('\n');
            preamble = true;
        }
        for (SigRef s : fn.sigRefs()) {
            out.append("    ").append(s).append(" = ").append(s.signature()).append('\n');
            preamble = true;
        }
        for (FuncRef f : fn.funcRefs()) {
            out.append("    ").append(f).append(" = ");
            if (f.isColocated()) {
                out.append("colocated ");
            }
            if (f.isAsync()) {
                out.append("async ");
            }
            out.append('%').append(f.name()).append(' ').append(f.sigRef());
            if (f.frame() != null) {
                out.append(' ').append(f.frame());
            }
            out.append('\n');
            preamble = true;
        }
        List<Block> blocks = fn.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            if (i > 0 || preamble) {
                out.append('\n');
            }
            block(blocks.get(i));
        }
        out.append("}\n");
    }

    private void block(Block b) {
        out.append(b);
        if (!b.params().isEmpty()) {
            out.append('(');
            for (int i = 0; i < b.params().size(); i++) {
                Value p = b.param(i);
                out.append(i == 0 ? "" : ", ").append(p).append(": ").append(p.type());
                printed[p.id()] = true;
            }
            out.append(')');
        }
        if (b.isCold()) {
            out.append(" cold");
        }
        out.append(":\n");
        for (Instruction inst : b.instructions()) {
            out.append("    ");
            instruction(inst);
            out.append('\n');
        }
    }

    private void instruction(Instruction inst) {
        for (int i = 0; i < inst.resultCount(); i++) {
            out.append(i == 0 ? "" : ", ").append(inst.result(i));
        }
        if (inst.resultCount() > 0) {
            out.append(" = ");
        }
        Opcode op = inst.opcode();
        out.append(op);
        if (needsSuffix(inst)) {
            out.append('.').append(inst.controllingType());
        }
        switch (op.format()) {
            case NULLARY -> { }
            case UNARY_IMM -> out.append(' ').append(inst.imm());
            case UNARY_IEEE32 -> out.append(' ').append(IeeeFormat.f32(inst.ieee32Bits()));
            case UNARY_IEEE64 -> out.append(' ').append(IeeeFormat.f64(inst.ieee64Bits()));
            case UNARY_IEEE16 -> out.append(' ').append(IeeeFormat.f16(inst.imm()));
            case UNARY_IEEE128 -> out.append(' ').append(IeeeFormat.f128(inst.imm(), inst.immHigh()));
            case UNARY, BINARY, TERNARY, MULTI_ARY -> values(" ", inst.operands());
            case BINARY_IMM64 -> out.append(' ').append(inst.operand(0)).append(", ").append(inst.imm());
            case INT_COMPARE -> {
                out.append(' ').append(inst.intCC());
                values(" ", inst.operands());
            }
            case INT_COMPARE_IMM -> out.append(' ').append(inst.intCC()).append(' ').append(inst.operand(0))
                    .append(", ").append(inst.imm());
            case FLOAT_COMPARE -> {
                out.append(' ').append(inst.floatCC());
                values(" ", inst.operands());
            }
            case JUMP -> out.append(' ').append(inst.destination(0));
            case BRIF -> out.append(' ').append(inst.operand(0)).append(", ").append(inst.destination(0))
                    .append(", ").append(inst.destination(1));
            case BRANCH_TABLE -> {
                out.append(' ').append(inst.operand(0)).append(", ").append(inst.destination(0)).append(", [");
                for (int i = 1; i < inst.destinations().size(); i++) {
                    out.append(i == 1 ? "" : ", ").append(inst.destination(i));
                }
                out.append(']');
            }
            case CALL -> {
                out.append(' ').append(inst.funcRef()).append('(');
                values("", inst.operands());
                out.append(')');
            }
            case CALL_INDIRECT -> {
                out.append(' ').append(inst.sigRef()).append(", ").append(inst.operand(0)).append('(');
                values("", inst.operands().subList(1, inst.operandCount()));
                out.append(')');
            }
            case FUNC_ADDR -> out.append(' ').append(inst.funcRef());
            case LOAD -> {
                flags(inst.memFlags());
                out.append(' ').append(inst.operand(0));
                offset(inst.offset());
            }
            case LOAD_NO_OFFSET -> {
                flags(inst.memFlags());
                out.append(' ').append(inst.operand(0));
            }
            case STORE_NO_OFFSET -> {
                flags(inst.memFlags());
                values(" ", inst.operands());
            }
            case ATOMIC_RMW -> {
                flags(inst.memFlags());
                out.append(' ').append(inst.atomicOp());
                values(" ", inst.operands());
            }
            case ATOMIC_CAS -> {
                flags(inst.memFlags());
                values(" ", inst.operands());
            }
            case STORE -> {
                flags(inst.memFlags());
                out.append(' ').append(inst.operand(0)).append(", ").append(inst.operand(1));
                offset(inst.offset());
            }
            case STACK_LOAD -> {
                out.append(' ').append(inst.stackSlot());
                offset(inst.offset());
            }
            case STACK_STORE -> {
                out.append(' ').append(inst.operand(0)).append(", ").append(inst.stackSlot());
                offset(inst.offset());
            }
            case TRAP -> out.append(' ').append(inst.trapCode());
            case COND_TRAP -> out.append(' ').append(inst.operand(0)).append(", ").append(inst.trapCode());
            case INT_ADD_TRAP -> out.append(' ').append(inst.operand(0)).append(", ").append(inst.operand(1))
                    .append(", ").append(inst.trapCode());
        }
        for (Value r : inst.results()) {
            printed[r.id()] = true;
        }
    }

    private boolean needsSuffix(Instruction inst) {
        if (!TypeRules.isPolymorphic(inst.opcode())) {
            return false;
        }
        int ci = TypeRules.controllingOperand(inst.opcode());
        if (ci < 0) {
            return true;
        }
        Value v = inst.operand(ci);
        return !printed[v.id()] || v.type() != inst.controllingType();
    }

    private void values(String lead, List<Value> values) {
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? lead : ", ").append(values.get(i));
        }
    }

    private void flags(MemFlags flags) {
        if (!flags.isEmpty()) {
            out.append(' ').append(flags);
        }
    }

    private void offset(int offset) {
        if (offset > 0) {
            out.append('+').append(offset);
        } else if (offset < 0) {
            out.append(offset);
        }
    }
}
