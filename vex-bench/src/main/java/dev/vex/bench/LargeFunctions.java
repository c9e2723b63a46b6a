package dev.vex.bench;

/**
 * A generated compile workload of large functions, beside the conformance suite's tiny ones (about
 * three IR instructions each, so per-function costs dominate there): {@code count} functions, each
 * a loop whose body is {@code body} integer instructions mixing adds, multiplies, xors, shifts and
 * compares over the last few values, from a fixed seed.
 */
final class LargeFunctions {
    private LargeFunctions() {
    }

    static String module(int count, int body) {
        StringBuilder sb = new StringBuilder();
        long seed = 0x5DEECE66DL;
        for (int f = 0; f < count; f++) {
            sb.append("function %large").append(f).append("(i64, i64) -> i64 {\n");
            sb.append("block0(v0: i64, v1: i64):\n    v2 = iconst.i64 0\n    jump block1(v2, v1)\n");
            sb.append("block1(v3: i64, v4: i64):\n");
            int next = 5;
            for (int i = 0; i < body; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                int r = (int) (seed >>> 33);
                int a = Math.max(3, next - 1 - (r & 7));
                int b = Math.max(3, next - 1 - ((r >>> 3) & 7));
                String op = switch ((r >>> 6) % 6) {
                    case 0 -> "iadd v" + a + ", v" + b;
                    case 1 -> "imul v" + a + ", v" + b;
                    case 2 -> "bxor v" + a + ", v" + b;
                    case 3 -> "isub v" + a + ", v" + b;
                    case 4 -> "ishl_imm v" + a + ", " + ((r >>> 9) & 31);
                    default -> "iadd_imm v" + a + ", " + ((r >>> 9) & 1023);
                };
                sb.append("    v").append(next++).append(" = ").append(op).append('\n');
            }
            int last = next - 1;
            sb.append("    v").append(next).append(" = iadd_imm v3, 1\n");
            sb.append("    v").append(next + 1).append(" = icmp slt v").append(next).append(", v0\n");
            sb.append("    brif v").append(next + 1).append(", block1(v").append(next).append(", v").append(last)
                    .append("), block2\n");
            sb.append("block2:\n    return v").append(last).append("\n}\n\n");
        }
        return sb.toString();
    }
}
