package dev.vex.runtime.child;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hand-made extreme inputs for the mutation campaign, each a CLIF test file: stack slots near
 * 2 GiB (sync and async), huge block counts, long dependency chains, many merges, callees that
 * are libc or the runtime's internals, wrong builtin signatures, files for other targets.
 * {@code scale} is the block and chain count of the big ones.
 */
final class ExtremeIr {
    private ExtremeIr() {
    }

    /**
     * Marks an extreme file that still crashes the C runtime when run natively (issue #10, the
     * runtime's part: builtins do not yet check their handles and pointers); the campaign runs
     * it on the interpreter and compiles it, but runs it natively only when asked.
     */
    static final String KNOWN_RUNTIME_CRASH = "known runtime crash";

    /**
     * The extreme files that are {@link #KNOWN_RUNTIME_CRASH}es: none since {@code vex_free}
     * refuses blocks it did not hand out ("vex-free-of-a-bogus-pointer" runs natively again).
     */
    static final java.util.Set<String> KNOWN_RUNTIME_CRASHES = java.util.Set.of();

    static Map<String, String> files(int scale) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("huge-slots-sync", HEAD + """
                function %big() -> i64 {
                    ss0 = explicit_slot 2147483647
                    ss1 = explicit_slot 2147483647
                    ss2 = explicit_slot 8
                block0:
                    v0 = iconst.i64 5
                    stack_store v0, ss2
                    v1 = stack_load.i64 ss2
                    return v1
                }
                ; run: %big() == 5
                """);
        f.put("huge-slots-async", HEAD + """
                async function %big() -> i64 {
                    ss0 = explicit_slot 2147483647
                    ss1 = explicit_slot 2147483647
                    ss2 = explicit_slot 8
                    fn0 = async %vex_yield()
                block0:
                    v0 = iconst.i64 5
                    stack_store v0, ss2
                    await fn0()
                    v1 = stack_load.i64 ss2
                    return v1
                }
                ; run: %big() == 5
                """);
        f.put("slot-offset-beyond-32-bits", HEAD + """
                function %far() -> i64 {
                    ss0 = explicit_slot 1073741824
                block0:
                    v0 = stack_load.i64 ss0+2147483000
                    return v0
                }
                ; run: %far() == 0
                """);
        f.put("chain-of-blocks", chain(scale, false));
        f.put("chain-of-blocks-async", chain(scale, true));
        f.put("long-dependency-chain", dependencyChain(scale));
        f.put("many-merges", diamonds(scale / 3));
        f.put("await-then-long-chain", awaitThenChain(scale));
        for (String sym : new String[] {"exit", "abort", "malloc", "vex_frame_free", "vex_trap", "vex_spawn"}) {
            f.put("libc-or-internal-" + sym, HEAD + """
                    function %main() -> i64 {
                        fn0 = %SYM(i64) -> i64
                    block0:
                        v0 = iconst.i64 7
                        v1 = call fn0(v0)
                        return v1
                    }
                    ; run: %main() == 1
                    """.replace("SYM", sym));
        }
        f.put("func-addr-of-libc", HEAD + """
                function %main() -> i64 {
                    fn0 = %exit(i32)
                block0:
                    v0 = func_addr.i64 fn0
                    return v0
                }
                ; run: %main() != 0
                """);
        f.put("await-libc", HEAD + """
                async function %main() -> i64 {
                    fn0 = async %exit(i64) -> i64
                block0:
                    v0 = iconst.i64 3
                    v1 = await fn0(v0)
                    return v1
                }
                ; run: %main() == 3
                """);
        String[][] wrongSignatures = {
            {"async %vex_sleep(i32)", "await fn0(v0)", "v0 = iconst.i32 1"},
            {"async %vex_sleep(i64, i64)", "await fn0(v0, v0)", "v0 = iconst.i64 1"},
            {"%vex_sleep(i64)", "call fn0(v0)", "v0 = iconst.i64 1"},
            {"async %vex_join() -> i64", "v9 = await fn0()", "v0 = iconst.i64 1"},
            {"%vex_chan_new(i64, i64) -> i64", "v9 = call fn0(v0, v0)", "v0 = iconst.i64 1"},
            {"async %vex_alloc(i64) -> i64", "v9 = await fn0(v0)", "v0 = iconst.i64 8"},
            {"%vex_yield()", "call fn0()", "v0 = iconst.i64 1"},
            {"%vex_free(i64)", "call fn0(v0)", "v0 = iconst.i64 12345"},
            {"%vex_join(i64) -> i64", "v9 = call fn0(v0)", "v0 = iconst.i64 0"},
        };
        int k = 0;
        for (String[] w : wrongSignatures) {
            // vex_free of a pointer vex_alloc never gave: free() in libc faults on it.
            String name = w[0].startsWith("%vex_free") ? "vex-free-of-a-bogus-pointer" : "wrong-builtin-signature-" + k++;
            f.put(name, HEAD + """
                    async function %main() -> i64 {
                        fn0 = DECL
                    block0:
                        ARG
                        CALL
                        v1 = iconst.i64 1
                        return v1
                    }
                    ; run: %main() == 1
                    """.replace("DECL", w[0]).replace("ARG", w[2]).replace("CALL", w[1]));
        }
        f.put("pulley32-only", """
                test run
                target pulley32

                function %f() -> i32 {
                block0:
                    v0 = iconst.i32 7
                    return v0
                }
                ; run: %f() == 7
                """);
        f.put("run-line-names-another-function", HEAD + """
                function %b(i8) -> i8 {
                block0(v0: i8):
                    return v0
                }

                async function %a(i64, i64) -> i64 {
                block0(v0: i64, v1: i64):
                    v2 = iadd v0, v1
                    return v2
                }
                ; run: %b(1) == 1
                """);
        f.put("many-functions", manyFunctions(Math.max(10, scale / 10)));
        f.put("huge-br-table", brTable(scale));
        return f;
    }

    private static final String HEAD = "test run\ntarget x86_64\n\n";

    private static String chain(int n, boolean async) {
        StringBuilder sb = new StringBuilder(HEAD);
        sb.append(async ? "async function" : "function").append(" %huge(i64) -> i64 {\n");
        if (async) {
            sb.append("    fn0 = async %vex_yield()\n");
        }
        sb.append("block0(v0: i64):\n    v1 = iconst.i64 0\n    jump block1(v1)\n");
        for (int i = 1; i <= n; i++) {
            sb.append("block").append(i).append("(v").append(2 * i).append(": i64):\n");
            if (async && i % 1000 == 0) {
                sb.append("    await fn0()\n");
            }
            sb.append("    v").append(2 * i + 1).append(" = iadd v").append(2 * i).append(", v0\n");
            sb.append("    jump block").append(i + 1).append("(v").append(2 * i + 1).append(")\n");
        }
        sb.append("block").append(n + 1).append("(v").append(2 * n + 2).append(": i64):\n    return v")
                .append(2 * n + 2).append("\n}\n; run: %huge(2) == ").append(2L * n).append('\n');
        return sb.toString();
    }

    private static String dependencyChain(int n) {
        StringBuilder sb = new StringBuilder(HEAD).append("function %f(i64) -> i64 {\nblock0(v0: i64):\n");
        String prev = "v0";
        for (int i = 1; i <= n; i++) {
            sb.append("    v").append(i).append(" = iadd ").append(prev).append(", v0\n");
            prev = "v" + i;
        }
        return sb.append("    return ").append(prev).append("\n}\n; run: %f(1) == ").append(n + 1).append('\n').toString();
    }

    private static String diamonds(int n) {
        StringBuilder sb = new StringBuilder(HEAD).append("function %f(i64) -> i64 {\nblock0(v0: i64):\n    jump block1(v0)\n");
        int b = 1;
        for (int i = 0; i < n; i++) {
            int p = 3 * i + 1;
            sb.append("block").append(b).append("(v").append(p).append(": i64):\n    brif v").append(p).append(", block")
                    .append(b + 1).append(", block").append(b + 2).append('\n');
            sb.append("block").append(b + 1).append(":\n    v").append(p + 1).append(" = iadd_imm v").append(p)
                    .append(", 1\n    jump block").append(b + 3).append("(v").append(p + 1).append(")\n");
            sb.append("block").append(b + 2).append(":\n    jump block").append(b + 3).append("(v").append(p).append(")\n");
            b += 3;
        }
        int last = 3 * n + 1;
        return sb.append("block").append(b).append("(v").append(last).append(": i64):\n    return v").append(last)
                .append("\n}\n; run: %f(1) == ").append(n + 1).append('\n').toString();
    }

    private static String awaitThenChain(int n) {
        StringBuilder sb = new StringBuilder(HEAD).append("async function %f(i64) -> i64 {\n    fn0 = async %vex_yield()\n"
                + "block0(v0: i64):\n    v1 = iadd_imm v0, 7\n    await fn0()\n    jump block1\n");
        for (int i = 1; i <= n; i++) {
            sb.append("block").append(i).append(":\n    jump block").append(i + 1).append('\n');
        }
        return sb.append("block").append(n + 1).append(":\n    v2 = iadd v1, v0\n    return v2\n}\n; run: %f(1) == 9\n")
                .toString();
    }

    private static String manyFunctions(int n) {
        StringBuilder sb = new StringBuilder(HEAD);
        for (int i = 0; i < n; i++) {
            sb.append("function %f").append(i).append("(i64) -> i64 {\n");
            if (i > 0) {
                sb.append("    fn0 = %f").append(i - 1).append("(i64) -> i64\n");
            }
            sb.append("block0(v0: i64):\n");
            if (i > 0) {
                sb.append("    v1 = call fn0(v0)\n    v2 = iadd_imm v1, 1\n    return v2\n");
            } else {
                sb.append("    return v0\n");
            }
            sb.append("}\n");
        }
        return sb.append("; run: %f").append(n - 1).append("(0) == ").append(n - 1).append('\n').toString();
    }

    private static String brTable(int n) {
        StringBuilder sb = new StringBuilder(HEAD).append("function %f(i32) -> i32 {\nblock0(v0: i32):\n    br_table v0, block1, [");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append(i % 2 == 0 ? "block2" : "block3");
        }
        sb.append("]\nblock1:\n    v1 = iconst.i32 1\n    return v1\nblock2:\n    v2 = iconst.i32 2\n    return v2\n"
                + "block3:\n    v3 = iconst.i32 3\n    return v3\n}\n; run: %f(5) == 3\n; run: %f(-1) == 1\n");
        return sb.toString();
    }
}
