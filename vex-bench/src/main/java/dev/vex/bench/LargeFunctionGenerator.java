package dev.vex.bench;

import java.util.SplittableRandom;

/**
 * CLIF text of a module of large functions for the compile-throughput benchmark, the same for
 * every seed-and-size: a chain of counted loops whose bodies mix integer arithmetic, float
 * arithmetic and calls, reading values from anywhere before them, so that many values live long
 * across loops and calls (register pressure, splitting and spilling). The conformance suite's
 * functions are tiny; these show the per-instruction cost without the per-function one.
 */
final class LargeFunctionGenerator {
    private static final String[] INT_OPS = {"iadd", "isub", "imul", "band", "bor", "bxor"};
    /** The entry block's parameters and constants. */
    private static final int ENTRY_INTS = 14;
    private static final String[] FLOAT_OPS = {"fadd.f64", "fmul.f64", "fsub.f64"};

    private final SplittableRandom random;
    private final StringBuilder out = new StringBuilder();
    private int[] ints = new int[64];
    private int numInts;
    private int[] floats = new int[64];
    private int numFloats;
    private int nextValue;
    private int nextBlock;

    private LargeFunctionGenerator(long seed) {
        random = new SplittableRandom(seed);
    }

    /** A module of {@code functions} functions of about {@code loops * bodySize} instructions each. */
    static String module(long seed, int functions, int loops, int bodySize) {
        LargeFunctionGenerator g = new LargeFunctionGenerator(seed);
        g.out.append("function %leaf(i64) -> i64 {\nblock0(v0: i64):\n    v1 = iconst.i64 3\n")
                .append("    v2 = imul v0, v1\n    return v2\n}\n\n");
        for (int k = 0; k < functions; k++) {
            g.function("large" + k, loops, bodySize);
        }
        return g.out.toString();
    }

    private void function(String name, int loops, int bodySize) {
        numInts = 0;
        numFloats = 0;
        nextValue = 0;
        nextBlock = 0;
        out.append("function %").append(name).append("(i64, i64) -> i64 {\n");
        out.append("    fn0 = %leaf(i64) -> i64\n");
        int a = value();
        int b = value();
        out.append("block").append(nextBlock++).append("(v").append(a).append(": i64, v").append(b)
                .append(": i64):\n");
        addInt(a);
        addInt(b);
        for (int k = 0; k < 12; k++) {
            define("iconst.i64 " + (random.nextInt(1000) + 1));
        }
        for (int k = 0; k < 4; k++) {
            int v = value();
            out.append("    v").append(v).append(" = f64const 0x1.").append(random.nextInt(16)).append("p0\n");
            addFloat(v);
        }
        for (int l = 0; l < loops; l++) {
            loop(bodySize);
        }
        out.append("    return v").append(pickInt()).append("\n}\n\n");
    }

    /** A counted loop of about {@code bodySize} instructions; falls through into its exit block. */
    private void loop(int bodySize) {
        int zero = define("iconst.i64 0");
        int header = nextBlock++;
        int exit = nextBlock++;
        int carried = pickInt();
        out.append("    jump block").append(header).append("(v").append(zero).append(", v").append(carried)
                .append(")\n");
        int counter = value();
        int acc = value();
        out.append("block").append(header).append("(v").append(counter).append(": i64, v").append(acc)
                .append(": i64):\n");
        addInt(counter);
        addInt(acc);
        for (int k = 0; k < bodySize; k++) {
            int kind = random.nextInt(32);
            if (kind == 0) {
                define("call fn0(v" + pickInt() + ")");
            } else if (kind < 6) {
                int v = value();
                out.append("    v").append(v).append(" = ").append(FLOAT_OPS[random.nextInt(FLOAT_OPS.length)])
                        .append(" v").append(pickFloat()).append(", v").append(pickFloat()).append('\n');
                addFloat(v);
            } else {
                define(INT_OPS[random.nextInt(INT_OPS.length)] + " v" + pickInt() + ", v" + pickInt());
            }
        }
        int one = define("iconst.i64 1");
        int next = define("iadd v" + counter + ", v" + one);
        int limit = define("iconst.i64 " + (random.nextInt(90) + 10));
        int cond = value();
        out.append("    v").append(cond).append(" = icmp slt v").append(next).append(", v").append(limit).append('\n');
        out.append("    brif v").append(cond).append(", block").append(header).append("(v").append(next)
                .append(", v").append(pickInt()).append("), block").append(exit).append("(v").append(pickInt())
                .append(")\n");
        int result = value();
        out.append("block").append(exit).append("(v").append(result).append(": i64):\n");
        addInt(result);
    }

    private int define(String rhs) {
        int v = value();
        out.append("    v").append(v).append(" = ").append(rhs).append('\n');
        addInt(v);
        return v;
    }

    private int value() {
        return nextValue++;
    }

    /**
     * Mostly one of the latest values; sometimes one of the last hundred, or one of the entry
     * block's, which then live long (across loops and calls) without every value living to the end.
     */
    private int pickInt() {
        int r = random.nextInt(10);
        int k;
        if (r < 6) {
            k = numInts - 1 - random.nextInt(Math.min(numInts, 6));
        } else if (r < 8) {
            k = numInts - 1 - random.nextInt(Math.min(numInts, 100));
        } else {
            k = random.nextInt(Math.min(numInts, ENTRY_INTS));
        }
        return ints[k];
    }

    private int pickFloat() {
        int k = random.nextInt(10) < 7 ? numFloats - 1 - random.nextInt(Math.min(numFloats, 4))
                : random.nextInt(numFloats);
        return floats[k];
    }

    private void addInt(int v) {
        if (numInts == ints.length) {
            ints = java.util.Arrays.copyOf(ints, numInts * 2);
        }
        ints[numInts++] = v;
    }

    private void addFloat(int v) {
        if (numFloats == floats.length) {
            floats = java.util.Arrays.copyOf(floats, numFloats * 2);
        }
        floats[numFloats++] = v;
    }
}
