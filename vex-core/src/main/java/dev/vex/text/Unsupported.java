package dev.vex.text;

import java.util.Map;
import java.util.Set;

/**
 * The parts of CLIF that Vex recognises but deliberately leaves out, so that reading them gives
 * an {@link UnsupportedFeatureException} that names the feature instead of a syntax error.
 */
final class Unsupported {
    private Unsupported() {
    }

    /** The feature a type name needs, or null if it is no known CLIF type. */
    static String typeFeature(String word) {
        // Called for every type the reader meets, so matched by hand rather than by a regex.
        int lanes = vectorLanesEnd(word);
        if (lanes == word.length()) {
            return "vector type " + word;
        }
        if (lanes > 0 && word.length() == lanes + 2 && word.charAt(lanes) == 'x' && word.charAt(lanes + 1) == 'N') {
            return "dynamic vector type " + word;
        }
        if (word.equals("r32") || word.equals("r64")) {
            return "reference type " + word;
        }
        return null;
    }

    /**
     * For a word starting like {@code i32x4} ({@code [if](8|16|32|64|128)x[0-9]+}), the index just
     * after its lane count; else -1.
     */
    private static int vectorLanesEnd(String word) {
        int n = word.length();
        if (n < 4 || (word.charAt(0) != 'i' && word.charAt(0) != 'f')) {
            return -1;
        }
        int x = word.indexOf('x', 1);
        if (x < 0) {
            return -1;
        }
        switch (word.substring(1, x)) {
            case "8", "16", "32", "64", "128" -> { }
            default -> {
                return -1;
            }
        }
        int end = x + 1;
        while (end < n && word.charAt(end) >= '0' && word.charAt(end) <= '9') {
            end++;
        }
        return end == x + 1 ? -1 : end;
    }

    /** CLIF opcodes outside Vex's scalar subset, each with the feature it belongs to. */
    private static final Map<String, String> OPCODE_FAMILIES = Map.ofEntries(
            Map.entry("global_value", "global values"), Map.entry("symbol_value", "global values"),
            Map.entry("tls_value", "global values"),
            Map.entry("dynamic_stack_load", "dynamic stack slots"), Map.entry("dynamic_stack_store", "dynamic stack slots"),
            Map.entry("dynamic_stack_addr", "dynamic stack slots"), Map.entry("extract_vector", "dynamic vectors"),
            Map.entry("try_call", "exceptions"), Map.entry("try_call_indirect", "exceptions"),
            Map.entry("stack_switch", "stack switching"),
            Map.entry("get_frame_pointer", "frame introspection"), Map.entry("get_stack_pointer", "frame introspection"),
            Map.entry("get_return_address", "frame introspection"), Map.entry("debugtrap", "debugtrap"),
            Map.entry("vconst", "vectors"),
            Map.entry("call_indirect_tail", "tail calls"), Map.entry("sequence_point", "sequence points"),
            Map.entry("iadd_cout", "carry flags"), Map.entry("isub_bout", "carry flags"));

    private static final Set<String> VECTOR_OPCODES = Set.of(
            "splat", "swizzle", "x86_pshufb", "shuffle", "insertlane", "extractlane", "scalar_to_vector",
            "vall_true", "vany_true", "vhigh_bits", "vselect", "snarrow", "unarrow", "uunarrow", "swiden_low",
            "swiden_high", "uwiden_low", "uwiden_high", "iadd_pairwise", "fvpromote_low", "fvdemote",
            "avg_round", "uadd_sat", "sadd_sat", "usub_sat", "ssub_sat", "sqmul_round_sat", "x86_pmaddubsw",
            "x86_blendv", "x86_cvtt2dq", "x86_pmulhrsw", "uload8x8", "sload8x8", "uload16x4", "sload16x4",
            "uload32x2", "sload32x2", "fcvt_low_from_sint", "fcvt_to_sint_sat_low", "load_splat");

    /** The feature an unknown opcode word belongs to, or null if it is no CLIF opcode Vex knows of. */
    static String opcodeFeature(String word) {
        String f = OPCODE_FAMILIES.get(word);
        if (f != null) {
            return f;
        }
        return VECTOR_OPCODES.contains(word) ? "vectors" : null;
    }

    /**
     * Cranelift's named libcalls that Vex does not run (the others are {@link dev.vex.ir.Libcall}s):
     * they belong to a native ABI (stack probes, TLS) or to vectors.
     */
    private static final Set<String> LIBCALLS = Set.of("Probestack", "ElfTlsGetAddr", "ElfTlsGetOffset", "X86Pshufb");

    static boolean isLibcall(String name) {
        return LIBCALLS.contains(name);
    }

    /** The feature of a preamble entity prefix ({@code gv}, {@code dt}...), or null. */
    static String entityFeature(String prefix) {
        return switch (prefix) {
            case "dt" -> "dynamic types";
            case "dss" -> "dynamic stack slots";
            case "const" -> "constant pool";
            case "jt" -> "jump tables";
            case "heap" -> "heaps";
            case "table" -> "tables";
            case "mt" -> "memory types";
            case "stack_limit" -> "stack_limit";
            default -> null;
        };
    }

    /** The feature of a parameter purpose word ({@code sret}, {@code vmctx}...), or null. */
    static String purposeFeature(String word) {
        return switch (word) {
            case "sret", "sigid", "stack_limit", "struct_return", "norestore", "callee_vmctx",
                    "caller_vmctx" -> "parameter purpose " + word;
            default -> null;
        };
    }
}
