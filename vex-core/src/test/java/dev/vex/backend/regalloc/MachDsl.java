package dev.vex.backend.regalloc;

import dev.vex.backend.MachFunction;
import dev.vex.backend.MachFunctionBuilder;
import dev.vex.backend.Operand;
import dev.vex.backend.OperandConstraint;
import dev.vex.backend.RegClass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small text form for writing machine functions of {@link TestTarget} by hand.
 *
 * <pre>
 * block0:
 *   op def:v0
 *   op def:v1 use:v0 any:v0 late:v0
 *   call use:v0@r0 def:v2@r0 clobber:r0,r1,f0
 *   add reuse0:v3 use:v1 use:v2
 *   jump block1(v0, v3)
 * block1(v4, v5):
 *   br use:v4 block2() block3(v5)
 * ...
 *   ret use:v5@r0
 * </pre>
 *
 * Vregs named {@code vN} are integers and {@code fN} floats; names map to fresh vreg numbers in
 * order of first appearance. Operand forms: {@code use:}, {@code any:} (register or stack use),
 * {@code late:} (late use), {@code def:}, {@code defany:}, {@code early:} (early def),
 * {@code reuseK:} (def in the register of operand K), each optionally {@code @reg} (fixed).
 * {@code jump} and {@code br} end a block with successors; {@code ret} ends one without.
 */
final class MachDsl {
    private final Map<String, Integer> vregs = new HashMap<>();
    private final MachFunctionBuilder b;

    private MachDsl(String name) {
        b = new MachFunctionBuilder(name, TestTarget.INSTANCE);
    }

    static MachFunction parse(String text) {
        return new MachDsl("test").run(text);
    }

    private MachFunction run(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            int c = line.indexOf(';');
            String t = (c >= 0 ? line.substring(0, c) : line).trim();
            if (!t.isEmpty()) {
                lines.add(t);
            }
        }
        for (String line : lines) {
            if (line.endsWith(":")) {
                b.newBlock();
            }
        }
        int block = 0;
        for (String line : lines) {
            if (line.endsWith(":")) {
                String header = line.substring(0, line.length() - 1);
                int paren = header.indexOf('(');
                int[] params = paren < 0 ? new int[0] : vregList(header.substring(paren + 1, header.length() - 1));
                b.beginBlock(block++, params);
                continue;
            }
            instruction(line);
        }
        return b.build();
    }

    private int[] vregList(String s) {
        s = s.trim();
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(",");
        int[] out = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            out[k] = vreg(parts[k].trim());
        }
        return out;
    }

    private int vreg(String name) {
        return vregs.computeIfAbsent(name, n -> b.newVReg(n.startsWith("f") ? RegClass.FLOAT : RegClass.INT));
    }

    private void instruction(String line) {
        // Split on spaces outside parentheses.
        List<String> tokens = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char ch : line.toCharArray()) {
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            }
            if (ch == ' ' && depth == 0) {
                if (cur.length() > 0) {
                    tokens.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(ch);
            }
        }
        if (cur.length() > 0) {
            tokens.add(cur.toString());
        }
        String mnemonic = tokens.get(0);
        List<Integer> ops = new ArrayList<>();
        List<Integer> succs = new ArrayList<>();
        List<int[]> args = new ArrayList<>();
        long clobbers = 0;
        for (String t : tokens.subList(1, tokens.size())) {
            if (t.startsWith("block")) {
                int paren = t.indexOf('(');
                succs.add(Integer.parseInt(paren < 0 ? t.substring(5) : t.substring(5, paren)));
                args.add(paren < 0 ? new int[0] : vregList(t.substring(paren + 1, t.length() - 1)));
            } else if (t.startsWith("clobber:")) {
                for (String r : t.substring(8).split(",")) {
                    clobbers |= 1L << TestTarget.regNamed(r);
                }
            } else {
                ops.add(operand(t));
            }
        }
        int[] opArr = ops.stream().mapToInt(Integer::intValue).toArray();
        TestInst payload = new TestInst(mnemonic, mnemonic.hashCode());
        switch (mnemonic) {
            case "jump", "br" -> b.terminator(payload, opArr, succs.stream().mapToInt(Integer::intValue).toArray(),
                    args.toArray(new int[0][]));
            case "ret" -> b.ret(payload, opArr);
            default -> b.inst(payload, clobbers, opArr);
        }
    }

    private int operand(String t) {
        int colon = t.indexOf(':');
        String kind = t.substring(0, colon);
        String rest = t.substring(colon + 1);
        int at = rest.indexOf('@');
        int v = vreg(at < 0 ? rest : rest.substring(0, at));
        int fixed = at < 0 ? -1 : TestTarget.regNamed(rest.substring(at + 1));
        if (fixed >= 0) {
            return switch (kind) {
                case "use" -> Operand.useFixed(v, fixed);
                case "def" -> Operand.defFixed(v, fixed);
                case "late" -> Operand.of(v, false, true, OperandConstraint.FIXED_REG, fixed);
                case "early" -> Operand.of(v, true, false, OperandConstraint.FIXED_REG, fixed);
                default -> throw new IllegalArgumentException("fixed " + kind);
            };
        }
        if (kind.startsWith("reuse")) {
            return Operand.defReuse(v, Integer.parseInt(kind.substring(5)));
        }
        return switch (kind) {
            case "use" -> Operand.use(v);
            case "any" -> Operand.useAny(v);
            case "late" -> Operand.lateUse(v);
            case "def" -> Operand.def(v);
            case "defany" -> Operand.defAny(v);
            case "early" -> Operand.earlyDef(v);
            default -> throw new IllegalArgumentException("operand kind " + kind);
        };
    }
}
