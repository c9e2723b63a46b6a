package dev.vex.runtime.cross;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The C source of a test harness: calls each function through its array entry under
 * {@code vex_invoke}, in order, and prints one line per call, unbuffered:
 * {@code S i} before call {@code i}, then {@code R i v...} (results in hex) or {@code T i code}
 * (trapped). A call that kills the process leaves an {@code S} line without an answer; the
 * harness takes the index of the first call to make as its argument, so the caller can go on
 * after it.
 */
final class HarnessSource {
    /** One call: the array entry's symbol, the canonical argument slots, how many results. */
    record Call(String entrySymbol, long[] args, int results) {
    }

    private HarnessSource() {
    }

    static String of(List<Call> calls) {
        StringBuilder c = new StringBuilder();
        c.append("#include <stdint.h>\n#include <stdio.h>\n#include <stdlib.h>\n\n");
        c.append("typedef struct { uint64_t code, pc; } vex_trap_info;\n");
        c.append("typedef void (*vex_array_entry)(const uint64_t *, uint64_t *);\n");
        c.append("int32_t vex_invoke(vex_array_entry, const uint64_t *, uint64_t *, vex_trap_info *);\n\n");
        Map<String, String> entries = new LinkedHashMap<>();
        for (Call call : calls) {
            entries.computeIfAbsent(call.entrySymbol(), s -> "entry" + entries.size());
        }
        entries.forEach((symbol, name) -> c.append("extern void ").append(name)
                .append("(const uint64_t *, uint64_t *) __asm__(\"").append(symbol).append("\");\n"));
        for (int i = 0; i < calls.size(); i++) {
            c.append("static const uint64_t args").append(i).append("[] = {");
            for (long a : calls.get(i).args()) {
                c.append("0x").append(Long.toHexString(a)).append("ull, ");
            }
            c.append("0};\n");
        }
        c.append("\nstatic const struct { vex_array_entry entry; const uint64_t *args; int results; } calls[] = {\n");
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            c.append("    {").append(entries.get(call.entrySymbol())).append(", args").append(i).append(", ")
                    .append(call.results()).append("},\n");
        }
        c.append("    {0, 0, 0}\n};\n\n");
        c.append("""
                int main(int argc, char **argv) {
                    setvbuf(stdout, NULL, _IONBF, 0);
                    int n = (int)(sizeof calls / sizeof calls[0]) - 1;
                    for (int i = argc > 1 ? atoi(argv[1]) : 0; i < n; i++) {
                        uint64_t results[64];
                        vex_trap_info trap;
                        printf("S %d\\n", i);
                        int32_t code = vex_invoke(calls[i].entry, calls[i].args, results, &trap);
                        if (code != 0) {
                            printf("T %d %d\\n", i, (int)code);
                            continue;
                        }
                        printf("R %d", i);
                        for (int k = 0; k < calls[i].results; k++) {
                            printf(" %llx", (unsigned long long)results[k]);
                        }
                        printf("\\n");
                    }
                    return 0;
                }
                """);
        return c.toString();
    }
}
