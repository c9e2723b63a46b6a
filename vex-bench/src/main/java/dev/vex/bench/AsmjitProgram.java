package dev.vex.bench;

import dev.vex.ir.Block;
import dev.vex.ir.BlockCall;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.IntCC;
import dev.vex.ir.Module;
import dev.vex.ir.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A module's functions as the flat list of numbers that {@code asmjit_peer.cpp} replays through
 * asmjit's {@code x86::Compiler}: the same IR instructions, one compiler instruction sequence each,
 * so that the peer compiles the very program Vex compiles. Only what {@link LargeFunctions} uses
 * is encoded: i64 constants, {@code iadd isub imul bxor}, {@code iadd_imm ishl_imm},
 * {@code icmp slt}, {@code jump}, {@code brif} with block arguments, {@code return}.
 *
 * <pre>
 * module   := nfunctions function*
 * function := nparams nvalues nblocks block*           (value ids and block ids are dense)
 * block    := id nparams param* ninsts inst*
 * inst     := ICONST dst lo hi | BIN op dst a b | BINIMM op dst a imm | ICMP_SLT dst a b
 *           | JUMP call | BRIF cond call call | RETURN v
 * call     := block nargs arg*
 * </pre>
 */
final class AsmjitProgram {
    static final int ICONST = 1, BIN = 2, BINIMM = 3, ICMP_SLT = 4, JUMP = 5, BRIF = 6, RETURN = 7;
    static final int ADD = 0, SUB = 1, MUL = 2, XOR = 3, SHL = 4;

    private final List<Integer> out = new ArrayList<>();

    private AsmjitProgram() {
    }

    /** The encoding of every function of {@code module}. */
    static int[] encode(Module module) {
        AsmjitProgram p = new AsmjitProgram();
        p.out.add(module.functions().size());
        for (Function f : module.functions()) {
            p.function(f);
        }
        return p.out.stream().mapToInt(Integer::intValue).toArray();
    }

    private void function(Function f) {
        out.add(f.signature().params().size());
        out.add(f.valueCount());
        out.add(f.blockCount());
        for (Block b : f.blocks()) {
            out.add(b.id());
            out.add(b.params().size());
            b.params().forEach(v -> out.add(v.id()));
            out.add(b.instructions().size());
            for (Instruction i : b.instructions()) {
                instruction(i);
            }
        }
    }

    private void instruction(Instruction i) {
        switch (i.opcode()) {
            case ICONST -> {
                out.add(ICONST);
                out.add(i.result().id());
                out.add((int) i.imm());
                out.add((int) (i.imm() >>> 32));
            }
            case IADD, ISUB, IMUL, BXOR -> {
                out.add(BIN);
                out.add(switch (i.opcode()) {
                    case IADD -> ADD;
                    case ISUB -> SUB;
                    case IMUL -> MUL;
                    default -> XOR;
                });
                out.add(i.result().id());
                out.add(i.operand(0).id());
                out.add(i.operand(1).id());
            }
            case IADD_IMM, ISHL_IMM -> {
                out.add(BINIMM);
                out.add(i.opcode() == dev.vex.ir.Opcode.IADD_IMM ? ADD : SHL);
                out.add(i.result().id());
                out.add(i.operand(0).id());
                out.add(Math.toIntExact(i.imm()));
            }
            case ICMP -> {
                if (i.intCC() != IntCC.SLT) {
                    throw new IllegalArgumentException("the asmjit peer encodes icmp slt only, not " + i);
                }
                out.add(ICMP_SLT);
                out.add(i.result().id());
                out.add(i.operand(0).id());
                out.add(i.operand(1).id());
            }
            case JUMP -> {
                out.add(JUMP);
                call(i.destination(0));
            }
            case BRIF -> {
                out.add(BRIF);
                out.add(i.operand(0).id());
                call(i.destination(0));
                call(i.destination(1));
            }
            case RETURN -> {
                if (i.operandCount() != 1) {
                    throw new IllegalArgumentException("the asmjit peer returns one value: " + i);
                }
                out.add(RETURN);
                out.add(i.operand(0).id());
            }
            default -> throw new IllegalArgumentException("the asmjit peer does not encode " + i);
        }
    }

    private void call(BlockCall c) {
        out.add(c.block().id());
        out.add(c.args().size());
        c.args().forEach(v -> out.add(v.id()));
    }
}
