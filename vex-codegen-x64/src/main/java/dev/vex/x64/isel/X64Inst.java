package dev.vex.x64.isel;

import dev.vex.backend.MachInst;
import dev.vex.ir.Opcode;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;

/**
 * The x86-64 payload of a machine instruction: what emit needs besides the operands.
 *
 * @param kind     what it is
 * @param op       the IR opcode for {@link Kind#IR}, else null
 * @param type     the controlling type (the result type; the operand type of comparisons)
 * @param argType  the first operand's type
 * @param imm      an immediate: a constant, a shift amount, a memory offset, a stack slot
 * @param aux      a small extra: the IR condition's ordinal, a stack slot index, a result count
 * @param trap     the trap code of a trapping operation, else null
 * @param symbol   the callee or referenced function, else null
 * @param nDefs    how many of the operands are defs (they come first)
 * @param nUses    how many uses follow them (temporaries come last)
 */
public record X64Inst(Kind kind, Opcode op, Type type, Type argType, long imm, int aux, TrapCode trap,
        String symbol, int nDefs, int nUses) implements MachInst {

    @Override
    public String mnemonic() {
        StringBuilder sb = new StringBuilder(kind == Kind.IR || kind == Kind.I128 ? op.text() : kind.name().toLowerCase(java.util.Locale.ROOT));
        if (type != null) {
            sb.append('.').append(type);
        }
        if (symbol != null) {
            sb.append(" %").append(symbol);
        }
        return sb.toString();
    }
}
