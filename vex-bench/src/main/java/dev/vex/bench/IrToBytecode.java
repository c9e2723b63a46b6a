package dev.vex.bench;

import static org.objectweb.asm.Opcodes.*;

import dev.vex.ir.Block;
import dev.vex.ir.BlockCall;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.Module;
import dev.vex.ir.StackSlot;
import dev.vex.ir.Type;
import dev.vex.ir.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Translates sync IR functions to static methods of one JVM class, for the code-speed figure:
 * the same IR that Vex compiles natively, run by HotSpot after C2 warm-up.
 *
 * <p>Only the subset the kernels of {@code kernels.clif} use is translated; anything else throws
 * {@link UnsupportedOperationException}. Every value is a local ({@code i64} a {@code long},
 * {@code f64} a {@code double}, narrower integers an {@code int}: the kernels use them only as
 * 0/1 flags, so no wrapping to their width is done). Block parameters are locals assigned before
 * each jump, all arguments loaded first so the copy is parallel. A function's stack slots are one
 * {@code byte[]} allocated at entry; {@code stack_addr} yields a slot's offset in it and the byte
 * loads and stores index it.
 */
final class IrToBytecode {
    private final Module module;
    private final String className;

    private IrToBytecode(Module module, String className) {
        this.module = module;
        this.className = className;
    }

    /** The class file of a class {@code className} with one static method per function. */
    static byte[] translate(Module module, String className) {
        return new IrToBytecode(module, className).classFile();
    }

    /** The JVM method descriptor of a function. */
    static String descriptor(Function f) {
        StringBuilder sb = new StringBuilder("(");
        f.signature().params().forEach(p -> sb.append(jvmType(p.type())));
        sb.append(')');
        var results = f.signature().returns();
        if (results.isEmpty()) sb.append('V');
        else if (results.size() == 1) sb.append(jvmType(results.get(0).type()));
        else throw new UnsupportedOperationException("%" + f.name() + ": several results");
        return sb.toString();
    }

    private static String jvmType(Type t) {
        return switch (t) {
            case I64 -> "J";
            case F64 -> "D";
            case I8, I16, I32 -> "I";
            default -> throw new UnsupportedOperationException("type " + t);
        };
    }

    private byte[] classFile() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, className, null, "java/lang/Object", null);
        for (Function f : module.functions()) {
            if (f.isAsync()) throw new UnsupportedOperationException("%" + f.name() + " is async");
            new MethodTranslation(f, cw.visitMethod(ACC_PUBLIC | ACC_STATIC, f.name(), descriptor(f), null, null)).emit();
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    private final class MethodTranslation {
        private final Function f;
        private final MethodVisitor mv;
        private final Map<Value, Integer> locals = new HashMap<>();
        private final Map<Block, Label> labels = new HashMap<>();
        private final Map<StackSlot, Integer> slotOffsets = new HashMap<>();
        private int memoryLocal = -1;
        private int nextLocal;

        MethodTranslation(Function f, MethodVisitor mv) {
            this.f = f;
            this.mv = mv;
        }

        void emit() {
            mv.visitCode();
            List<Value> params = f.entryBlock().params();
            for (Value p : params) allocate(p);
            for (Value v : f.values()) if (!locals.containsKey(v)) allocate(v);
            // every local starts at zero, so the verifier sees each one typed on every path
            for (Value v : f.values()) {
                if (params.contains(v)) continue;
                pushZero(v.type());
                mv.visitVarInsn(storeOp(v.type()), locals.get(v));
            }
            int memory = 0;
            for (StackSlot s : f.stackSlots()) {
                slotOffsets.put(s, memory);
                memory += s.size();
            }
            if (!f.stackSlots().isEmpty()) {
                memoryLocal = nextLocal++;
                mv.visitLdcInsn(memory);
                mv.visitIntInsn(NEWARRAY, T_BYTE);
                mv.visitVarInsn(ASTORE, memoryLocal);
            }
            for (Block b : f.blocks()) labels.put(b, new Label());
            for (Block b : f.blocks()) {
                mv.visitLabel(labels.get(b));
                for (Instruction i : b.instructions()) instruction(i);
            }
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }

        private void allocate(Value v) {
            locals.put(v, nextLocal);
            nextLocal += v.type() == Type.I64 || v.type() == Type.F64 ? 2 : 1;
        }

        private void pushZero(Type t) {
            switch (jvmType(t)) {
                case "J" -> mv.visitInsn(LCONST_0);
                case "D" -> mv.visitInsn(DCONST_0);
                default -> mv.visitInsn(ICONST_0);
            }
        }

        private int loadOp(Type t) {
            return switch (jvmType(t)) {
                case "J" -> LLOAD;
                case "D" -> DLOAD;
                default -> ILOAD;
            };
        }

        private int storeOp(Type t) {
            return switch (jvmType(t)) {
                case "J" -> LSTORE;
                case "D" -> DSTORE;
                default -> ISTORE;
            };
        }

        private void load(Value v) {
            mv.visitVarInsn(loadOp(v.type()), locals.get(v));
        }

        private void store(Value v) {
            mv.visitVarInsn(storeOp(v.type()), locals.get(v));
        }

        private boolean wide(Value v) {
            return v.type() == Type.I64;
        }

        private void pushImm(long imm, Value like) {
            if (wide(like)) mv.visitLdcInsn(imm);
            else mv.visitLdcInsn((int) imm);
        }

        private void binary(Instruction i, int longOp, int intOp) {
            load(i.operand(0));
            load(i.operand(1));
            mv.visitInsn(wide(i.result()) ? longOp : intOp);
            store(i.result());
        }

        private void binaryImm(Instruction i, int longOp, int intOp) {
            load(i.operand(0));
            pushImm(i.imm(), i.operand(0));
            mv.visitInsn(wide(i.result()) ? longOp : intOp);
            store(i.result());
        }

        private void shiftImm(Instruction i, int longOp) {
            if (!wide(i.result())) throw new UnsupportedOperationException("narrow shift");
            load(i.operand(0));
            mv.visitLdcInsn((int) (i.imm() & 63));
            mv.visitInsn(longOp);
            store(i.result());
        }

        private void unsignedRemImm(Instruction i) {
            if (!wide(i.result()) || i.imm() == 0) throw new UnsupportedOperationException("urem_imm " + i);
            load(i.operand(0));
            mv.visitLdcInsn(i.imm());
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "remainderUnsigned", "(JJ)J", false);
            store(i.result());
        }

        /** Leaves {@code base + offset} of a byte access on the stack as (array, int index). */
        private void byteAddress(Value address, int offset) {
            if (memoryLocal < 0) throw new UnsupportedOperationException("memory access without a stack slot");
            mv.visitVarInsn(ALOAD, memoryLocal);
            load(address);
            mv.visitInsn(L2I);
            if (offset != 0) {
                mv.visitLdcInsn(offset);
                mv.visitInsn(IADD);
            }
        }

        private void instruction(Instruction i) {
            switch (i.opcode()) {
                case ICONST -> {
                    pushImm(i.imm(), i.result());
                    store(i.result());
                }
                case F64CONST -> {
                    mv.visitLdcInsn(Double.longBitsToDouble(i.ieee64Bits()));
                    store(i.result());
                }
                case IADD -> binary(i, LADD, IADD);
                case ISUB -> binary(i, LSUB, ISUB);
                case IMUL -> binary(i, LMUL, IMUL);
                case BAND -> binary(i, LAND, IAND);
                case BOR -> binary(i, LOR, IOR);
                case BXOR -> binary(i, LXOR, IXOR);
                case IADD_IMM -> binaryImm(i, LADD, IADD);
                case IMUL_IMM -> binaryImm(i, LMUL, IMUL);
                case BAND_IMM -> binaryImm(i, LAND, IAND);
                case ISHL_IMM -> shiftImm(i, LSHL);
                case USHR_IMM -> shiftImm(i, LUSHR);
                case SSHR_IMM -> shiftImm(i, LSHR);
                case UREM_IMM -> unsignedRemImm(i);
                case FADD -> binary(i, DADD, DADD);
                case FSUB -> binary(i, DSUB, DSUB);
                case FMUL -> binary(i, DMUL, DMUL);
                case FDIV -> binary(i, DDIV, DDIV);
                case FCVT_FROM_SINT -> {
                    load(i.operand(0));
                    mv.visitInsn(wide(i.operand(0)) ? L2D : I2D);
                    store(i.result());
                }
                case ICMP -> {
                    load(i.operand(0));
                    load(i.operand(1));
                    compareInts(i);
                }
                case ICMP_IMM -> {
                    load(i.operand(0));
                    pushImm(i.imm(), i.operand(0));
                    compareInts(i);
                }
                case FCMP -> compareFloats(i);
                case STACK_ADDR -> {
                    mv.visitLdcInsn((long) slotOffsets.get(i.stackSlot()) + i.offset());
                    store(i.result());
                }
                case ULOAD8 -> {
                    byteAddress(i.operand(0), i.offset());
                    mv.visitInsn(BALOAD);
                    mv.visitLdcInsn(0xff);
                    mv.visitInsn(IAND);
                    if (wide(i.result())) mv.visitInsn(I2L);
                    store(i.result());
                }
                case ISTORE8 -> {
                    byteAddress(i.operand(1), i.offset());
                    load(i.operand(0));
                    if (wide(i.operand(0))) mv.visitInsn(L2I);
                    mv.visitInsn(BASTORE);
                }
                case CALL -> {
                    Function callee = module.resolve(i.funcRef());
                    for (Value v : i.operands()) load(v);
                    mv.visitMethodInsn(INVOKESTATIC, className, callee.name(), descriptor(callee), false);
                    if (i.resultCount() == 1) store(i.result());
                }
                case JUMP -> jump(i.destination(0));
                case BRIF -> {
                    Label taken = new Label();
                    load(i.operand(0));
                    if (wide(i.operand(0))) {
                        mv.visitInsn(LCONST_0);
                        mv.visitInsn(LCMP);
                    }
                    mv.visitJumpInsn(IFNE, taken);
                    jump(i.destination(1));
                    mv.visitLabel(taken);
                    jump(i.destination(0));
                }
                case RETURN -> {
                    if (i.operandCount() == 0) {
                        mv.visitInsn(RETURN);
                    } else {
                        load(i.operand(0));
                        mv.visitInsn(switch (jvmType(i.operand(0).type())) {
                            case "J" -> LRETURN;
                            case "D" -> DRETURN;
                            default -> IRETURN;
                        });
                    }
                }
                default -> throw new UnsupportedOperationException("%" + f.name() + ": no bytecode for " + i);
            }
        }

        /** Block arguments to the target's parameters (loaded first: a parallel copy), then goto. */
        private void jump(BlockCall call) {
            List<Value> params = call.block().params();
            for (Value a : call.args()) load(a);
            for (int k = params.size() - 1; k >= 0; k--) store(params.get(k));
            mv.visitJumpInsn(GOTO, labels.get(call.block()));
        }

        /** Two integers on the stack to a 0/1 int result. */
        private void compareInts(Instruction i) {
            Value a = i.operand(0);
            int jump;
            if (wide(a)) {
                switch (i.intCC()) {
                    case ULT, UGE, UGT, ULE -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I", false);
                    default -> mv.visitInsn(LCMP);
                }
                jump = switch (i.intCC()) {
                    case EQ -> IFEQ;
                    case NE -> IFNE;
                    case SLT, ULT -> IFLT;
                    case SGE, UGE -> IFGE;
                    case SGT, UGT -> IFGT;
                    case SLE, ULE -> IFLE;
                };
            } else {
                jump = switch (i.intCC()) {
                    case EQ -> IF_ICMPEQ;
                    case NE -> IF_ICMPNE;
                    case SLT -> IF_ICMPLT;
                    case SGE -> IF_ICMPGE;
                    case SGT -> IF_ICMPGT;
                    case SLE -> IF_ICMPLE;
                    default -> throw new UnsupportedOperationException("narrow unsigned compare");
                };
            }
            flag(jump, i.result());
        }

        /** Ordered float compares only, the ones a NaN makes false. */
        private void compareFloats(Instruction i) {
            load(i.operand(0));
            load(i.operand(1));
            int jump = switch (i.floatCC()) {
                case LT -> {
                    mv.visitInsn(DCMPG);
                    yield IFLT;
                }
                case LE -> {
                    mv.visitInsn(DCMPG);
                    yield IFLE;
                }
                case GT -> {
                    mv.visitInsn(DCMPL);
                    yield IFGT;
                }
                case GE -> {
                    mv.visitInsn(DCMPL);
                    yield IFGE;
                }
                case EQ -> {
                    mv.visitInsn(DCMPL);
                    yield IFEQ;
                }
                default -> throw new UnsupportedOperationException("fcmp " + i.floatCC());
            };
            flag(jump, i.result());
        }

        private void flag(int jumpIfTrue, Value result) {
            Label yes = new Label();
            Label done = new Label();
            mv.visitJumpInsn(jumpIfTrue, yes);
            mv.visitInsn(ICONST_0);
            mv.visitJumpInsn(GOTO, done);
            mv.visitLabel(yes);
            mv.visitInsn(ICONST_1);
            mv.visitLabel(done);
            store(result);
        }
    }
}
