package dev.vex.x64.asm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every {@link Encoding} row of the assembler, by family, in a fixed order: the x86-64 table of
 * encoding facts. Each family declares its rows once, in its own file ({@link AluOp},
 * {@code TestInstruction}, {@link UnaryOp}, {@code MultiplyInstructions}, {@link ShiftOp},
 * {@code MoveInstructions}, {@link ExtendOp}, {@code StackInstructions},
 * {@code ConditionalInstructions}, {@code BranchInstructions}, {@code MiscInstructions},
 * {@link BitTestOp}, {@link BitCountOp}, {@link BmiOp}, {@link SseOp}, {@link SseConvertOp},
 * {@code SseMoveInstructions}, {@link FmaOp}, {@code AtomicInstructions}); this class only gathers them for the
 * disassembler and the tests.
 */
public final class EncodingTable {
    private static final Map<String, List<Encoding>> FAMILIES = build();
    private static final List<Encoding> ALL = flatten();

    private EncodingTable() {
    }

    private static Map<String, List<Encoding>> build() {
        Map<String, List<Encoding>> m = new LinkedHashMap<>();
        // misc first: its one-byte nop (90) wins over xchg eax, eax's 90+r when decoding
        add(m, "misc", MiscInstructions.rows());
        add(m, "alu", AluOp.rows());
        add(m, "test", TestInstruction.rows());
        add(m, "unary", UnaryOp.rows());
        add(m, "multiply", MultiplyInstructions.rows());
        add(m, "shift", ShiftOp.rows());
        add(m, "move", MoveInstructions.rows());
        add(m, "extend", ExtendOp.rows());
        add(m, "stack", StackInstructions.rows());
        add(m, "cond", ConditionalInstructions.rows());
        add(m, "branch", BranchInstructions.rows());
        add(m, "bittest", BitTestOp.rows());
        add(m, "bitcount", BitCountOp.rows());
        add(m, "bmi", BmiOp.rows());
        add(m, "sse", SseOp.rows());
        add(m, "sse-convert", SseConvertOp.rows());
        add(m, "sse-move", SseMoveInstructions.rows());
        add(m, "fma", FmaOp.rows());
        add(m, "atomic", AtomicInstructions.rows());
        return Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, List<Encoding>> m, String family, List<Encoding> rows) {
        for (Encoding e : rows) {
            if (!e.family().equals(family)) {
                throw new IllegalStateException(e + " is filed under " + e.family() + ", not " + family);
            }
        }
        m.put(family, List.copyOf(rows));
    }

    private static List<Encoding> flatten() {
        List<Encoding> all = new ArrayList<>();
        for (List<Encoding> rows : FAMILIES.values()) {
            all.addAll(rows);
        }
        return List.copyOf(all);
    }

    /** The families in table order, each with its rows. */
    public static Map<String, List<Encoding>> families() {
        return FAMILIES;
    }

    /** All rows, family by family. */
    public static List<Encoding> all() {
        return ALL;
    }
}
